import Foundation

/// An axis resolved against data: its range, ticks with labels, and the mapping from
/// values to fractions of the axis length.
struct AxisScale: Sendable {
    struct Tick: Sendable, Equatable {
        let value: Double
        let label: String
    }

    /// How a range fitted to data is widened (a fixed `Axis.domain` is never widened).
    enum Fit {
        /// To the enclosing nice ticks: the axis starts and ends on a tick (y axes).
        case nice
        /// By 2% of the data span on each side (log axes: of the decades), ticks inside
        /// (x axes, so that lines start at the first sample).
        case padded
    }

    let axis: Axis
    let lower: Double
    let upper: Double
    let ticks: [Tick]
    /// Unlabelled marks between ticks on log axes.
    let minorTicks: [Double]

    /// Values beyond this magnitude are not plotted: ranges over them would overflow.
    static let largestPlottable = 1e300
    /// Spans below this are treated as a single value, and positive values below it are
    /// not placed on log axes: tick arithmetic stays clear of subnormal numbers.
    static let smallestSpan = 1e-290

    /// Whether `value` can be placed on an axis with this scale.
    static func isPlottable(_ value: Double, on scale: Axis.Scale) -> Bool {
        value.isFinite && abs(value) <= largestPlottable && (scale == .linear || value >= smallestSpan)
    }

    /// Resolves `axis` for `values` (already filtered with `isPlottable`), with at most
    /// `maxTicks` labelled ticks (at least 2).
    init(axis: Axis, values: [Double], fit: Fit, maxTicks: Int) {
        self.axis = axis
        let maxTicks = max(2, maxTicks)
        let fixed = axis.domain.map { ($0.lowerBound, $0.upperBound) }
        let range = fixed ?? Self.dataRange(values, scale: axis.scale)
        let fit = fixed == nil ? fit : nil
        var minor: [Double] = []
        switch axis.scale {
        case .linear:
            let (low, high) = fit == .padded ? Self.padded(range, by: 0.02) : range
            let (linear, ticks) = Self.linearTicks(
                axis.format, low, high, maxTicks, fit: fit == .nice ? .extend : .inside)
            self.ticks = ticks
            (lower, upper) =
                fit == .nice
                ? (linear.step.multiple(linear.first), linear.step.multiple(linear.last)) : (low, high)
        case .log:
            switch fit {
            case .nice: (lower, upper) = LogTicks.niceBounds(lower: range.0, upper: range.1)
            case .padded:
                let factor = Foundation.pow(range.1 / range.0, 0.02)
                (lower, upper) = (range.0 / factor, range.1 * factor)
            case nil: (lower, upper) = range
            }
            let logTicks = LogTicks.choose(lower: lower, upper: upper, maxTicks: maxTicks)
            if logTicks.major.isEmpty {
                ticks = Self.linearTicks(axis.format, lower, upper, maxTicks, fit: .inside).1
            } else {
                ticks = logTicks.major.map { Tick(value: $0.value, label: axis.format.label(for: $0)) }
                minor = logTicks.minor.map(\.value)
            }
        }
        minorTicks = minor
    }

    /// Where `value` falls along the axis: 0 at `lower`, 1 at `upper`, beyond outside.
    /// On a log axis, non-positive values (the lower edge of a wide band) map to 0.
    func fraction(_ value: Double) -> Double {
        switch axis.scale {
        case .linear: return (value - lower) / (upper - lower)
        case .log:
            guard value > 0 else { return 0 }
            return Foundation.log10(value / lower) / Foundation.log10(upper / lower)
        }
    }

    /// Whether `value` lies within the range (up to rounding).
    func contains(_ value: Double) -> Bool {
        let position = fraction(value)
        return position >= -1e-9 && position <= 1 + 1e-9
    }

    /// The range of the data, widened when it is empty or (nearly) a single value:
    /// nothing → 0…1 (log 1…10); a single value v → v ± 10% (0 → −1…1; log v/2…2v).
    /// "Nearly" is a relative 1e-9, so rounding noise does not produce 1e-17 ticks (and
    /// an absolute `smallestSpan`; values that small count as 0).
    static func dataRange(_ values: [Double], scale: Axis.Scale) -> (Double, Double) {
        guard let low = values.min(), let high = values.max() else {
            return scale == .linear ? (0, 1) : (1, 10)
        }
        switch scale {
        case .linear:
            let span = high - low
            guard span <= max(abs(low), abs(high)) * 1e-9 || span < smallestSpan else { return (low, high) }
            let center = low / 2 + high / 2
            return abs(center) < smallestSpan ? (-1, 1) : (center - abs(center) * 0.1, center + abs(center) * 0.1)
        case .log:
            guard high / low <= 1 + 1e-9 else { return (low, high) }
            return (low / 2, high * 2)
        }
    }

    private static func padded(_ range: (Double, Double), by share: Double) -> (Double, Double) {
        let pad = (range.1 - range.0) * share
        return (range.0 - pad, range.1 + pad)
    }

    private static func linearTicks(
        _ format: TickFormat, _ lower: Double, _ upper: Double, _ maxTicks: Int, fit: LinearTicks.Fit
    ) -> (LinearTicks, [Tick]) {
        let linear = LinearTicks.choose(
            lower: lower, upper: upper, maxIntervals: maxTicks - 1,
            wholeNumbers: format.wholeNumbers, fit: fit)
        let values = linear.values
        return (linear, zip(values, format.labels(for: values, step: linear.step)).map(Tick.init))
    }
}
