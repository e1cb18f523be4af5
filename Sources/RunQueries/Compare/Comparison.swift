import SQLite
public import Store
import TextOutput

/// The answer of `tracker compare`: the rows, and the SQL that computed them.
public struct Comparison: Sendable {
    public var request: ComparisonRequest
    public var rows: [ComparisonRow]
    /// The statement run, with its parameters, for `--show-sql`.
    public var query: BoundSQL

    /// Runs the comparison on `store`.
    ///
    /// - Throws: `ComparisonError.noBaselineGroup` when `--baseline` names a value no
    ///   group has; `SQLiteError` when the database fails.
    public init(_ request: ComparisonRequest, store: TrackerStore) throws {
        try request.selection.checkExperiments(in: store)
        let builder = ComparisonQuery(request: request, trials: try TrialReduction(store: store))
        let query = builder.build()
        let metrics = request.metrics
        let full = request.detail == .full
        let keyCount = request.groups.count
        var rows: [ComparisonRow] = try store.values(query).map { row in
            var column = keyCount + 1
            let next = { () -> Double? in
                defer { column += 1 }
                return row[column].double
            }
            var statistics: [Metric: MetricStatistics] = [:]
            var gap: Double?
            for metric in metrics {
                var value = MetricStatistics(mean: next(), standardDeviation: next())
                if full {
                    value.minimum = next()
                    value.maximum = next()
                }
                if metric == .test { gap = next() }
                statistics[metric] = value
            }
            return ComparisonRow(
                values: row.prefix(keyCount).map(Cell.init), runs: row[keyCount].int ?? 0, statistics: statistics,
                gap: gap, baseline: nil)
        }
        if full { Self.addConfidenceIntervals(to: &rows) }
        if let baseline = request.baseline {
            try Self.compare(&rows, with: baseline, keys: request.groups)
        }
        self.request = request
        self.rows = rows
        self.query = query
    }

    /// The 95% confidence interval of each accuracy's mean, from Student's t, clipped to
    /// [0, 1]: an accuracy cannot leave it, though t's symmetric interval does for a
    /// few runs near 100% or 0%.
    private static func addConfidenceIntervals(to rows: inout [ComparisonRow]) {
        for index in rows.indices {
            for metric in Metric.accuracies {
                guard let summary = rows[index].summary(of: metric) else { continue }
                rows[index].statistics[metric]?.confidenceInterval = summary.confidenceInterval(
                    level: 0.95, within: 0...1)
            }
        }
    }

    /// The same rows with each one's difference from `baseline`: the baseline never
    /// enters the SQL, so the query is not run again.
    ///
    /// - Throws: `ComparisonError.noBaselineGroup` when no row has the baseline's value.
    public func compared(with baseline: Baseline) throws -> Comparison {
        var compared = self
        compared.request.baseline = baseline
        try Self.compare(&compared.rows, with: baseline, keys: request.groups)
        return compared
    }

    /// Each row's test accuracy against its baseline row's, with Welch's test.
    private static func compare(_ rows: inout [ComparisonRow], with baseline: Baseline, keys: [GroupKey]) throws {
        let k = baseline.keyIndex
        guard rows.contains(where: { baseline.matches($0.values[k]) }) else {
            let seen = rows.map { $0.values[k].description }
            throw ComparisonError.noBaselineGroup(
                key: keys[k].description, value: baseline.value,
                available: seen.enumerated().filter { !seen[..<$0.offset].contains($0.element) }.map(\.element))
        }
        let compared = baseline.sharedKeyIndices(of: keys)
        let original = rows
        for index in rows.indices {
            let row = original[index]
            let reference = original.first { candidate in
                baseline.matches(candidate.values[k]) && compared.allSatisfy { candidate.values[$0] == row.values[$0] }
            }
            guard let reference else {
                rows[index].baseline = BaselineDifference(isBaseline: false, difference: nil, p: nil)
                continue
            }
            let isBaseline = reference == row
            var difference: Double?
            if let mean = row.statistics[.test]?.mean, let base = reference.statistics[.test]?.mean {
                difference = mean - base
            }
            var p: Double?
            if !isBaseline, let sample = row.summary(of: .test), let base = reference.summary(of: .test) {
                p = WelchTest(sample, against: base)?.p
            }
            rows[index].baseline = BaselineDifference(isBaseline: isBaseline, difference: difference, p: p)
        }
    }
}
