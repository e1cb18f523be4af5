/// The fingerprint a run records of the files it trained on (`DatasetSplits.checksum`),
/// and which published dataset a fingerprint belongs to.
extension Dataset {
    /// The fingerprint of the published files: the MD5 of their four content digests, in
    /// `files` order (`01e6d083f6df282cb91bed43ee9fefcc` for MNIST).
    public var publishedChecksum: MD5Digest {
        Self.combined(files.map(\.contentMD5))
    }

    /// The dataset whose published files have `checksum`, or nil when no known dataset's do.
    public static func published(withChecksum checksum: MD5Digest) -> Dataset? {
        all.first { $0.publishedChecksum == checksum }
    }

    /// The fingerprint of files whose content digests are `digests`, in `files` order.
    static func combined(_ digests: [MD5Digest]) -> MD5Digest {
        var combined = MD5()
        for digest in digests { combined.update(digest.bytes) }
        return combined.finalize()
    }
}

extension DatasetLocation {
    /// The fingerprint of the files here, as a run loaded from them would record it. Every
    /// file is read and validated in full, and nothing is kept.
    public func contentChecksum() throws(DataFileError) -> MD5Digest {
        var digests: [MD5Digest] = []
        for (file, path) in zip(dataset.files, paths) {
            digests.append(try IDXReader.contentDigest(of: path, kind: file.kind, classCount: dataset.classCount))
        }
        return Dataset.combined(digests)
    }
}
