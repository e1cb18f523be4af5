import Datasets

/// The data a new run trains on, loaded and checked to be the dataset it names, with the
/// line to show when the files match no published dataset.
public struct RunData: Sendable {
    let splits: DatasetSplits
    /// Says that the files are not the published data, which the run records; nil when they are.
    public let note: String?

    /// Loads the data of `config`, looked for in `dataDirectory` when given.
    ///
    /// - Throws: `DataMismatch` for files that are another published dataset, or the
    ///   lookup's and the files' own errors.
    static func load(for config: RunConfig, dataDirectory: String?) throws -> RunData {
        let splits = try DatasetSplits.load(for: config, dataDirectory: dataDirectory)
        let note = try DataIdentity.check(
            splits.checksum, for: Dataset.named(config.dataset), in: splits.location.directory.path)
        return RunData(splits: splits, note: note)
    }
}
