/// The one approximate-equality rule of these tests:
/// `|a − b| ≤ absolute + relative · max(|a|, |b|)`.
///
/// Float32 kernels are compared with double-precision references, so `relative` is set
/// from the float rounding the computation can accumulate (e.g. `1e-5` for a dot product
/// of a few hundred terms); finite-difference checks use looser bounds stated where used.
/// Statistics computed in double precision (means, deviations, p-values) use `isClose`,
/// the same rule with one bound for both terms.
public struct Tolerance: CustomStringConvertible, Sendable {
    public var relative: Double
    public var absolute: Double

    public init(relative: Double, absolute: Double) {
        self.relative = relative
        self.absolute = absolute
    }

    /// For results of a few float operations: a handful of float ulps.
    public static let float = Tolerance(relative: 1e-6, absolute: 1e-7)

    public func accepts(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN || b.isNaN { return false }
        return abs(a - b) <= absolute + relative * max(abs(a), abs(b))
    }

    /// The indices where `a` and `b` differ beyond the tolerance (empty when they agree).
    public func mismatches(_ a: [Double], _ b: [Double]) -> [Int] {
        precondition(a.count == b.count, "compared arrays differ in length")
        return a.indices.filter { !accepts(a[$0], b[$0]) }
    }

    public var description: String { "±(\(absolute) + \(relative)·|x|)" }
}

/// Whether two computed numbers agree within `tolerance`, absolute for numbers below 1
/// (accuracies, p-values) and relative above: `Tolerance(relative: tolerance,
/// absolute: tolerance)`. Both nil also agree; one nil does not.
public func isClose(_ a: Double?, _ b: Double?, tolerance: Double = 1e-9) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case (let a?, let b?): Tolerance(relative: tolerance, absolute: tolerance).accepts(a, b)
    default: false
    }
}

extension Array where Element == Float {
    public var doubles: [Double] { map(Double.init) }
}
