public import Engine
import Foundation

/// The engine's SplitMix64 as the source of the benchmarks' made-up data, so that every
/// run of a benchmark draws the same numbers on every machine.
extension SplitMix64 {
    /// Uniform in [0, 1): the top 53 bits of the next output.
    public mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    /// Uniform in 0..<bound (the modulo bias is irrelevant here).
    public mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// Standard normal, by Box-Muller.
    public mutating func gaussian() -> Double {
        let u = max(unit(), .leastNormalMagnitude)
        return sqrt(-2 * log(u)) * cos(2 * .pi * unit())
    }

    /// Skips `count` outputs.
    public mutating func skip(_ count: Int) {
        for _ in 0..<count { _ = next() }
    }
}
