/// Evenly spaced ticks at the multiples of a nice step.
struct LinearTicks: Sendable, Equatable {
    let step: NiceStep
    /// The first and last multiple of `step` that are ticks (`first > last`: no ticks).
    let first: Int
    let last: Int

    var values: [Double] { first <= last ? (first...last).map(step.multiple) : [] }

    /// Whether the range is widened to the enclosing multiples of the step (the axis then
    /// starts and ends on a tick), or ticks are the multiples inside the range.
    enum Fit { case extend, inside }

    /// The finest nice step that gives at most `maxIntervals` intervals over
    /// `lower...upper`, and the ticks it gives.
    ///
    /// `wholeNumbers` keeps only steps whose multiples are integers (counts, epochs).
    /// Preconditions: finite bounds with `lower < upper`, and `maxIntervals ≥ 1`.
    static func choose(
        lower: Double, upper: Double, maxIntervals: Int, wholeNumbers: Bool, fit: Fit
    ) -> LinearTicks {
        precondition(lower.isFinite && upper.isFinite && lower < upper, "bad range \(lower)...\(upper)")
        precondition(maxIntervals >= 1, "need at least one interval")
        var step = NiceStep.atLeast((upper - lower) / Double(maxIntervals))
        while true {
            if wholeNumbers && !step.isWhole {
                step = step.next
                continue
            }
            let ticks = LinearTicks(lower: lower, upper: upper, step: step, fit: fit)
            if ticks.last - ticks.first <= maxIntervals { return ticks }
            step = step.next
        }
    }

    /// The multiples of `step` for the range; a relative slack of 1e-9 step absorbs
    /// rounding, so that `0.3 / 0.1 = 2.9999999999999996` still counts as 3.
    private init(lower: Double, upper: Double, step: NiceStep, fit: Fit) {
        let slack = 1e-9
        let low = lower / step.value
        let high = upper / step.value
        self.step = step
        switch fit {
        case .extend:
            first = Int((low + slack).rounded(.down))
            last = Int((high - slack).rounded(.up))
        case .inside:
            first = Int((low - slack).rounded(.up))
            last = Int((high + slack).rounded(.down))
        }
    }
}
