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

    public var count: Int { labels.count }

    public init(pixels: [UInt8], labels: [UInt8], featureCount: Int, classCount: Int = 10) {
        precondition(featureCount > 0, "an image has at least one pixel")
        precondition(pixels.count == labels.count * featureCount, "pixels do not match labels × featureCount")
        precondition(labels.allSatisfy { Int($0) < classCount }, "a label is out of range")
        self.pixels = pixels
        self.labels = labels
        self.featureCount = featureCount
        self.classCount = classCount
    }

    /// The images at `range`, in order.
    public func slice(_ range: Range<Int>) -> ImageSet {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "slice out of bounds")
        return ImageSet(
            pixels: Array(pixels[range.lowerBound * featureCount..<range.upperBound * featureCount]),
            labels: Array(labels[range]),
            featureCount: featureCount,
            classCount: classCount
        )
    }

    /// The first `n` images (all of them when `n >= count`).
    public func prefix(_ n: Int) -> ImageSet {
        slice(0..<Swift.min(n, count))
    }
}
