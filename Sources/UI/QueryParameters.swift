import Foundation
import RunQueries

/// A query parameter that does not parse: the one line of the 400 answer.
struct ParameterError: Error, Sendable, Hashable, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }

    init(_ error: QueryInputError) { description = error.description }
}

/// The requests behind `/api/runs`, `/api/compare` and their pages, built from query
/// parameters through the command line's own parsers and whitelists: `where`,
/// `experiment` and `group` repeat as their flags do, and every value is checked before
/// any database is read.
enum QueryParameters {
    /// Rows of a Runs page when `limit` is not given.
    static let defaultPageSize = 50
    /// The most rows one answer holds.
    static let maxPageSize = 1_000

    static func selection(_ request: WebRequest, defaultStatus: String) throws(ParameterError) -> RunSelection {
        let experiments = request.values("experiment").filter { !$0.isEmpty }
        let conditions = request.values("where").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        do {
            return try RunSelection(
                experiments: experiments, status: request.value("status") ?? defaultStatus, conditions: conditions)
        } catch {
            throw ParameterError(error)
        }
    }

    static func listing(_ request: WebRequest) throws(ParameterError) -> RunListingRequest {
        let limit = try count(request, "limit", default: defaultPageSize, max: maxPageSize)
        let offset = try count(request, "offset", default: 0, max: Int(Int32.max))
        let selection = try selection(request, defaultStatus: "all")
        do {
            let sort = try request.value("sort").map { text throws(QueryInputError) in
                try SortOrder(parsing: text, columns: RunListingRequest.sortableColumns)
            }
            return RunListingRequest(selection: selection, sort: sort, limit: limit, offset: offset)
        } catch {
            throw ParameterError(error)
        }
    }

    static func comparison(_ request: WebRequest) throws(ParameterError) -> ComparisonRequest {
        let groups: [GroupKey]
        do {
            groups = try GroupKey.parseList(request.values("group").filter { !$0.isEmpty })
        } catch {
            throw ParameterError(error)
        }
        guard !groups.isEmpty else {
            throw ParameterError("compare needs at least one group key, as in group=activation")
        }
        let select = try choice(request, "select", default: MetricSelection.final)
        let stats = try choice(request, "stats", default: StatisticsDetail.basic)
        let loss = try flag(request, "loss")
        let metrics = loss ? Metric.accuracies + Metric.losses : Metric.accuracies
        let selection = try selection(request, defaultStatus: "completed")
        do {
            let columns = ComparisonRequest.sortableColumns(groups: groups, metrics: metrics, detail: stats)
            return ComparisonRequest(
                groups: groups, selection: selection, metricSelection: select, includesLoss: loss, detail: stats,
                sort: try request.value("sort").map { text throws(QueryInputError) in
                    try SortOrder(parsing: text, columns: columns)
                },
                baseline: try request.value("baseline").map { text throws(QueryInputError) in
                    try Baseline(parsing: text, groups: groups)
                })
        } catch {
            throw ParameterError(error)
        }
    }

    /// A whole number from 0 to `max`.
    static func count(_ request: WebRequest, _ name: String, default value: Int, max: Int) throws(ParameterError) -> Int
    {
        guard let text = request.value(name) else { return value }
        guard let number = Int(text), number >= 0 else {
            throw ParameterError("\(name) needs a count from 0 to \(max), not '\(text.prefix(40))'")
        }
        guard number <= max else { throw ParameterError("\(name) is at most \(max), not \(number)") }
        return number
    }

    static func choice<T: RawRepresentable & CaseIterable>(
        _ request: WebRequest, _ name: String, default value: T
    ) throws(ParameterError) -> T where T.RawValue == String {
        guard let text = request.value(name) else { return value }
        guard let chosen = T(rawValue: text) else {
            let valid = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw ParameterError("\(name) '\(text.prefix(40))': expected one of \(valid)")
        }
        return chosen
    }

    static func flag(_ request: WebRequest, _ name: String) throws(ParameterError) -> Bool {
        switch request.value(name) {
        case nil, "0", "false": return false
        case "1", "true", "on": return true
        case let text?: throw ParameterError("\(name) '\(text.prefix(40))': expected true or false")
        }
    }

    /// A run id in a path: a positive whole number.
    static func runID(_ text: Substring) -> Int? {
        guard let id = Int(text), id > 0, text.allSatisfy(\.isASCII) else { return nil }
        return id
    }

    /// The runs of a Diff page: `runs=3,7` or `run=3&run=7`, two to twelve of them.
    static func runIDs(_ request: WebRequest) throws(ParameterError) -> [Int] {
        let texts = (request.values("runs") + request.values("run")).flatMap { $0.split(separator: ",") }
        var ids: [Int] = []
        for text in texts {
            guard let id = runID(Substring(text.trimmingCharacters(in: .whitespaces))) else {
                throw ParameterError("runs '\(text.prefix(40))': expected run ids such as runs=3,7")
            }
            if !ids.contains(id) { ids.append(id) }
        }
        guard (2...12).contains(ids.count) else {
            throw ParameterError("diff needs two to twelve run ids, as in runs=3,7")
        }
        return ids
    }
}
