/// xoshiro256** 1.0 (Blackman & Vigna 2018), the engine's only source of randomness.
///
/// Written out here, with its own integer and float derivations, so that a seed gives the
/// same weights, shuffles and dropout masks on every machine and every Swift version (the
/// standard library does not promise a stable algorithm for `random(in:using:)`). The
/// whole state is four words, which a checkpoint stores to resume a stream exactly.
public struct Xoshiro256StarStar: Sendable, Hashable {
    public private(set) var state: (UInt64, UInt64, UInt64, UInt64)

    /// Restores a generator from a saved ``state``; it must not be all zero.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** state must not be all zero")
        self.state = state
    }

    /// Seeds the four state words with consecutive SplitMix64 outputs.
    public init(seeding splitMix: inout SplitMix64) {
        // SplitMix64 is a bijection of its counter, so four consecutive outputs are never
        // all zero.
        self.init(state: (splitMix.next(), splitMix.next(), splitMix.next(), splitMix.next()))
    }

    /// `rotl(s1 · 5, 7) · 9`, then the xorshift/rotate state transition.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// An integer uniform in `0..<bound`, without modulo bias.
    ///
    /// Lemire's multiply-shift method ("Fast random integer generation in an interval",
    /// 2019): the high word of `next() × bound` is the result unless the low word falls in
    /// the `2⁶⁴ mod bound` values that would over-represent some results, in which case a
    /// new draw is taken.
    public mutating func next(below bound: Int) -> Int {
        precondition(bound > 0, "the bound must be positive")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// A float uniform on the 2²⁴ multiples of 2⁻²⁴ in `[0, 1)`: the top 24 bits of a draw.
    public mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// A float uniform in `[low, high)`, computed as `low + (high − low) · u` as PyTorch's
    /// `uniform_` does.
    public mutating func nextFloat(in low: Float, _ high: Float) -> Float {
        low + (high - low) * nextUnitFloat()
    }

    /// Fisher-Yates (Durstenfeld) shuffle of `elements` in place: for `i` from the last
    /// index down to 1, swap element `i` with one drawn uniformly from `0...i`.
    public mutating func shuffle(_ elements: UnsafeMutableBufferPointer<Int32>) {
        var i = elements.count - 1
        while i > 0 {
            let j = next(below: i + 1)
            elements.swapAt(i, j)
            i -= 1
        }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.state == rhs.state
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(state.0)
        hasher.combine(state.1)
        hasher.combine(state.2)
        hasher.combine(state.3)
    }
}

@inline(__always)
private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 &- k))
}
