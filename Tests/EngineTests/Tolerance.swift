/// The one approximate-equality rule of these tests:
/// `|a − b| ≤ absolute + relative · max(|a|, |b|)`.
///
/// Float32 kernels are compared with double-precision references, so `relative` is set
/// from the float rounding the computation can accumulate (e.g. `1e-5` for a dot product
/// of a few hundred terms); finite-difference checks use looser bounds stated where used.
struct Tolerance: CustomStringConvertible {
    var relative: Double
    var absolute: Double

    /// For results of a few float operations: a handful of float ulps.
    static let float = Tolerance(relative: 1e-6, absolute: 1e-7)

    func accepts(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN || b.isNaN { return false }
        return abs(a - b) <= absolute + relative * max(abs(a), abs(b))
    }

    /// The indices where `a` and `b` differ beyond the tolerance (empty when they agree).
    func mismatches(_ a: [Double], _ b: [Double]) -> [Int] {
        precondition(a.count == b.count, "compared arrays differ in length")
        return a.indices.filter { !accepts(a[$0], b[$0]) }
    }

    var description: String { "±(\(absolute) + \(relative)·|x|)" }
}

extension Array where Element == Float {
    var doubles: [Double] { map(Double.init) }
}
