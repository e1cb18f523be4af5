extension MD5 {
    /// The MD5 compression function over `count` consecutive 64-byte blocks at `blocks`:
    /// four rounds of sixteen steps `a = b + ((a + F(b, c, d) + M[g] + K[i]) <<< s)`,
    /// with K[i] = floor(|sin(i + 1)| · 2³²), then the block's result added to the state.
    @inline(__always)
    static func compress(
        _ state: inout (UInt32, UInt32, UInt32, UInt32),
        blocks: UnsafeRawPointer,
        count: Int
    ) {
        var (a0, b0, c0, d0) = state
        for block in 0 ..< count {
            let base = blocks + block * 64
            @inline(__always) func word(_ index: Int) -> UInt32 {
                UInt32(littleEndian: base.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
            }
            let m0 = word(0), m1 = word(1), m2 = word(2), m3 = word(3)
            let m4 = word(4), m5 = word(5), m6 = word(6), m7 = word(7)
            let m8 = word(8), m9 = word(9), m10 = word(10), m11 = word(11)
            let m12 = word(12), m13 = word(13), m14 = word(14), m15 = word(15)
            var a = a0, b = b0, c = c0, d = d0

            // round 1
            a = f(a, b, c, d, m0, 0xd76aa478, 7); d = f(d, a, b, c, m1, 0xe8c7b756, 12)
            c = f(c, d, a, b, m2, 0x242070db, 17); b = f(b, c, d, a, m3, 0xc1bdceee, 22)
            a = f(a, b, c, d, m4, 0xf57c0faf, 7); d = f(d, a, b, c, m5, 0x4787c62a, 12)
            c = f(c, d, a, b, m6, 0xa8304613, 17); b = f(b, c, d, a, m7, 0xfd469501, 22)
            a = f(a, b, c, d, m8, 0x698098d8, 7); d = f(d, a, b, c, m9, 0x8b44f7af, 12)
            c = f(c, d, a, b, m10, 0xffff5bb1, 17); b = f(b, c, d, a, m11, 0x895cd7be, 22)
            a = f(a, b, c, d, m12, 0x6b901122, 7); d = f(d, a, b, c, m13, 0xfd987193, 12)
            c = f(c, d, a, b, m14, 0xa679438e, 17); b = f(b, c, d, a, m15, 0x49b40821, 22)
            // round 2
            a = g(a, b, c, d, m1, 0xf61e2562, 5); d = g(d, a, b, c, m6, 0xc040b340, 9)
            c = g(c, d, a, b, m11, 0x265e5a51, 14); b = g(b, c, d, a, m0, 0xe9b6c7aa, 20)
            a = g(a, b, c, d, m5, 0xd62f105d, 5); d = g(d, a, b, c, m10, 0x02441453, 9)
            c = g(c, d, a, b, m15, 0xd8a1e681, 14); b = g(b, c, d, a, m4, 0xe7d3fbc8, 20)
            a = g(a, b, c, d, m9, 0x21e1cde6, 5); d = g(d, a, b, c, m14, 0xc33707d6, 9)
            c = g(c, d, a, b, m3, 0xf4d50d87, 14); b = g(b, c, d, a, m8, 0x455a14ed, 20)
            a = g(a, b, c, d, m13, 0xa9e3e905, 5); d = g(d, a, b, c, m2, 0xfcefa3f8, 9)
            c = g(c, d, a, b, m7, 0x676f02d9, 14); b = g(b, c, d, a, m12, 0x8d2a4c8a, 20)
            // round 3
            a = h(a, b, c, d, m5, 0xfffa3942, 4); d = h(d, a, b, c, m8, 0x8771f681, 11)
            c = h(c, d, a, b, m11, 0x6d9d6122, 16); b = h(b, c, d, a, m14, 0xfde5380c, 23)
            a = h(a, b, c, d, m1, 0xa4beea44, 4); d = h(d, a, b, c, m4, 0x4bdecfa9, 11)
            c = h(c, d, a, b, m7, 0xf6bb4b60, 16); b = h(b, c, d, a, m10, 0xbebfbc70, 23)
            a = h(a, b, c, d, m13, 0x289b7ec6, 4); d = h(d, a, b, c, m0, 0xeaa127fa, 11)
            c = h(c, d, a, b, m3, 0xd4ef3085, 16); b = h(b, c, d, a, m6, 0x04881d05, 23)
            a = h(a, b, c, d, m9, 0xd9d4d039, 4); d = h(d, a, b, c, m12, 0xe6db99e5, 11)
            c = h(c, d, a, b, m15, 0x1fa27cf8, 16); b = h(b, c, d, a, m2, 0xc4ac5665, 23)
            // round 4
            a = i(a, b, c, d, m0, 0xf4292244, 6); d = i(d, a, b, c, m7, 0x432aff97, 10)
            c = i(c, d, a, b, m14, 0xab9423a7, 15); b = i(b, c, d, a, m5, 0xfc93a039, 21)
            a = i(a, b, c, d, m12, 0x655b59c3, 6); d = i(d, a, b, c, m3, 0x8f0ccc92, 10)
            c = i(c, d, a, b, m10, 0xffeff47d, 15); b = i(b, c, d, a, m1, 0x85845dd1, 21)
            a = i(a, b, c, d, m8, 0x6fa87e4f, 6); d = i(d, a, b, c, m15, 0xfe2ce6e0, 10)
            c = i(c, d, a, b, m6, 0xa3014314, 15); b = i(b, c, d, a, m13, 0x4e0811a1, 21)
            a = i(a, b, c, d, m4, 0xf7537e82, 6); d = i(d, a, b, c, m11, 0xbd3af235, 10)
            c = i(c, d, a, b, m2, 0x2ad7d2bb, 15); b = i(b, c, d, a, m9, 0xeb86d391, 21)

            a0 &+= a; b0 &+= b; c0 &+= c; d0 &+= d
        }
        state = (a0, b0, c0, d0)
    }

    /// Round 1: F(b, c, d) = (b ∧ c) ∨ (¬b ∧ d), written as d ⊕ (b ∧ (c ⊕ d)).
    @inline(__always)
    private static func f(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ m: UInt32, _ k: UInt32, _ s: UInt32) -> UInt32 {
        step(a, b, d ^ (b & (c ^ d)), m, k, s)
    }

    /// Round 2: G(b, c, d) = (b ∧ d) ∨ (c ∧ ¬d), written as c ⊕ (d ∧ (b ⊕ c)).
    @inline(__always)
    private static func g(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ m: UInt32, _ k: UInt32, _ s: UInt32) -> UInt32 {
        step(a, b, c ^ (d & (b ^ c)), m, k, s)
    }

    /// Round 3: H(b, c, d) = b ⊕ c ⊕ d.
    @inline(__always)
    private static func h(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ m: UInt32, _ k: UInt32, _ s: UInt32) -> UInt32 {
        step(a, b, b ^ c ^ d, m, k, s)
    }

    /// Round 4: I(b, c, d) = c ⊕ (b ∨ ¬d).
    @inline(__always)
    private static func i(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ m: UInt32, _ k: UInt32, _ s: UInt32) -> UInt32 {
        step(a, b, c ^ (b | ~d), m, k, s)
    }

    @inline(__always)
    private static func step(_ a: UInt32, _ b: UInt32, _ mixed: UInt32, _ m: UInt32, _ k: UInt32, _ s: UInt32) -> UInt32 {
        let sum = a &+ mixed &+ m &+ k
        return b &+ (sum << s | sum >> (32 - s))
    }
}
