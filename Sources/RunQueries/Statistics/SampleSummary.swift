import TextOutput

/// The size, mean and sample standard deviation of a sample: all that confidence
/// intervals and Welch's test need.
public struct SampleSummary: Sendable, Hashable {
    public var count: Int
    public var mean: Double
    /// s = √(Σ(x − x̄)² / (n − 1)); nil for a sample of one.
    public var standardDeviation: Double?

    public init(count: Int, mean: Double, standardDeviation: Double?) {
        precondition(count >= 1, "a sample has at least one value")
        self.count = count
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// The summary of `values`, computed in two passes (the mean, then the squared
    /// deviations from it), so that equal values give a deviation of exactly 0.
    public init(_ values: [Double]) {
        precondition(!values.isEmpty, "a sample has at least one value")
        let mean = values.reduce(0, +) / Double(values.count)
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        self.init(
            count: values.count, mean: mean,
            standardDeviation: values.count > 1 ? (squares / Double(values.count - 1)).squareRoot() : nil)
    }

    /// The standard error of the mean, s / √n; nil for a sample of one.
    public var standardError: Double? {
        standardDeviation.map { $0 / Double(count).squareRoot() }
    }

    /// The confidence interval of the mean at `level` (0.95 for 95%), from Student's t:
    /// x̄ ± t(1 − (1 − level)/2, n − 1) · s / √n, clipped to `bounds` when given (the
    /// values a mean can take). Nil for a sample of one.
    public func confidenceInterval(level: Double = 0.95, within bounds: ClosedRange<Double>? = nil)
        -> ClosedRange<Double>?
    {
        guard let standardError else { return nil }
        let halfWidth = StudentT.quantile(1 - (1 - level) / 2, degreesOfFreedom: Double(count - 1)) * standardError
        let interval = (mean - halfWidth)...(mean + halfWidth)
        return bounds.map { interval.clamped(to: $0) } ?? interval
    }
}
