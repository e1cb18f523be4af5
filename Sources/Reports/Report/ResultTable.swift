import RunQueries
import TextOutput

/// The comparison tables of a report, in the seed's shapes: accuracies by group with
/// the generalisation gap (Tables 1, 3 and 4), or dev accuracy and training time by a
/// swept setting (the batch sizes of Figure 4). Every number is a `tracker compare`
/// row's.
enum ResultTable {
    /// Train, dev and test accuracy (mean ± std), the gap and, with a baseline, the
    /// difference of test accuracy from it and Welch's p-value.
    static func accuracies(_ comparison: Comparison, number: Int, scope: String) -> ReportTable {
        let request = comparison.request
        var columns = request.groups.map { ReportTable.Column(header: header($0), alignsRight: $0.kind != .text) }
        columns += ["runs", "train %", "dev %", "test %", "gap"].map {
            ReportTable.Column(header: $0, alignsRight: true)
        }
        if request.baseline != nil {
            columns += ["Δ test", "p"].map { ReportTable.Column(header: $0, alignsRight: true) }
        }
        let rows = comparison.rows.map { row -> [String] in
            var cells = keyCells(row, comparison.request.groups) + [String(row.runs)]
            cells += Metric.accuracies.map { meanAndDeviation(row.statistics[$0], scale: 100, decimals: 2) }
            cells.append(NumberText.points(row.gap))
            if let baseline = row.baseline {
                cells.append(baseline.isBaseline ? "baseline" : NumberText.points(baseline.difference))
                cells.append(baseline.p.map { NumberText.pValue($0) + ($0 < 0.05 ? "*" : "") } ?? "-")
            } else if request.baseline != nil {
                cells += ["-", "-"]
            }
            return cells
        }
        var caption =
            "\(scope): \(accuracyWords(request.metricSelection)) by \(keyWords(request.groups)), mean ± sample standard deviation over "
            + "each group's runs, in percent; gap: train minus test accuracy, in points."
        if let baseline = request.baseline {
            let key = request.groups[baseline.keyIndex]
            let others = baseline.sharedKeyIndices(of: request.groups).map { header(request.groups[$0]) }
            caption +=
                " Δ test: mean test accuracy minus that of \(key.description) \(baseline.value)"
                + (others.isEmpty ? "" : " with the same " + others.joined(separator: " and "))
                + ", in points; p: Welch's two-sided t-test of that difference across runs (* below 0.05)."
        }
        return ReportTable(number: number, caption: caption, columns: columns, rows: rows)
    }

    /// Dev accuracy (mean ± std), mean training time and throughput by group, the swept
    /// setting last, as `queries/batch_size.sql` computes them.
    static func sweep(
        _ comparison: Comparison, timings: [TimingStatistics], number: Int, scope: String
    ) -> ReportTable {
        let groups = comparison.request.groups
        var columns = groups.map { ReportTable.Column(header: header($0), alignsRight: $0.kind != .text) }
        columns += ["runs", "dev %", "training time (s)", "images/s"].map {
            ReportTable.Column(header: $0, alignsRight: true)
        }
        let rows = comparison.rows.map { row -> [String] in
            let timing = timings.first { $0.values == row.values }
            return keyCells(row, comparison.request.groups) + [
                String(row.runs), meanAndDeviation(row.statistics[.dev], scale: 100, decimals: 2),
                NumberText.fixed(timing?.trainSeconds, decimals: 2),
                NumberText.fixed(timing?.samplesPerSecond, decimals: 0),
            ]
        }
        let caption =
            "\(scope): \(accuracyWords(comparison.request.metricSelection, split: "dev ")) and training time by \(keyWords(groups)); accuracy as mean ± sample "
            + "standard deviation over each group's runs, in percent; training time: mean seconds of training per "
            + "run, evaluation excluded; images/s: mean training throughput."
        return ReportTable(number: number, caption: caption, columns: columns, rows: rows)
    }

    /// `91.33 ± 0.05`, or the mean alone for a single run.
    static func meanAndDeviation(_ statistics: MetricStatistics?, scale: Double, decimals: Int) -> String {
        let mean = NumberText.fixed(statistics?.mean.map { $0 * scale }, decimals: decimals)
        guard let deviation = statistics?.standardDeviation else { return mean }
        return mean + " ± " + NumberText.fixed(deviation * scale, decimals: decimals)
    }

    /// A key as a column header: `batch size`, `tag:optimizer`.
    static func header(_ key: GroupKey) -> String {
        guard case .attribute(let attribute) = key else { return key.description }
        return attribute.rawValue.replacing("-", with: " ")
    }

    /// `architecture and activation`, `architecture, batch size and epochs`.
    static func keyWords(_ keys: [GroupKey]) -> String {
        let words = keys.map(header)
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " and " + (words.last ?? "")
    }

    /// A row's group values, unset settings named (`all` for no train limit).
    private static func keyCells(_ row: ComparisonRow, _ keys: [GroupKey]) -> [String] {
        zip(row.values, keys).map { GroupLabel.value($0, of: $1) }
    }

    /// `final accuracy`, or the accuracy at the epoch a run is read at with `--select best-dev`.
    private static func accuracyWords(_ selection: MetricSelection, split: String = "") -> String {
        selection == .final ? "final \(split)accuracy" : "\(split)accuracy at each run's epoch of best dev accuracy"
    }
}
