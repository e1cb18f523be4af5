public import TextOutput

/// The statistics of one metric over a group's runs.
public struct MetricStatistics: Sendable, Hashable {
    public var mean: Double?
    /// The sample standard deviation; nil for a group of one run.
    public var standardDeviation: Double?
    /// Set with `--stats full`.
    public var minimum: Double?
    public var maximum: Double?
    /// The 95% confidence interval of the mean, with `--stats full`, for accuracies of
    /// groups of two runs or more.
    public var confidenceInterval: ClosedRange<Double>?

    public init(
        mean: Double?, standardDeviation: Double?, minimum: Double? = nil, maximum: Double? = nil,
        confidenceInterval: ClosedRange<Double>? = nil
    ) {
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.minimum = minimum
        self.maximum = maximum
        self.confidenceInterval = confidenceInterval
    }
}

/// How a group's test accuracy differs from its baseline group's.
public struct BaselineDifference: Sendable, Hashable {
    /// Whether this group is the baseline itself.
    public var isBaseline: Bool
    /// Mean test accuracy minus the baseline's; nil when the group has no baseline row.
    public var difference: Double?
    /// Welch's two-sided p-value; nil for the baseline itself, or when either group has
    /// a single run or both have no spread.
    public var p: Double?
}

/// One row of a comparison: a combination of group values and its statistics.
public struct ComparisonRow: Sendable, Hashable {
    /// The values of the group keys, in key order (NULL for a run without the tag).
    public var values: [Cell]
    public var runs: Int
    public var statistics: [Metric: MetricStatistics]
    /// Mean train accuracy minus mean test accuracy.
    public var gap: Double?
    /// Set with `--baseline`.
    public var baseline: BaselineDifference?
}

extension ComparisonRow {
    /// The size, mean and deviation of an accuracy over the group's runs (every run of
    /// a comparison has its accuracies).
    func summary(of metric: Metric) -> SampleSummary? {
        guard metric.isAccuracy, runs >= 1, let mean = statistics[metric]?.mean else { return nil }
        return SampleSummary(count: runs, mean: mean, standardDeviation: statistics[metric]?.standardDeviation)
    }
}
