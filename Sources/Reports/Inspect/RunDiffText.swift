public import Store
import TextOutput

/// The text of `tracker diff A B`: the settings in which two runs differ, then their
/// accuracies and losses epoch by epoch, side by side.
public struct RunDiffText {
    public var first: RunDetail
    public var second: RunDetail

    public init(_ first: RunDetail, _ second: RunDetail) {
        self.first = first
        self.second = second
    }

    public func render(style: TerminalStyle) -> String {
        let (a, b) = (first.run.id, second.run.id)
        let differences = self.differences
        var text: String
        if differences.isEmpty {
            text = "runs \(a) and \(b) have the same settings\n"
        } else {
            var table = TextTable(columns: [
                TextTable.Column("setting"), TextTable.Column("run \(a)"), TextTable.Column("run \(b)"),
            ])
            table.rows = differences.map { [TextTable.Entry($0.0), TextTable.Entry($0.1), TextTable.Entry($0.2)] }
            text = table.render(style: style)
        }
        text += "\n"
        guard !first.epochs.isEmpty || !second.epochs.isEmpty else { return text + "no epochs recorded\n" }
        return text + epochTable.render(style: style)
    }

    /// Setting, first run's value, second run's value, for each setting that differs.
    public var differences: [(String, String, String)] {
        let left = Self.settings(first.run)
        let right = Self.settings(second.run)
        let keys = left.map(\.0) + right.map(\.0).filter { key in !left.contains { $0.0 == key } }
        return keys.compactMap { key in
            let one = left.first { $0.0 == key }?.1 ?? "-"
            let other = right.first { $0.0 == key }?.1 ?? "-"
            return one == other ? nil : (key, one, other)
        }
    }

    /// Every setting of a run by name, with its tags as `tag:KEY`.
    static func settings(_ run: RunRecord) -> [(String, String)] {
        let p = run.parameters
        let fixed: [(String, String)] = [
            ("experiment", run.experiment.name), ("status", run.status.rawValue), ("dataset", p.dataset),
            ("dataset checksum", p.datasetChecksum ?? "-"), ("train limit", p.trainLimit.map(String.init) ?? "all"),
            ("architecture", p.architecture), ("activation", p.activation), ("init", p.initialization),
            ("dropout", NumberText.setting(p.dropout)), ("weight decay", NumberText.setting(p.weightDecay)),
            ("learning rate", NumberText.setting(p.learningRate)), ("momentum", NumberText.setting(p.momentum)),
            ("batch size", String(p.batchSize)), ("epochs", String(p.epochs)),
            ("clip norm", p.clipNorm.map(NumberText.setting) ?? "none"), ("optimizer", p.optimizer),
            ("seed", String(p.seed)), ("threads", p.threads.map(String.init) ?? "-"),
            ("tracker", p.trackerVersion),
        ]
        let later = RunColumn.allCases.map { column in
            (column.rawValue.replacingOccurrences(of: "_", with: " "), Self.text(p.columns[column]))
        }
        let stopped = ("stopped epoch", run.stoppedEpoch.map(String.init) ?? "-")
        return fixed + later + [stopped] + p.tags.sorted { $0.key < $1.key }.map { ("tag:" + $0.key, $0.value) }
    }

    /// A later column's value as `show` prints settings; `-` for none.
    private static func text(_ value: StoredValue?) -> String {
        switch value {
        case .integer(let number): String(number)
        case .real(let number): NumberText.setting(number)
        case .text(let text): text
        case .null, nil: "-"
        }
    }

    /// One row per epoch either run recorded: dev and test accuracy of both with the
    /// difference (second − first, in points), then both training losses.
    var epochTable: TextTable {
        let count = max(first.epochs.count, second.epochs.count)
        let (a, b) = (first.run.id, second.run.id)
        let epoch = { (detail: RunDetail, index: Int) in index < detail.epochs.count ? detail.epochs[index] : nil }
        var table = TextTable(columns: [TextTable.Column("epoch", alignsRight: true)])
        table.rows = (0..<count).map { [TextTable.Entry(String($0 + 1))] }
        let splits: [(String, KeyPath<EpochMetrics, Evaluation>)] = [("dev", \.dev), ("test", \.test)]
        for (name, split) in splits {
            let left = (0..<count).map { epoch(first, $0)?[keyPath: split].accuracy }
            let right = (0..<count).map { epoch(second, $0)?[keyPath: split].accuracy }
            table.append("\(name) % \(a)", left.map { TextTable.Entry(NumberText.percent($0)) })
            table.append("\(name) % \(b)", right.map { TextTable.Entry(NumberText.percent($0)) })
            table.append(
                "Δ \(name)",
                zip(left, right).map { l, r in
                    TextTable.Entry(NumberText.points(l.flatMap { l in r.map { $0 - l } }))
                })
        }
        for (id, detail) in [(a, first), (b, second)] {
            table.append(
                "train loss \(id)",
                (0..<count).map { TextTable.Entry(NumberText.fixed(epoch(detail, $0)?.train.loss, decimals: 4)) })
        }
        return table
    }
}
