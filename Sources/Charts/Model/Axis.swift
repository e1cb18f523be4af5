/// The description of one chart axis: its title, unit, scale and label format.
public struct Axis: Sendable, Equatable {
    /// How data values map to positions along the axis.
    public enum Scale: Sendable, Equatable {
        case linear
        /// log10; only positive values are plotted, others are treated as missing.
        case log
    }

    /// What is measured, e.g. `"loss"`, `"batch size"`.
    public var label: String
    /// Shown in parentheses after the label: `"loss (nats)"`.
    public var unit: String?
    public var scale: Scale
    public var format: TickFormat
    /// A fixed range; `nil` fits the data. Data outside a fixed range is clipped.
    public var domain: ClosedRange<Double>?

    /// Preconditions: a fixed `domain` is finite and not a single value, and positive on
    /// a log scale. (Callers validate user-given ranges before building an axis.)
    public init(
        _ label: String, unit: String? = nil, scale: Scale = .linear,
        format: TickFormat = .number, domain: ClosedRange<Double>? = nil
    ) {
        if let domain {
            precondition(
                domain.lowerBound.isFinite && domain.upperBound.isFinite
                    && domain.lowerBound < domain.upperBound,
                "invalid axis domain \(domain)")
            precondition(scale == .linear || domain.lowerBound > 0, "log axis domain must be positive")
        }
        self.label = label
        self.unit = unit
        self.scale = scale
        self.format = format
        self.domain = domain
    }

    /// `label (unit)`, or the label alone.
    public var title: String {
        guard let unit, !unit.isEmpty else { return label }
        return label.isEmpty ? unit : "\(label) (\(unit))"
    }
}
