import RunQueries

/// What `--metric` and `--split` ask a plot to show: one or more curve measures.
public struct PlotMeasure: Sendable, Hashable {
    public var measures: [CurveMeasure]

    public init(_ measures: [CurveMeasure]) {
        precondition(!measures.isEmpty, "a plot shows at least one measure")
        self.measures = measures
    }

    /// What `--metric` accepts: a metric on the splits of `--split`, a metric on one
    /// split, or the gap.
    public static let metricNames =
        ["accuracy", "loss"]
        + ["accuracy", "loss"].flatMap { metric in Split.allCases.map { "\($0.rawValue)-\(metric)" } } + ["gap"]

    /// The keys `--x` accepts: those whose values are numbers.
    public static var numericKeys: [String] {
        RunAttribute.allCases.filter { $0.kind != .text }.map(\.rawValue)
    }

    /// Parses `--metric` and `--split` (comma-separated, repeatable); without `--split`
    /// a metric is shown on `defaultSplits`.
    ///
    /// - Throws: `PlotInputError` for an unknown metric or split, or a split given to a
    ///   metric that names its own.
    public init(metric: String, splits: [String], defaultSplits: [Split]) throws(PlotInputError) {
        let parts = metric.split(separator: "-", maxSplits: 1).map(String.init)
        if metric == "gap" {
            guard splits.isEmpty else { throw .splitNotApplicable(metric: metric) }
            self.init([.gap])
            return
        }
        if parts.count == 2, let split = Split(rawValue: parts[0]), let measure = Self.measure(parts[1], split) {
            guard splits.isEmpty else { throw .splitNotApplicable(metric: metric) }
            self.init([measure])
            return
        }
        guard Self.measure(metric, .train) != nil else { throw .unknownMetric(metric) }
        var chosen: [Split] = []
        for part in splits.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false) }) {
            let name = part.trimmingSpaces
            guard let split = Split(rawValue: name) else { throw .unknownSplit(name) }
            if !chosen.contains(split) { chosen.append(split) }
        }
        self.init((chosen.isEmpty ? defaultSplits : chosen).compactMap { Self.measure(metric, $0) })
    }

    private static func measure(_ metric: String, _ split: Split) -> CurveMeasure? {
        switch metric {
        case "accuracy": .accuracy(split)
        case "loss": .loss(split)
        default: nil
        }
    }

    /// `dev accuracy`, `train and dev loss`, `train, dev and test accuracy`.
    var name: String {
        guard measures.count > 1, let first = measures.first, first != .gap else { return measures[0].name }
        let splits = measures.map(\.splitName)
        let metric = first.name.split(separator: " ").last.map(String.init) ?? ""
        return splits.dropLast().joined(separator: ", ") + " and " + (splits.last ?? "") + " " + metric
    }
}
