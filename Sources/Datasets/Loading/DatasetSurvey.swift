/// What `tracker data list` shows for one dataset: the directories searched, the one the
/// dataset would be loaded from, and each of its files checked in full.
public struct DatasetSurvey: Sendable {
    public let dataset: Dataset
    /// Every candidate directory, in search order.
    public let scans: [DirectoryScan]
    /// The directory a run would load from, if any holds all four files.
    public let location: DatasetLocation?
    /// The files at `location`, in `Dataset.files` order (empty when not found).
    public let checks: [FileCheck]

    /// Looks `dataset` up along `search` and verifies the files it finds: each is read
    /// and validated as a run would, and its content compared with the published data.
    public init(_ dataset: Dataset, search: DataSearchPath) {
        self.dataset = dataset
        scans = search.candidates(for: dataset).map { DirectoryScan(dataset, in: $0) }
        location = try? DatasetLocation.find(dataset, in: search)
        checks =
            location.map { location in
                zip(dataset.files, location.paths).map { FileCheck(file: $0, path: $1, classCount: dataset.classCount) }
            } ?? []
    }
}

/// One dataset file checked against the published data.
public struct FileCheck: Sendable {
    public enum Status: Sendable, Hashable {
        /// The decompressed content has the published checksum.
        case verified
        /// A valid IDX file whose content differs from the published one.
        case differs(actual: MD5Digest)
        /// The file cannot be used; the error says why.
        case invalid(DataFileError)
    }

    public let file: DatasetFile
    public let path: String
    /// Size on disk in bytes, nil when it cannot be read.
    public let bytes: Int?
    public let status: Status

    init(file: DatasetFile, path: String, classCount: Int) {
        self.file = file
        self.path = path
        bytes = try? FileReader(path: path).size
        do {
            let digest = try IDXReader.contentDigest(of: path, kind: file.kind, classCount: classCount)
            status = digest == file.contentMD5 ? .verified : .differs(actual: digest)
        } catch {
            status = .invalid(error)
        }
    }
}
