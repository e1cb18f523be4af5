import Foundation
import RunQueries
import Store
import TextOutput

/// The Experiments and Runs pages.
enum ListPages {
    static func experiments(store: TrackerStore) throws -> String {
        let (table, abandoned) = try store.read {
            (
                try DashboardAPI.experimentTable(store: store),
                try AbandonedRuns(store: store).countsByExperiment(store: store)
            )
        }
        let statuses = RunStatus.allCases.map(\.rawValue)
        let rows = table.rows.map { row -> [String] in
            let name = row[0].plainText
            let link = "<a href=\"/runs\(HTML.query([("experiment", name)]))\">\(HTML.escape(name))</a>"
            let stopped = abandoned[name] ?? 0
            let counts =
                statuses.indices.map { index -> String in
                    var count = Int(row[4 + index].plainText) ?? 0
                    if statuses[index] == RunStatus.running.rawValue { count -= stopped }
                    return count == 0
                        ? "" : "<span class=\"status \(statuses[index])\">\(count) \(statuses[index])</span>"
                }.joined(separator: " ")
                + (stopped == 0 ? "" : " <span class=\"status abandoned\">\(stopped) abandoned</span>")
            let compare = "<a href=\"/compare\(HTML.query([("experiment", name)]))\">compare</a>"
            return [
                link, HTML.escape(row[1].plainText), row[3].plainText, counts,
                HTML.escape(row[9].plainText.isEmpty ? row[8].plainText : row[9].plainText),
                HTML.escape(row[10].plainText), compare,
            ]
        }
        let body =
            "<h1>Experiments</h1>\n"
            + (rows.isEmpty
                ? "<p>No experiments yet: <code>tracker run</code> records one.</p>"
                : HTML.table(["experiment", "description", "runs", "by status", "last activity", "varies", ""], rows))
        return HTML.page(title: "Experiments", active: "Experiments", body: body, live: true)
    }

    /// The columns of the Runs table, from the listing's.
    static let runColumns = [
        "id", "experiment", "status", "architecture", "activation", "regularization", "learning_rate", "batch_size",
        "epochs_done", "seed", "train_acc", "dev_acc", "test_acc", "duration_seconds",
    ]

    static func runs(_ request: WebRequest, listing: RunListingRequest, store: TrackerStore) throws -> String {
        let (result, abandoned) = try store.read {
            (try RunListing(listing, store: store), try AbandonedRuns(store: store))
        }
        let table = result.cellTable
        let index = Dictionary(uniqueKeysWithValues: table.columns.enumerated().map { ($1, $0) })
        let rows = table.rows.map { row in
            runColumns.map { column -> String in
                guard let position = index[column] else { return "" }
                let cell = row[position]
                switch column {
                case "id": return "<a href=\"/runs/\(cell.plainText)\">\(cell.plainText)</a>"
                case "status":
                    let id = index["id"].flatMap { Int(row[$0].plainText) }
                    return AbandonedRuns.badge(cell.plainText, abandoned: id.map(abandoned.contains) ?? false)
                case "epochs_done": return "\(cell.plainText)/\(index["epochs"].map { row[$0].plainText } ?? "")"
                case "duration_seconds": return HTML.escape(NumberText.duration(cell.double))
                default: return HTML.cell(cell, column: column)
                }
            }
        }
        let body =
            "<h1>Runs</h1>\n" + runFilterForm(request)
            + (rows.isEmpty
                ? "<p class=\"empty\">No \(HTML.escape(listing.selection.summary)).</p>"
                : HTML.table(runColumns, rows, classes: "runs"))
            + pager(request, listing: listing, shown: rows.count)
        return HTML.page(title: "Runs", active: "Runs", body: body, live: true)
    }

    private static func runFilterForm(_ request: WebRequest) -> String {
        let statuses = ["all"] + RunStatus.allCases.map(\.rawValue)
        let chosen = request.value("status") ?? "all"
        let options = statuses.map {
            "<option\($0 == chosen ? " selected" : "")>\($0)</option>"
        }.joined()
        let hidden = request.values("experiment").map {
            "<input type=\"hidden\" name=\"experiment\" value=\"\(HTML.escape($0))\">"
        }.joined()
        return """
            <form method="get" action="/runs" class="filters">\(hidden)
            <label>where <input name="where" size="40" value="\(HTML.escape(request.values("where").first ?? ""))" placeholder="batch-size<=100"></label>
            <label>status <select name="status">\(options)</select></label>
            <label>sort <input name="sort" size="14" value="\(HTML.escape(request.value("sort") ?? ""))" placeholder="test_acc:desc"></label>
            <label>per page <input name="limit" size="4" value="\(HTML.escape(request.value("limit") ?? ""))"></label>
            <button type="submit">Show</button>
            </form>

            """
    }

    private static func pager(_ request: WebRequest, listing: RunListingRequest, shown: Int) -> String {
        let limit = listing.limit ?? QueryParameters.defaultPageSize
        let kept = request.query.filter { $0.name != "offset" && $0.name != "token" }.map { ($0.name, $0.value) }
        var links: [String] = []
        if listing.offset > 0 {
            let previous = max(0, listing.offset - limit)
            links.append(
                "<a rel=\"prev\" href=\"/runs\(HTML.query(kept + [("offset", String(previous))]))\">← newer</a>")
        }
        if shown == limit && limit > 0 {
            let next = listing.offset + limit
            links.append("<a rel=\"next\" href=\"/runs\(HTML.query(kept + [("offset", String(next))]))\">older →</a>")
        }
        let range = shown == 0 ? "" : "runs \(listing.offset + 1)–\(listing.offset + shown)"
        return "<p class=\"pager\">\(range) \(links.joined(separator: " "))</p>\n"
    }
}
