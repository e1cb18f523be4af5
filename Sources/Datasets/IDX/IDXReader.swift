/// The images of one IDX image file.
public struct IDXImages: Sendable {
    public let count: Int
    public let rows: Int
    public let columns: Int
    /// `count × rows × columns` bytes, row-major, one image after the other.
    public let pixels: [UInt8]
    /// MD5 of the decompressed file, header included.
    public let contentMD5: MD5Digest
}

/// The labels of one IDX label file, each checked to lie in `0 ..< classCount`.
public struct IDXLabels: Sendable {
    public let labels: [UInt8]
    /// MD5 of the decompressed file, header included.
    public let contentMD5: MD5Digest
}

/// Reads MNIST-format IDX files, gzipped or not, validating everything: magic, data type,
/// dimension count and sizes, exact payload length, label range. A fault throws one
/// `DataFileError` naming the file; a file is never partly loaded.
public enum IDXReader {
    /// Reads a whole image file (magic 0x00000803).
    public static func readImages(at path: String) throws(DataFileError) -> IDXImages {
        let stream = try IDXStream(path: path, kind: .images)
        let pixels = try stream.readRecords(stream.count)
        let digest = try stream.finish()
        return IDXImages(
            count: stream.count, rows: stream.rows, columns: stream.columns, pixels: pixels, contentMD5: digest)
    }

    /// Reads a whole label file (magic 0x00000801); every label must be below `classCount`.
    public static func readLabels(at path: String, classCount: Int = 10) throws(DataFileError) -> IDXLabels {
        let stream = try IDXStream(path: path, kind: .labels)
        let labels = try stream.readRecords(stream.count)
        let digest = try stream.finish()
        try checkRange(labels, classCount: classCount, path: path)
        return IDXLabels(labels: labels, contentMD5: digest)
    }

    /// Reads an image file and its label file into one `ImageSet`; their counts must agree.
    public static func readImageSet(images imagesPath: String, labels labelsPath: String, classCount: Int = 10)
        throws(DataFileError) -> ImageSet
    {
        let images = try readImages(at: imagesPath)
        let labels = try readLabels(at: labelsPath, classCount: classCount)
        guard labels.labels.count == images.count else {
            throw DataFileError(
                path: labelsPath,
                fault: .countMismatch(labels: labels.labels.count, imagesPath: imagesPath, images: images.count)
            )
        }
        return ImageSet(
            pixels: images.pixels, labels: labels.labels, featureCount: images.rows * images.columns,
            classCount: classCount)
    }

    /// Reads a file of either kind through to the end, validating it as the readers above
    /// do but keeping nothing, and returns the MD5 of its decompressed content.
    public static func contentDigest(of path: String, kind: IDXKind, classCount: Int = 10) throws(DataFileError)
        -> MD5Digest
    {
        switch kind {
        case .labels:
            return try readLabels(at: path, classCount: classCount).contentMD5
        case .images:
            let stream = try IDXStream(path: path, kind: .images)
            try stream.skipRecords(stream.count)
            return try stream.finish()
        }
    }

    /// Throws for the first label that is not below `classCount`.
    static func checkRange(_ labels: [UInt8], classCount: Int, path: String) throws(DataFileError) {
        // A max-reduction vectorises; the index is looked for only when something is wrong.
        guard let largest = labels.max(), Int(largest) >= classCount else { return }
        guard let index = labels.firstIndex(where: { Int($0) >= classCount }) else { return }
        throw DataFileError(
            path: path, fault: .labelOutOfRange(label: labels[index], index: index, classCount: classCount))
    }
}
