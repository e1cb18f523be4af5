/// Whether two computed numbers agree: |a − b| ≤ tolerance · max(1, |b|), an absolute
/// tolerance for numbers below 1 (accuracies, p-values) and a relative one above.
/// Both nil also agree; one nil does not.
public func isClose(_ a: Double?, _ b: Double?, tolerance: Double = 1e-9) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case (let a?, let b?): return abs(a - b) <= tolerance * max(1, abs(b))
    default: return false
    }
}
