/// Eight-lane `exp`, `tanh` and sigmoid, so that activations vectorise like the matrix
/// products around them instead of calling libm once per element.
///
/// The algorithms are Cephes' `expf` and `tanhf` (S. Moshier), written with SIMD types;
/// their accuracy against double-precision references is pinned by tests (a few ulp).
/// Every element goes through the same lanes whether it sits in a full vector or in the
/// tail of a row, so a value's result never depends on its position.
enum VectorMath {
    typealias Vector = SIMD8<Float>

    /// `eˣ` for `x` clamped to `[-87.3, 88]` (the range where the result and `2ⁿ` stay
    /// normal floats). Range reduction `x = n·ln 2 + r` with `|r| ≤ ln2/2`, `ln 2` split in
    /// two parts for exactness, a degree-7 polynomial for `eʳ`, then `2ⁿ` assembled in the
    /// exponent bits.
    @inline(__always)
    static func exp(_ input: Vector) -> Vector {
        // Clamped with comparisons rather than `clamped(lowerBound:upperBound:)`, whose
        // NaN rules compile to per-lane calls; a NaN input stays NaN.
        var x = input.replacing(with: -87.3, where: input .< -87.3)
        x.replace(with: 88, where: x .> 88)
        // Adding 1.5·2²³ rounds to the nearest integer in the low mantissa bits
        // (SSE2 has no vector floor).
        let magic = Vector(repeating: 12_582_912)
        let shifted = x * 1.442_695_04 + magic
        let n = shifted - magic
        var r = x - n * 0.693_359_375
        r = r - n * -2.121_944_40e-4
        let r2 = r * r
        var p = Vector(repeating: 1.987_569_150_0e-4)
        p = p * r + 1.398_199_950_7e-3
        p = p * r + 8.333_451_907_3e-3
        p = p * r + 4.166_579_589_4e-2
        p = p * r + 1.666_666_545_9e-1
        p = p * r + 5.000_000_120_1e-1
        p = p * r2 + r + 1
        // The low mantissa bits of `shifted` hold n + 2²² in two's complement.
        let nBits = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000
        let scale = unsafeBitCast((nBits &+ 127) &<< 23, to: Vector.self)
        return p * scale
    }

    /// `tanh x`: an odd polynomial for `|x| < 0.625`, `1 − 2 / (e²ˣ + 1)` with the sign
    /// restored above (Cephes `tanhf`).
    @inline(__always)
    static func tanh(_ x: Vector) -> Vector {
        let magnitude = Vector(bitPattern: x.bitPattern & 0x7FFF_FFFF)
        let e = exp(magnitude + magnitude)
        let large = 1 - 2 / (e + 1)
        let signed = Vector(bitPattern: large.bitPattern | (x.bitPattern & 0x8000_0000))
        let z = x * x
        var p = Vector(repeating: -5.704_988_727_45e-3)
        p = p * z + 2.063_908_879_54e-2
        p = p * z - 5.373_971_555_31e-2
        p = p * z + 1.333_144_220_36e-1
        p = p * z - 3.333_328_194_22e-1
        let small = p * z * x + x
        return small.replacing(with: signed, where: magnitude .>= 0.625)
    }

    /// `σ(x) = 1 / (1 + e⁻ˣ)`.
    @inline(__always)
    static func sigmoid(_ x: Vector) -> Vector {
        1 / (1 + exp(-x))
    }
}

extension SIMD8 where Scalar == Float {
    /// The lanes' IEEE-754 bit patterns.
    @inline(__always)
    var bitPattern: SIMD8<UInt32> { unsafeBitCast(self, to: SIMD8<UInt32>.self) }

    @inline(__always)
    init(bitPattern: SIMD8<UInt32>) { self = unsafeBitCast(bitPattern, to: SIMD8<Float>.self) }
}
