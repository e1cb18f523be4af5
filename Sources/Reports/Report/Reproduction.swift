import Plots
import RunQueries

/// The commands a report prints beside its tables and figures, with which a reader
/// recomputes them: `tracker compare`, `tracker plot`, and `tracker query` on the files
/// of `queries/`.
struct Reproduction {
    let database: DatabaseReference

    /// `tracker compare …` with the request's groups, selection and baseline.
    func compare(_ request: ComparisonRequest) -> String {
        var words = ["tracker", "compare"] + databaseOption + selectionOptions(request.selection)
        words += ["--group", request.groups.map(\.description).joined(separator: ",")]
        if request.metricSelection != .final { words += ["--select", request.metricSelection.rawValue] }
        if let baseline = request.baseline {
            let key = request.groups[baseline.keyIndex]
            words += [
                "--baseline",
                baseline.keyIndex == request.groups.count - 1 ? baseline.value : "\(key)=\(baseline.value)",
            ]
        }
        return ShellWords.line(words)
    }

    /// `tracker plot …` drawing `measure` of `selection` grouped by `keys` into `file`.
    func plot(
        _ selection: RunSelection, keys: [GroupKey], measure: PlotMeasure, x: RunAttribute? = nil,
        withTime: Bool = false, showsRuns: Bool = false, file: String
    ) -> String {
        var words = ["tracker", "plot"] + databaseOption + selectionOptions(selection)
        if !keys.isEmpty { words += ["--group", keys.map(\.description).joined(separator: ",")] }
        words += Self.measureOptions(measure, defaultSplits: x == nil ? [.train, .dev] : [.dev])
        if let x { words += ["--x", x.rawValue] }
        if withTime { words.append("--with-time") }
        if showsRuns { words.append("--runs") }
        words += ["--out", file]
        return ShellWords.line(words)
    }

    /// `tracker export --epochs …`: every epoch of the selected runs, as CSV.
    func export(_ selection: RunSelection) -> String {
        var words = ["tracker", "export"] + databaseOption + selectionOptions(selection)
        // Export reads every status by default, comparisons and curves completed runs.
        if selection.status == .only(.completed) { words += ["--status", "completed"] }
        return ShellWords.line(words + ["--epochs"])
    }

    /// `tracker query NAME --param experiment=…`: the file of `queries/` that the binary
    /// embeds, on the experiment's runs, so that the command works in any directory
    /// (`tracker query NAME --print` shows its SQL for the `sqlite3` shell).
    func query(_ name: String, experiment: String) -> String {
        ShellWords.line(["tracker", "query", name] + databaseOption + ["--param", "experiment=\(experiment)"])
    }

    private var databaseOption: [String] {
        database.isDefault ? [] : ["--db", database.path]
    }

    private func selectionOptions(_ selection: RunSelection) -> [String] {
        var words: [String] = []
        for experiment in selection.experiments { words += ["--experiment", experiment] }
        switch selection.status {
        case .only(.completed): break
        case .only(let status): words += ["--status", status.rawValue]
        case .any: words += ["--status", "all"]
        }
        for condition in selection.conditions { words += ["--where", condition.text] }
        return words
    }

    /// `--metric` and `--split` that ask for `measure`.
    static func measureOptions(_ measure: PlotMeasure, defaultSplits: [Split]) -> [String] {
        let measures = measure.measures
        if measures == [.gap] { return ["--metric", "gap"] }
        let metric = measures.allSatisfy { if case .accuracy = $0 { true } else { false } } ? "accuracy" : "loss"
        let splits = measures.compactMap { measure -> Split? in
            switch measure {
            case .accuracy(let split), .loss(let split): split
            case .gap: nil
            }
        }
        if splits.count == 1 { return ["--metric", "\(splits[0].rawValue)-\(metric)"] }
        let words = ["--metric", metric]
        return splits == defaultSplits ? words : words + ["--split", splits.map(\.rawValue).joined(separator: ",")]
    }

    /// The file of `queries/` that computes a table, when one does: it groups on the
    /// architecture and one more key, over the completed runs of one experiment, with
    /// final results; `compare_activation` and `compare_regularization` give the
    /// accuracies, `batch_size` the dev accuracy and training time of a sweep.
    static func namedQuery(for request: ComparisonRequest, sweep: Bool) -> String? {
        guard request.selection.experiments.count == 1, request.selection.conditions.isEmpty,
            request.selection.status == .only(.completed), request.metricSelection == .final,
            request.groups.count == 2, request.groups[0] == .attribute(.architecture)
        else { return nil }
        switch (request.groups[1], sweep) {
        case (.attribute(.activation), false): return "compare_activation"
        case (.attribute(.regularization), false): return "compare_regularization"
        case (.attribute(.batchSize), true): return "batch_size"
        default: return nil
        }
    }
}
