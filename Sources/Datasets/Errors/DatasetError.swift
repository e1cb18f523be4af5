/// A dataset that cannot be named, found or split as asked; one line each.
public enum DatasetError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownName(String, valid: [String])
    /// `searched` describes each directory looked in; `fetchDirectory` is the explicit
    /// directory to suggest to `tracker data fetch --data-dir`, if one was given.
    case notFound(dataset: String, searched: [String], fileNames: [String], fetchDirectory: String?)
    case trainLimitOutOfRange(Int, maximum: Int)

    public var description: String {
        switch self {
        case .unknownName(let name, let valid):
            return "unknown dataset '\(name)'; valid names: \(valid.joined(separator: ", "))"
        case .notFound(let dataset, let searched, let fileNames, let fetchDirectory):
            let fetch = "tracker data fetch \(dataset)" + (fetchDirectory.map { " --data-dir \($0)" } ?? "")
            return "\(dataset) not found; searched \(searched.joined(separator: "; ")). "
                + "Get it with `\(fetch)`, or put \(Dataset.list(fileNames)) (gzipped or not) in one of those directories"
        case .trainLimitOutOfRange(let limit, let maximum):
            return "train limit \(limit) is outside 1...\(maximum)"
        }
    }
}
