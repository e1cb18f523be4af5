import Charts
import Foundation
import Plots
import Reports
import RunQueries
import Store
import TextOutput

/// The Compare page: the rows of `tracker compare` with the same request, the groups'
/// curves with ± 1 std bands, and the command that reproduces the table.
enum ComparePage {
    static func page(
        _ request: WebRequest, comparison: ComparisonRequest?, error: String?,
        curveRunLimit: Int = Dashboard.defaultCompareCurveRunLimit, store: TrackerStore
    ) throws -> String {
        var body = "<h1>Compare</h1>\n" + (try form(request, store: store))
        if let error {
            body += "<p class=\"error\">\(HTML.escape(error))</p>\n"
        } else if let comparison {
            body += try results(request, comparison: comparison, curveRunLimit: curveRunLimit, store: store)
        } else {
            body += "<p>Choose one or more group keys.</p>\n"
        }
        return HTML.page(title: "Compare", active: "Compare", body: body, live: true)
    }

    private static func results(
        _ request: WebRequest, comparison: ComparisonRequest, curveRunLimit: Int, store: TrackerStore
    ) throws -> String {
        let result = try Comparison(comparison, store: store)
        let table = result.cellTable
        guard !table.rows.isEmpty else {
            return "<p class=\"empty\">No \(HTML.escape(comparison.selection.summary)).</p>\n" + command(request)
        }
        let index = Dictionary(uniqueKeysWithValues: table.columns.enumerated().map { ($1, $0) })
        let keys = comparison.groups.map(\.column)
        var headers = comparison.groups.map(\.description) + ["n", "train", "dev", "test", "gap"]
        if comparison.baseline != nil { headers += ["Δ test", "p"] }
        let rows = table.rows.map { row -> [String] in
            func cell(_ name: String) -> Cell { index[name].map { row[$0] } ?? .null }
            var out = keys.map { HTML.escape(NumberText.value(cell($0))) } + [cell("runs").plainText]
            for split in ["train", "dev", "test"] {
                let std = cell(split + "_std").double.map { " ± " + NumberText.percent($0) } ?? " ± -"
                out.append(NumberText.percent(cell(split + "_mean").double) + std)
            }
            out.append(NumberText.points(cell("gap").double))
            if comparison.baseline != nil {
                out += [NumberText.points(cell("test_diff").double), NumberText.pValue(cell("test_p").double)]
            }
            return out
        }
        let runs = table.rows.reduce(0) { total, row in total + (index["runs"].flatMap { Int(row[$0].plainText) } ?? 0)
        }
        return HTML.table(headers, rows, classes: "compare")
            + "<p class=\"muted\">Accuracies in percent, mean ± std over runs; gap and Δ in points.</p>\n"
            + command(request)
            + (runs <= curveRunLimit ? try curves(comparison, store: store) : curvesLeftOut(request, runs: runs))
    }

    /// In place of curves over too many runs: how to draw them anyway.
    static func curvesLeftOut(_ request: WebRequest, runs: Int) -> String {
        var words = ["tracker", "plot"]
        for name in ["group", "experiment", "where"] {
            for value in request.values(name) where !value.isEmpty { words += ["--" + name, value] }
        }
        words += ["--metric", "dev-accuracy", "--output", "curves.svg"]
        let line = words.map(shellQuoted).joined(separator: " ")
        return "<h2>Curves</h2>\n<p class=\"muted\" id=\"curves-left-out\">Not drawn for \(runs) runs, which would "
            + "mean reading every epoch of each at every refresh: narrow the selection (an experiment, a where "
            + "filter), or draw them once with <code>\(HTML.escape(line))</code>.</p>\n"
    }

    /// The groups' dev accuracy and train loss per epoch, as `tracker plot --group …`.
    private static func curves(_ comparison: ComparisonRequest, store: TrackerStore) throws -> String {
        var figures = ""
        for metric in ["dev-accuracy", "train-loss"] {
            let measure = try PlotMeasure(metric: metric, splits: [], defaultSplits: [.dev])
            let request = PlotRequest(source: .groups(comparison.selection, keys: comparison.groups), measure: measure)
            do {
                let plot = try Plot(request, store: store)
                figures += "<figure>" + plot.picture.inlineSVG(width: 600, height: 300) + "</figure>"
            } catch is PlotError {
                continue
            }
        }
        return "<h2>Curves</h2>\n<div class=\"charts\">\(figures)</div>\n"
    }

    /// The same table on the command line.
    static func command(_ request: WebRequest) -> String {
        var words = ["tracker", "compare"]
        for name in ["group", "experiment", "where"] {
            for value in request.values(name) where !value.isEmpty { words += ["--" + name, value] }
        }
        for name in ["status", "select", "baseline", "sort", "stats"] {
            if let value = request.value(name) { words += ["--" + name, value] }
        }
        if request.value("loss") != nil { words.append("--loss") }
        let line = words.map(shellQuoted).joined(separator: " ")
        return "<p>On the command line: <code id=\"cli\">\(HTML.escape(line))</code></p>\n"
    }

    static func shellQuoted(_ word: String) -> String {
        let plain = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_./:=,+@%"))
        if !word.isEmpty && word.unicodeScalars.allSatisfy(plain.contains) { return word }
        return "'" + word.replacing("'", with: "'\\''") + "'"
    }

    private static func form(_ request: WebRequest, store: TrackerStore) throws -> String {
        let chosen = Set(request.values("group").flatMap { $0.split(separator: ",").map(String.init) })
        let keys = GroupKey.allValueStrings.filter { !$0.hasPrefix("tag:") }.map { key in
            "<label class=\"key\"><input type=\"checkbox\" name=\"group\" value=\"\(key)\"\(chosen.contains(key) ? " checked" : "")> \(key)</label>"
        }.joined(separator: " ")
        let picked = Set(request.values("experiment"))
        let experiments = try store.experiments().map { experiment in
            let name = HTML.escape(experiment.name)
            return "<option value=\"\(name)\"\(picked.contains(experiment.name) ? " selected" : "")>\(name)</option>"
        }.joined()
        let select = request.value("select") ?? "final"
        let selects = MetricSelection.allCases.map {
            "<option\($0.rawValue == select ? " selected" : "")>\($0.rawValue)</option>"
        }.joined()
        return """
            <form method="get" action="/compare" class="filters" id="compare-form">
            <fieldset><legend>group by</legend>\(keys)</fieldset>
            <label>experiments <select name="experiment" multiple size="4">\(experiments)</select></label>
            <label>where <input name="where" size="30" value="\(HTML.escape(request.values("where").first ?? ""))"></label>
            <label>select <select name="select">\(selects)</select></label>
            <label>baseline <input name="baseline" size="12" value="\(HTML.escape(request.value("baseline") ?? ""))" placeholder="relu"></label>
            <button type="submit">Compare</button>
            </form>

            """
    }
}
