/// One of a dataset's four IDX files, as the mirrors publish it.
public struct DatasetFile: Sendable, Hashable {
    /// The published name, gzipped: `train-images-idx3-ubyte.gz`.
    public let name: String
    public let kind: IDXKind
    /// MD5 of the published `.gz` file, used to verify downloads.
    public let publishedMD5: MD5Digest
    /// MD5 of the decompressed content. A copy whose gzip header was rewritten (as Debian's
    /// Fashion-MNIST package does) or that was decompressed still has this checksum.
    public let contentMD5: MD5Digest

    public init(name: String, kind: IDXKind, publishedMD5: MD5Digest, contentMD5: MD5Digest) {
        precondition(name.hasSuffix(".gz"), "published names end in .gz")
        self.name = name
        self.kind = kind
        self.publishedMD5 = publishedMD5
        self.contentMD5 = contentMD5
    }

    /// The name once decompressed, as torchvision and Debian also leave it:
    /// `train-images-idx3-ubyte`.
    public var uncompressedName: String { String(name.dropLast(3)) }
}
