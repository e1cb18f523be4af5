import RunQueries

/// What `tracker plot` is asked to draw.
public struct PlotRequest: Sendable, Hashable {
    /// Which runs, and how they are grouped.
    public enum Source: Sendable, Hashable {
        /// These runs, each its own line.
        case runs([Int])
        /// The runs a selection picks, grouped by `keys`; nil groups them by the settings
        /// they vary, as a report does.
        case groups(RunSelection, keys: [GroupKey]?)
    }

    public var source: Source
    public var measure: PlotMeasure
    /// A numeric key on the x axis, with each group's final results; nil: per epoch.
    public var x: RunAttribute?
    /// Training time on a right axis, against `x`.
    public var withTime: Bool
    /// Each run's own curve beside its group's mean.
    public var showsRuns: Bool

    /// Preconditions: `x` is numeric and is not a group key; `withTime` needs `x`; `x`
    /// plots groups, not run ids. The command line checks these with its own messages.
    public init(
        source: Source, measure: PlotMeasure, x: RunAttribute? = nil, withTime: Bool = false, showsRuns: Bool = false
    ) {
        precondition(x.map { $0.kind != .text } ?? true, "x must be numeric")
        precondition(!withTime || x != nil, "training time is drawn against x")
        if case .runs = source { precondition(x == nil, "x plots groups of runs") }
        if case .groups(_, let keys?) = source, let x {
            precondition(!keys.contains(.attribute(x)), "x is a group key")
        }
        self.source = source
        self.measure = measure
        self.x = x
        self.withTime = withTime
        self.showsRuns = showsRuns
    }
}
