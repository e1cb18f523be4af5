import Charts
import Foundation
import RunQueries
public import Store
import TextOutput

/// The text of `tracker show RUN`: the run's settings and configuration, its timing,
/// its results, the table of its epochs and, on a terminal, a sparkline of its dev
/// accuracy.
public struct RunDetailText {
    public var detail: RunDetail
    /// Written after the fact with `tracker note`.
    public var note: String?

    public init(_ detail: RunDetail, note: String? = nil) {
        self.detail = detail
        self.note = note
    }

    public func render(style: TerminalStyle) -> String {
        let run = detail.run
        let fields = self.fields
        let width = fields.map(\.0.count).max() ?? 0
        var text = "run \(run.id)  " + style.apply(run.status.tint, to: run.status.rawValue) + "\n"
        for (label, value) in fields {
            text += pad(label, to: width) + "  " + value + "\n"
        }
        text += "\n"
        guard !detail.epochs.isEmpty else { return text + "no epochs recorded\n" }
        text += epochTable.render(style: style)
        if style.isTerminal {
            let dev = detail.epochs.map(\.dev.accuracy)
            text +=
                "\ndev accuracy  " + Sparkline(dev).render(width: 60) + "  "
                + NumberText.percent(dev.first) + " → " + NumberText.percent(dev.last) + " %\n"
        }
        return text
    }

    /// Label and value of each line before the epochs, as `tracker show` prints them.
    public var fields: [(String, String)] {
        let run = detail.run
        let p = run.parameters
        var fields = [
            ("experiment", run.experiment.name),
            ("uuid", run.uuid),
            ("started", run.startedAt),
            ("finished", run.finishedAt ?? "-"),
            ("process", "pid \(run.process.pid) on \(run.process.host), tracker \(p.trackerVersion)"),
            ("dataset", datasetText + (p.datasetChecksum.map { ", \($0)" } ?? "")),
            (
                "model",
                (p.hidden.isEmpty ? "no hidden layer" : "hidden \(p.architecture)")
                    + ", \(p.activation), init \(p.initialization), \(p.parameterCount) parameters"
            ),
            (
                "training",
                "\(p.optimizer), learning rate \(NumberText.setting(p.learningRate)), "
                    + "momentum \(NumberText.setting(p.momentum)), batch size \(p.batchSize), \(p.epochs) epoch\(p.epochs == 1 ? "" : "s"), "
                    + "seed \(p.seed)"
            ),
            (
                "regularization",
                "dropout \(NumberText.setting(p.dropout)), weight decay \(NumberText.setting(p.weightDecay)), "
                    + "clip norm \(p.clipNorm.map(NumberText.setting) ?? "none")"
            ),
        ]
        if let threads = p.threads { fields.append(("threads", String(threads))) }
        return fields + laterSettingFields + outcomeFields
    }

    /// The lines after the settings: results, best epoch, tags, error and config.
    private var outcomeFields: [(String, String)] {
        let run = detail.run
        let p = run.parameters
        var fields: [(String, String)] = []
        if let results = run.results {
            fields.append(
                (
                    "final",
                    "train \(NumberText.percent(results.train.accuracy)) %, dev \(NumberText.percent(results.dev.accuracy)) %, "
                        + "test \(NumberText.percent(results.test.accuracy)) %"
                ))
            fields.append(
                (
                    "time",
                    "\(NumberText.duration(results.trainSeconds)) training, "
                        + "\(Int(results.samplesPerSecond.rounded())) samples/s"
                ))
        }
        if let best = run.best {
            fields.append(
                (
                    "best dev",
                    "\(NumberText.percent(best.devAccuracy)) % at epoch \(best.epoch) "
                        + "(test \(NumberText.percent(best.testAccuracy)) %)"
                ))
        }
        if !p.tags.isEmpty {
            fields.append(
                ("tags", p.tags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")))
        }
        if let note { fields.append(("note", note)) }
        if let error = run.error { fields.append(("error", error)) }
        fields.append(("config", p.config))
        return fields
    }

    /// Losses with four decimals, accuracies in percent, seconds per epoch.
    var epochTable: TextTable {
        var table = TextTable(columns: [TextTable.Column("epoch", alignsRight: true)])
        table.rows = detail.epochs.map { [TextTable.Entry(String($0.epoch))] }
        let splits: [(String, KeyPath<EpochMetrics, Evaluation>)] = [
            ("train", \.train), ("dev", \.dev), ("test", \.test),
        ]
        for (name, split) in splits {
            table.append(
                "\(name) loss",
                detail.epochs.map { TextTable.Entry(NumberText.fixed($0[keyPath: split].loss, decimals: 4)) })
            table.append(
                "\(name) %", detail.epochs.map { TextTable.Entry(NumberText.percent($0[keyPath: split].accuracy)) })
        }
        table.append("seconds", detail.epochs.map { TextTable.Entry(NumberText.fixed($0.seconds, decimals: 2)) })
        return table
    }
}
