/// Labelled images kept as bytes, one byte per pixel, so that the 70,000 MNIST
/// images take 55 MB rather than 220 MB as Float; the engine converts one batch
/// at a time.
public struct ImageSet: Sendable {
    /// `count × featureCount` pixel intensities 0...255, row-major, one image per row.
    public let pixels: [UInt8]
    /// One class index per image, each below `classCount`.
    public let labels: [UInt8]
    /// Pixels per image (784 for 28 × 28).
    public let featureCount: Int
    /// Number of classes the labels range over (10 for MNIST).
    public let classCount: Int
    /// Intensities in [0, 1] that replace `pixels / 255` when set (a noisy copy of the
    /// images, four bytes a pixel), laid out as `pixels`.
    public let intensities: [Float]?

    public var count: Int { labels.count }

    public init(
        pixels: [UInt8], labels: [UInt8], featureCount: Int, classCount: Int = 10, intensities: [Float]? = nil
    ) {
        precondition(featureCount > 0, "an image has at least one pixel")
        precondition(pixels.count == labels.count * featureCount, "pixels do not match labels × featureCount")
        precondition(labels.allSatisfy { Int($0) < classCount }, "a label is out of range")
        precondition(intensities.map { $0.count == pixels.count } ?? true, "intensities do not match the pixels")
        self.pixels = pixels
        self.labels = labels
        self.featureCount = featureCount
        self.classCount = classCount
        self.intensities = intensities
    }

    /// The images at `indices`, in that order.
    public func gathering(_ indices: [Int]) -> ImageSet {
        var gathered: [UInt8] = []
        gathered.reserveCapacity(indices.count * featureCount)
        for index in indices { gathered += pixels[index * featureCount..<(index + 1) * featureCount] }
        return ImageSet(
            pixels: gathered, labels: indices.map { labels[$0] }, featureCount: featureCount, classCount: classCount,
            intensities: intensities.map { values in
                indices.flatMap { values[$0 * featureCount..<($0 + 1) * featureCount] }
            })
    }

    /// The same images with other labels.
    public func relabelled(_ labels: [UInt8]) -> ImageSet {
        ImageSet(
            pixels: pixels, labels: labels, featureCount: featureCount, classCount: classCount,
            intensities: intensities)
    }

    /// The same images and labels, read as `intensities` rather than as their bytes.
    public func with(intensities: [Float]) -> ImageSet {
        ImageSet(
            pixels: pixels, labels: labels, featureCount: featureCount, classCount: classCount,
            intensities: intensities)
    }

    /// The images at `range`, in order.
    public func slice(_ range: Range<Int>) -> ImageSet {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "slice out of bounds")
        return ImageSet(
            pixels: Array(pixels[range.lowerBound * featureCount..<range.upperBound * featureCount]),
            labels: Array(labels[range]),
            featureCount: featureCount,
            classCount: classCount,
            intensities: intensities.map {
                Array($0[range.lowerBound * featureCount..<range.upperBound * featureCount])
            }
        )
    }

    /// The first `n` images (all of them when `n >= count`).
    public func prefix(_ n: Int) -> ImageSet {
        slice(0..<Swift.min(n, count))
    }
}
