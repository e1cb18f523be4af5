import Charts
import Foundation
import Plots
import Reports
import RunQueries
import Store
import TextOutput

/// The Run and Diff pages: what `tracker show` prints, the epochs, and the curves that
/// `tracker plot RUN…` draws.
enum RunPages {
    static func run(_ id: Int, store: TrackerStore) throws -> String {
        let (detail, abandoned) = try store.read { (try store.run(id), try AbandonedRuns(store: store).contains(id)) }
        let run = detail.run
        let fields = RunDetailText(detail).fields.map { ["<th>\(HTML.escape($0.0))</th>", HTML.escape($0.1)] }
        let settings =
            "<table class=\"fields\"><tbody>" + fields.map { "<tr>\($0[0])<td>\($0[1])</td></tr>" }.joined()
            + "</tbody></table>\n"
        let tags = run.parameters.tags.sorted { $0.key < $1.key }.map {
            "<span class=\"tag\">\(HTML.escape($0.key))=\(HTML.escape($0.value))</span>"
        }.joined(separator: " ")
        let body = """
            <h1>Run \(run.id) \(AbandonedRuns.badge(run.status.rawValue, abandoned: abandoned))</h1>
            \(abandoned ? AbandonedRuns.note(run) : "")
            <p>experiment <a href="/runs\(HTML.query([("experiment", run.experiment.name)]))">\(HTML.escape(run.experiment.name))</a>
            \(tags.isEmpty ? "" : " · tags " + tags) · <code>tracker show \(run.id)</code></p>
            \(settings)
            <h2>Curves</h2>
            <div class="charts">\(try curves([id], metric: "accuracy", store: store))\(try curves([id], metric: "loss", store: store))</div>
            <h2>Epochs <span class="muted" id="epoch-count">\(detail.epochs.count) of \(run.parameters.epochs)</span></h2>
            \(epochTable(detail.epochs))
            """
        return HTML.page(title: "Run \(run.id)", active: "Runs", body: body, live: run.status == .running && !abandoned)
    }

    static func epochTable(_ epochs: [EpochMetrics]) -> String {
        guard !epochs.isEmpty else { return "<p class=\"empty\">No epochs recorded yet.</p>\n" }
        let rows = epochs.map { epoch in
            [
                String(epoch.epoch), NumberText.fixed(epoch.train.loss, decimals: 4),
                NumberText.percent(epoch.train.accuracy), NumberText.fixed(epoch.dev.loss, decimals: 4),
                NumberText.percent(epoch.dev.accuracy), NumberText.fixed(epoch.test.loss, decimals: 4),
                NumberText.percent(epoch.test.accuracy), NumberText.fixed(epoch.seconds, decimals: 2),
            ]
        }
        return HTML.table(
            ["epoch", "train loss", "train acc", "dev loss", "dev acc", "test loss", "test acc", "seconds"], rows,
            classes: "epochs")
    }

    /// The runs' curves of `metric` on train, dev and test, as `tracker plot` draws
    /// them; nothing while no epoch is recorded.
    static func curves(_ ids: [Int], metric: String, splits: [String] = ["train", "dev", "test"], store: TrackerStore)
        throws -> String
    {
        let measure = try PlotMeasure(metric: metric, splits: splits, defaultSplits: [.train, .dev])
        do {
            let plot = try Plot(PlotRequest(source: .runs(ids), measure: measure), store: store)
            let size = plot.defaultSize
            return "<figure>" + plot.picture.inlineSVG(width: size.width * 0.6, height: size.height * 0.6) + "</figure>"
        } catch is PlotError {
            return ""
        }
    }

    static func diff(_ ids: [Int], store: TrackerStore) throws -> String {
        let (details, abandoned) = try store.read {
            (try ids.map { try store.run($0) }, try AbandonedRuns(store: store))
        }
        let columns = details.map { RunDetailText($0).fields }
        var labels: [String] = []
        for fields in columns { for (label, _) in fields where !labels.contains(label) { labels.append(label) } }
        var rows = ""
        for label in labels where label != "uuid" {
            let values = columns.map { fields in fields.first { $0.0 == label }?.1 ?? "-" }
            let differs = Set(values).count > 1
            rows += "<tr\(differs ? " class=\"differs\"" : "")><th>\(HTML.escape(label))</th>"
            rows += values.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>\n"
        }
        let header = details.map { "<th><a href=\"/runs/\($0.run.id)\">run \($0.run.id)</a></th>" }.joined()
        let list = ids.map(String.init).joined(separator: " ")
        let body = """
            <h1>Diff of runs \(list.replacing(" ", with: ", "))</h1>
            <p>Settings that differ are highlighted. <code>tracker plot \(list) --metric dev-accuracy</code></p>
            <table class="diff"><thead><tr><th></th>\(header)</tr></thead><tbody>
            \(rows)</tbody></table>
            <h2>Curves</h2>
            <div class="charts">\(try curves(ids, metric: "dev-accuracy", splits: [], store: store))\(try curves(ids, metric: "train-loss", splits: [], store: store))</div>
            """
        return HTML.page(
            title: "Diff", active: "Diff", body: body,
            live: details.contains { $0.run.status == .running && !abandoned.contains($0.run.id) })
    }

    static func diffForm() -> String {
        let body = """
            <h1>Diff</h1>
            <form method="get" action="/diff" class="filters">
            <label>runs <input name="runs" size="30" placeholder="3,7,12"></label> <button type="submit">Diff</button>
            </form>
            <p>Two to twelve run ids, side by side, with the settings that differ highlighted and their curves overlaid.</p>
            """
        return HTML.page(title: "Diff", active: "Diff", body: body)
    }
}
