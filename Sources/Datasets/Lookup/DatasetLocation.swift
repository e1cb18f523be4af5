/// A directory holding all four files of a dataset.
public struct DatasetLocation: Sendable, Hashable {
    public let dataset: Dataset
    public let directory: DataDirectory
    /// Paths in `Dataset.files` order: training images, training labels, test images, test labels.
    public let paths: [String]

    public init(dataset: Dataset, directory: DataDirectory, paths: [String]) {
        precondition(paths.count == dataset.files.count, "one path per dataset file")
        self.dataset = dataset
        self.directory = directory
        self.paths = paths
    }

    /// The first directory of `search` that holds all four files, or an error listing every
    /// directory searched, what each lacks, and how to get the files.
    public static func find(_ dataset: Dataset, in search: DataSearchPath) throws(DatasetError) -> DatasetLocation {
        let scans = search.candidates(for: dataset).map { DirectoryScan(dataset, in: $0) }
        guard let complete = scans.first(where: \.isComplete) else {
            throw .notFound(
                dataset: dataset.name,
                searched: scans.map(\.description),
                fileNames: dataset.files.map(\.name),
                fetchDirectory: search.explicitDirectory.map { _ in search.fetchDestination(for: dataset) }
            )
        }
        return DatasetLocation(dataset: dataset, directory: complete.directory, paths: complete.paths.compactMap { $0 })
    }
}
