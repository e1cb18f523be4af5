// swift-format-ignore-file: the 64 steps are written out one per line on purpose (see `compress`).

extension MD5 {
    /// The MD5 compression function over `count` consecutive 64-byte blocks at `blocks`:
    /// four rounds of sixteen steps `a = b + ((a + F(b, c, d) + M[g] + K[i]) <<< s)`,
    /// with K[i] = floor(|sin(i + 1)| · 2³²), then the block's result added to the state.
    ///
    /// The steps are written out with masking shifts and no helper calls: the code is then
    /// fast without optimisation too, which keeps debug builds and their tests quick.
    @inline(__always)
    static func compress(
        _ state: inout (UInt32, UInt32, UInt32, UInt32),
        blocks: UnsafeRawPointer,
        count: Int
    ) {
        var (a0, b0, c0, d0) = state
        for block in 0..<count {
            let base = blocks + block * 64
            @inline(__always) func word(_ index: Int) -> UInt32 {
                UInt32(littleEndian: base.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
            }
            let m0 = word(0)
            let m1 = word(1)
            let m2 = word(2)
            let m3 = word(3)
            let m4 = word(4)
            let m5 = word(5)
            let m6 = word(6)
            let m7 = word(7)
            let m8 = word(8)
            let m9 = word(9)
            let m10 = word(10)
            let m11 = word(11)
            let m12 = word(12)
            let m13 = word(13)
            let m14 = word(14)
            let m15 = word(15)
            var a = a0
            var b = b0
            var c = c0
            var d = d0
            var t: UInt32

            // round 1: F(b, c, d) = d ⊕ (b ∧ (c ⊕ d))
            t = a &+ (d ^ (b & (c ^ d))) &+ m0 &+ 0xd76aa478
            a = b &+ (t &<< 7 | t &>> 25)
            t = d &+ (c ^ (a & (b ^ c))) &+ m1 &+ 0xe8c7b756
            d = a &+ (t &<< 12 | t &>> 20)
            t = c &+ (b ^ (d & (a ^ b))) &+ m2 &+ 0x242070db
            c = d &+ (t &<< 17 | t &>> 15)
            t = b &+ (a ^ (c & (d ^ a))) &+ m3 &+ 0xc1bdceee
            b = c &+ (t &<< 22 | t &>> 10)
            t = a &+ (d ^ (b & (c ^ d))) &+ m4 &+ 0xf57c0faf
            a = b &+ (t &<< 7 | t &>> 25)
            t = d &+ (c ^ (a & (b ^ c))) &+ m5 &+ 0x4787c62a
            d = a &+ (t &<< 12 | t &>> 20)
            t = c &+ (b ^ (d & (a ^ b))) &+ m6 &+ 0xa8304613
            c = d &+ (t &<< 17 | t &>> 15)
            t = b &+ (a ^ (c & (d ^ a))) &+ m7 &+ 0xfd469501
            b = c &+ (t &<< 22 | t &>> 10)
            t = a &+ (d ^ (b & (c ^ d))) &+ m8 &+ 0x698098d8
            a = b &+ (t &<< 7 | t &>> 25)
            t = d &+ (c ^ (a & (b ^ c))) &+ m9 &+ 0x8b44f7af
            d = a &+ (t &<< 12 | t &>> 20)
            t = c &+ (b ^ (d & (a ^ b))) &+ m10 &+ 0xffff5bb1
            c = d &+ (t &<< 17 | t &>> 15)
            t = b &+ (a ^ (c & (d ^ a))) &+ m11 &+ 0x895cd7be
            b = c &+ (t &<< 22 | t &>> 10)
            t = a &+ (d ^ (b & (c ^ d))) &+ m12 &+ 0x6b901122
            a = b &+ (t &<< 7 | t &>> 25)
            t = d &+ (c ^ (a & (b ^ c))) &+ m13 &+ 0xfd987193
            d = a &+ (t &<< 12 | t &>> 20)
            t = c &+ (b ^ (d & (a ^ b))) &+ m14 &+ 0xa679438e
            c = d &+ (t &<< 17 | t &>> 15)
            t = b &+ (a ^ (c & (d ^ a))) &+ m15 &+ 0x49b40821
            b = c &+ (t &<< 22 | t &>> 10)
            // round 2: G(b, c, d) = c ⊕ (d ∧ (b ⊕ c))
            t = a &+ (c ^ (d & (b ^ c))) &+ m1 &+ 0xf61e2562
            a = b &+ (t &<< 5 | t &>> 27)
            t = d &+ (b ^ (c & (a ^ b))) &+ m6 &+ 0xc040b340
            d = a &+ (t &<< 9 | t &>> 23)
            t = c &+ (a ^ (b & (d ^ a))) &+ m11 &+ 0x265e5a51
            c = d &+ (t &<< 14 | t &>> 18)
            t = b &+ (d ^ (a & (c ^ d))) &+ m0 &+ 0xe9b6c7aa
            b = c &+ (t &<< 20 | t &>> 12)
            t = a &+ (c ^ (d & (b ^ c))) &+ m5 &+ 0xd62f105d
            a = b &+ (t &<< 5 | t &>> 27)
            t = d &+ (b ^ (c & (a ^ b))) &+ m10 &+ 0x02441453
            d = a &+ (t &<< 9 | t &>> 23)
            t = c &+ (a ^ (b & (d ^ a))) &+ m15 &+ 0xd8a1e681
            c = d &+ (t &<< 14 | t &>> 18)
            t = b &+ (d ^ (a & (c ^ d))) &+ m4 &+ 0xe7d3fbc8
            b = c &+ (t &<< 20 | t &>> 12)
            t = a &+ (c ^ (d & (b ^ c))) &+ m9 &+ 0x21e1cde6
            a = b &+ (t &<< 5 | t &>> 27)
            t = d &+ (b ^ (c & (a ^ b))) &+ m14 &+ 0xc33707d6
            d = a &+ (t &<< 9 | t &>> 23)
            t = c &+ (a ^ (b & (d ^ a))) &+ m3 &+ 0xf4d50d87
            c = d &+ (t &<< 14 | t &>> 18)
            t = b &+ (d ^ (a & (c ^ d))) &+ m8 &+ 0x455a14ed
            b = c &+ (t &<< 20 | t &>> 12)
            t = a &+ (c ^ (d & (b ^ c))) &+ m13 &+ 0xa9e3e905
            a = b &+ (t &<< 5 | t &>> 27)
            t = d &+ (b ^ (c & (a ^ b))) &+ m2 &+ 0xfcefa3f8
            d = a &+ (t &<< 9 | t &>> 23)
            t = c &+ (a ^ (b & (d ^ a))) &+ m7 &+ 0x676f02d9
            c = d &+ (t &<< 14 | t &>> 18)
            t = b &+ (d ^ (a & (c ^ d))) &+ m12 &+ 0x8d2a4c8a
            b = c &+ (t &<< 20 | t &>> 12)
            // round 3: H(b, c, d) = b ⊕ c ⊕ d
            t = a &+ (b ^ c ^ d) &+ m5 &+ 0xfffa3942
            a = b &+ (t &<< 4 | t &>> 28)
            t = d &+ (a ^ b ^ c) &+ m8 &+ 0x8771f681
            d = a &+ (t &<< 11 | t &>> 21)
            t = c &+ (d ^ a ^ b) &+ m11 &+ 0x6d9d6122
            c = d &+ (t &<< 16 | t &>> 16)
            t = b &+ (c ^ d ^ a) &+ m14 &+ 0xfde5380c
            b = c &+ (t &<< 23 | t &>> 9)
            t = a &+ (b ^ c ^ d) &+ m1 &+ 0xa4beea44
            a = b &+ (t &<< 4 | t &>> 28)
            t = d &+ (a ^ b ^ c) &+ m4 &+ 0x4bdecfa9
            d = a &+ (t &<< 11 | t &>> 21)
            t = c &+ (d ^ a ^ b) &+ m7 &+ 0xf6bb4b60
            c = d &+ (t &<< 16 | t &>> 16)
            t = b &+ (c ^ d ^ a) &+ m10 &+ 0xbebfbc70
            b = c &+ (t &<< 23 | t &>> 9)
            t = a &+ (b ^ c ^ d) &+ m13 &+ 0x289b7ec6
            a = b &+ (t &<< 4 | t &>> 28)
            t = d &+ (a ^ b ^ c) &+ m0 &+ 0xeaa127fa
            d = a &+ (t &<< 11 | t &>> 21)
            t = c &+ (d ^ a ^ b) &+ m3 &+ 0xd4ef3085
            c = d &+ (t &<< 16 | t &>> 16)
            t = b &+ (c ^ d ^ a) &+ m6 &+ 0x04881d05
            b = c &+ (t &<< 23 | t &>> 9)
            t = a &+ (b ^ c ^ d) &+ m9 &+ 0xd9d4d039
            a = b &+ (t &<< 4 | t &>> 28)
            t = d &+ (a ^ b ^ c) &+ m12 &+ 0xe6db99e5
            d = a &+ (t &<< 11 | t &>> 21)
            t = c &+ (d ^ a ^ b) &+ m15 &+ 0x1fa27cf8
            c = d &+ (t &<< 16 | t &>> 16)
            t = b &+ (c ^ d ^ a) &+ m2 &+ 0xc4ac5665
            b = c &+ (t &<< 23 | t &>> 9)
            // round 4: I(b, c, d) = c ⊕ (b ∨ ¬d)
            t = a &+ (c ^ (b | ~d)) &+ m0 &+ 0xf4292244
            a = b &+ (t &<< 6 | t &>> 26)
            t = d &+ (b ^ (a | ~c)) &+ m7 &+ 0x432aff97
            d = a &+ (t &<< 10 | t &>> 22)
            t = c &+ (a ^ (d | ~b)) &+ m14 &+ 0xab9423a7
            c = d &+ (t &<< 15 | t &>> 17)
            t = b &+ (d ^ (c | ~a)) &+ m5 &+ 0xfc93a039
            b = c &+ (t &<< 21 | t &>> 11)
            t = a &+ (c ^ (b | ~d)) &+ m12 &+ 0x655b59c3
            a = b &+ (t &<< 6 | t &>> 26)
            t = d &+ (b ^ (a | ~c)) &+ m3 &+ 0x8f0ccc92
            d = a &+ (t &<< 10 | t &>> 22)
            t = c &+ (a ^ (d | ~b)) &+ m10 &+ 0xffeff47d
            c = d &+ (t &<< 15 | t &>> 17)
            t = b &+ (d ^ (c | ~a)) &+ m1 &+ 0x85845dd1
            b = c &+ (t &<< 21 | t &>> 11)
            t = a &+ (c ^ (b | ~d)) &+ m8 &+ 0x6fa87e4f
            a = b &+ (t &<< 6 | t &>> 26)
            t = d &+ (b ^ (a | ~c)) &+ m15 &+ 0xfe2ce6e0
            d = a &+ (t &<< 10 | t &>> 22)
            t = c &+ (a ^ (d | ~b)) &+ m6 &+ 0xa3014314
            c = d &+ (t &<< 15 | t &>> 17)
            t = b &+ (d ^ (c | ~a)) &+ m13 &+ 0x4e0811a1
            b = c &+ (t &<< 21 | t &>> 11)
            t = a &+ (c ^ (b | ~d)) &+ m4 &+ 0xf7537e82
            a = b &+ (t &<< 6 | t &>> 26)
            t = d &+ (b ^ (a | ~c)) &+ m11 &+ 0xbd3af235
            d = a &+ (t &<< 10 | t &>> 22)
            t = c &+ (a ^ (d | ~b)) &+ m2 &+ 0x2ad7d2bb
            c = d &+ (t &<< 15 | t &>> 17)
            t = b &+ (d ^ (c | ~a)) &+ m9 &+ 0xeb86d391
            b = c &+ (t &<< 21 | t &>> 11)

            a0 &+= a
            b0 &+= b
            c0 &+= c
            d0 &+= d
        }
        state = (a0, b0, c0, d0)
    }
}
