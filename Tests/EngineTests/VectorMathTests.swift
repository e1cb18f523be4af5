import Foundation
import Testing

@testable import Engine

/// Distance in units in the last place of `expected` (as a float) between a float result
/// and a double-precision reference.
private func ulps(_ value: Float, _ expected: Double) -> Double {
    let reference = Float(expected)
    let ulp = reference == 0 ? Float.leastNormalMagnitude : reference.ulp
    return abs(Double(value) - expected) / Double(ulp)
}

/// Runs `function` over `inputs` eight at a time and returns the worst ulp error against
/// `reference`.
private func worstError(
    _ inputs: [Float], _ function: (SIMD8<Float>) -> SIMD8<Float>, _ reference: (Double) -> Double
) -> (ulps: Double, at: Float) {
    var worst = (ulps: 0.0, at: Float.nan)
    for start in stride(from: 0, to: inputs.count - 7, by: 8) {
        let x = SIMD8<Float>(inputs[start..<start + 8])
        let y = function(x)
        for lane in 0..<8 {
            let error = ulps(y[lane], reference(Double(x[lane])))
            if error > worst.ulps { worst = (error, x[lane]) }
        }
    }
    return worst
}

/// −20 to 20 in steps of 10⁻⁴: 400,001 inputs across the range where the functions bend.
private let inputs: [Float] = stride(from: Float(-20), through: 20, by: 1e-4).map { $0 }

@Suite("Vectorised exp, tanh and sigmoid")
struct VectorMathTests {
    @Test("exp is within 2 ulp of the double-precision result on [-20, 20]")
    func exponential() {
        let worst = worstError(inputs, VectorMath.exp, Foundation.exp)
        #expect(worst.ulps <= 2, "worst \(worst.ulps) ulp at \(worst.at)")
    }

    @Test("tanh is within 6 ulp of the double-precision result on [-20, 20] and on tiny inputs")
    func hyperbolicTangent() {
        let worst = worstError(inputs, VectorMath.tanh, Foundation.tanh)
        #expect(worst.ulps <= 6, "worst \(worst.ulps) ulp at \(worst.at)")
        let tiny: [Float] = (0..<64).map {
            Float(sign: $0.isMultiple(of: 2) ? .plus : .minus, exponent: -120 + $0, significand: 1.3)
        }
        let worstTiny = worstError(tiny, VectorMath.tanh, Foundation.tanh)
        #expect(worstTiny.ulps <= 2, "worst \(worstTiny.ulps) ulp at \(worstTiny.at)")
    }

    @Test("sigmoid is within 3 ulp of the double-precision result on [-20, 20]")
    func sigmoid() {
        let worst = worstError(inputs, VectorMath.sigmoid) { 1 / (1 + Foundation.exp(-$0)) }
        #expect(worst.ulps <= 3, "worst \(worst.ulps) ulp at \(worst.at)")
    }

    @Test("saturates cleanly far out: tanh ±1, sigmoid 1 and ≈0, exp finite and positive")
    func extremes() {
        let x = SIMD8<Float>(-1000, -100, -88, 50, 89, 100, 1000, .infinity)
        let t = VectorMath.tanh(x)
        let s = VectorMath.sigmoid(x)
        let e = VectorMath.exp(x)
        #expect(t == SIMD8<Float>(-1, -1, -1, 1, 1, 1, 1, 1))
        for lane in 0..<8 {
            #expect(s[lane] >= 0 && s[lane] <= 1)
            #expect(e[lane].isFinite && e[lane] > 0)
        }
        #expect(s[3] == 1 && s[0] < 1e-37)
    }

    @Test("tanh and sigmoid keep their symmetries")
    func symmetries() {
        let x = SIMD8<Float>(0.001, 0.3, 0.62, 0.63, 1.5, 4, 9, 15)
        #expect(VectorMath.tanh(-x) == -VectorMath.tanh(x))
        #expect(VectorMath.tanh(SIMD8(repeating: 0)) == SIMD8(repeating: 0))
        let sum = VectorMath.sigmoid(x) + VectorMath.sigmoid(-x)
        for lane in 0..<8 { #expect(abs(sum[lane] - 1) <= 2 * Float.ulpOfOne) }
    }
}
