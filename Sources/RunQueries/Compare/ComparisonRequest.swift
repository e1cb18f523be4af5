public import Store
import TextOutput

/// Which epoch's results stand for a run in a comparison.
public enum MetricSelection: String, CaseIterable, Sendable, Hashable {
    /// The results after the last epoch.
    case final
    /// The results at the epoch of best dev accuracy (the first on ties): model
    /// selection on dev, the honest test figure for early stopping.
    case bestDev = "best-dev"
}

/// How many statistics a comparison shows.
public enum StatisticsDetail: String, CaseIterable, Sendable, Hashable {
    /// Mean and sample standard deviation.
    case basic
    /// Also the minimum, the maximum and the 95% confidence interval of the mean.
    case full
}

/// A measure averaged over each group's runs.
public enum Metric: String, CaseIterable, Sendable, Hashable {
    case train
    case dev
    case test
    case trainLoss = "train_loss"
    case devLoss = "dev_loss"
    case testLoss = "test_loss"

    public static let accuracies: [Metric] = [.train, .dev, .test]
    public static let losses: [Metric] = [.trainLoss, .devLoss, .testLoss]

    public var isAccuracy: Bool { Self.accuracies.contains(self) }

    /// The metric's value for one run, as an SQL expression over `runs AS r` and,
    /// for `.bestDev`, `epochs AS b` (the best epoch's row).
    func source(_ selection: MetricSelection) -> String {
        switch (selection, self) {
        case (.final, _): "r." + (isAccuracy ? rawValue + "_acc" : rawValue)
        case (.bestDev, .train): "b.train_acc"
        case (.bestDev, .dev): "r.best_dev_acc"
        case (.bestDev, .test): "r.best_test_acc"
        case (.bestDev, _): "b." + rawValue
        }
    }
}

/// What `tracker compare` is asked: the groups, the runs, and what to show.
public struct ComparisonRequest: Sendable, Hashable {
    /// At least one key; rows are the distinct combinations of their values.
    public var groups: [GroupKey]
    public var selection: RunSelection
    public var metricSelection: MetricSelection
    public var includesLoss: Bool
    public var detail: StatisticsDetail
    public var sort: SortOrder?
    public var baseline: Baseline?

    public init(
        groups: [GroupKey], selection: RunSelection = RunSelection(status: .only(.completed)),
        metricSelection: MetricSelection = .final, includesLoss: Bool = false, detail: StatisticsDetail = .basic,
        sort: SortOrder? = nil, baseline: Baseline? = nil
    ) {
        precondition(!groups.isEmpty, "a comparison needs a group key")
        self.groups = groups
        self.selection = selection
        self.metricSelection = metricSelection
        self.includesLoss = includesLoss
        self.detail = detail
        self.sort = sort
        self.baseline = baseline
    }

    /// The metrics shown: the accuracies, then the losses with `--loss`.
    public var metrics: [Metric] {
        includesLoss ? Metric.accuracies + Metric.losses : Metric.accuracies
    }

    /// The columns `--sort` accepts: those the SQL computes (not the confidence
    /// intervals, differences and p-values derived from them).
    public static func sortableColumns(groups: [GroupKey], metrics: [Metric], detail: StatisticsDetail) -> [String] {
        var columns = groups.map(\.column) + ["runs"]
        for metric in metrics {
            columns += [metric.rawValue + "_mean", metric.rawValue + "_std"]
            if detail == .full { columns += [metric.rawValue + "_min", metric.rawValue + "_max"] }
            if metric == .test { columns.append("gap") }
        }
        return columns
    }
}
