import Datasets
import TextOutput

/// What `tracker data list` and `tracker data fetch` do, so the command-line layer only
/// parses arguments and prints.
public enum DatasetCommands {
    /// The names `tracker data fetch` accepts, for help and completion.
    public static var datasetNames: [String] { Dataset.all.map(\.name) }

    /// Checks the arguments of `tracker data fetch` before anything is done.
    public static func validateFetch(name: String, mirror: String?) throws {
        _ = try Dataset.named(name)
        if let mirror { _ = try DatasetFetcher.mirror(from: mirror) }
    }

    /// The listing of every dataset along this process's search path (or only `directory`).
    public static func list(directory: String?) -> String {
        list(search: .current(explicitDirectory: directory))
    }

    public static func list(search: DataSearchPath) -> String {
        DataListing.render(
            Dataset.all.map { DatasetSurvey($0, search: search) }, explicitDirectory: search.explicitDirectory)
    }

    /// Fetches dataset `name` into `directory`, else `$TRACKER_DATA/NAME`, else `./data/NAME`,
    /// from `mirror` or the dataset's mirrors, reporting on `output`.
    public static func fetch(name: String, mirror: String?, directory: String?, output: StatusLine) throws {
        try fetch(name: name, mirror: mirror, search: .current(explicitDirectory: directory), output: output)
    }

    public static func fetch(name: String, mirror: String?, search: DataSearchPath, output: StatusLine) throws {
        let dataset = try Dataset.named(name)
        let mirrors = try mirror.map { mirror throws(FetchError) in [try DatasetFetcher.mirror(from: mirror)] }
        let fetcher = DatasetFetcher(
            dataset: dataset, destination: search.fetchDestination(for: dataset), mirrors: mirrors)
        let reporter = FetchReporter(line: output)
        let downloaded = try fetcher.run(observer: reporter.report)
        let total = dataset.files.count
        let detail =
            switch downloaded.count {
            case 0: "all \(total) already present"
            case total: "\(total) downloaded"
            default: "\(downloaded.count) downloaded, \(total - downloaded.count) already present"
            }
        output.print("\(dataset.name): \(total) files in \(fetcher.destination) (\(detail))")
    }
}
