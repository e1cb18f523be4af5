import Foundation
import RunQueries
import Store
import TextOutput

/// The JSON answers: each is the library call of a command and its JSON writer, so that
/// `/api/compare?group=activation` prints what `tracker compare --group activation
/// --format json` prints.
enum DashboardAPI {
    /// `tracker runs --format json`, with `offset` for paging.
    static func runs(_ request: RunListingRequest, store: TrackerStore) throws -> String {
        OutputFormat.json.render(try RunListing(request, store: store).cellTable)
    }

    /// `tracker compare --format json`.
    static func compare(_ request: ComparisonRequest, store: TrackerStore) throws -> String {
        OutputFormat.json.render(try Comparison(request, store: store).cellTable)
    }

    /// The run's object of `tracker export --format json`, or nil when there is no such run.
    static func run(_ id: Int, store: TrackerStore) throws -> String? {
        let text = try export(RunExport(format: .jsonl, runID: id), store: store)
        return text.isEmpty ? nil : text.trimmingCharacters(in: .newlines) + "\n"
    }

    /// The run's rows of `tracker export --epochs --format json`, or nil when there is no
    /// such run.
    static func epochs(_ id: Int, store: TrackerStore) throws -> String? {
        try store.read {
            guard try run(id, store: store) != nil else { return nil }
            return try export(RunExport(epochs: true, format: .json, runID: id), store: store)
        }
    }

    private static func export(_ export: RunExport, store: TrackerStore) throws -> String {
        let sink = TextSink()
        try export.write(from: store, to: sink)
        return sink.text
    }

    /// The experiments' columns: what an Experiments page shows, per experiment.
    static let experimentColumns =
        ["name", "description", "created_at", "runs"] + RunStatus.allCases.map(\.rawValue) + [
            "first_started_at", "last_finished_at", "varies",
        ]

    /// Each experiment with its description, runs by status, activity and the settings
    /// its runs vary (as `tracker report` describes them).
    static func experimentTable(store: TrackerStore) throws -> CellTable {
        let rows = try ExperimentOverview(store: store).entries.map { entry -> [Cell] in
            let experiment = entry.experiment
            let varied = entry.variedSettings.map(\.rawValue)
            return [
                .text(experiment.name), Cell(experiment.description), .text(experiment.createdAt), Cell(entry.runs),
            ]
                + RunStatus.allCases.map { Cell(entry.statuses[$0] ?? 0) }
                + [Cell(entry.firstStarted), Cell(entry.lastFinished), .text(varied.joined(separator: ", "))]
        }
        return CellTable(columns: experimentColumns, rows: rows)
    }
}
