import TestSupport
import Testing

@testable import Engine

/// Weights (1, −2) and bias 0.5; the first step's gradients are (0.5, 0.25 | −1), the
/// second's (0.2, −0.4 | 0.3); lr 0.1.
///
/// The expected values follow PyTorch's documented Adam: `m ← β₁m + (1 − β₁)g`,
/// `v ← β₂v + (1 − β₂)g²`, `p ← p − lr·m̂/(√v̂ + ε)` with `m̂ = m/(1 − β₁ᵗ)`,
/// `v̂ = v/(1 − β₂ᵗ)`. The first step is `p − lr·g/(|g| + ε)` = (0.9, −2.1 | 0.6) whatever
/// the gradient's size; with weight decay added to the gradient its sign is unchanged, so
/// Adam's first step with `wd` is the same, while AdamW first multiplies `p` by
/// `1 − lr·wd` = 0.99: (0.89, −2.08 | 0.595). The second steps were computed by hand from
/// those formulas and agree with torch 2.13.0 (float32), which printed:
///
///     Adam:             (0.8101425170898438, -2.0723886489868164 | 0.642784833908081)
///     Adam, wd 0.1:     (0.807281494140625, -2.0313057899475098 | 0.6362732648849487)
///     AdamW, wd 0.1:    (0.7912425398826599, -2.0315887928009033 | 0.631834864616394)
///     Adam, β (0.5, 0.75), ε 0.01: step 1 (0.9019607901573181, -2.096153736114502 | 0.5990098714828491),
///                                  step 2 (0.8210011720657349, -2.0443387031555176 | 0.6179810762405396)
private let gradients: [[Float]] = [[0.5, 0.25, -1], [0.2, -0.4, 0.3]]

private func twoSteps(
    decoupled: Bool, weightDecay: Double, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8
) -> (first: [Double], second: [Double], adam: Adam) {
    let layer = Linear(inputs: 2, outputs: 1)
    layer.weight.assign([1, -2])
    layer.bias.assign([0.5])
    let adam = Adam(
        learningRate: 0.1, beta1: beta1, beta2: beta2, epsilon: epsilon, weightDecay: weightDecay,
        decoupled: decoupled, clipNorm: nil, layers: [layer])
    var results: [[Double]] = []
    for g in gradients {
        layer.weightGradient.assign(Array(g[0..<2]))
        layer.biasGradient.assign([g[2]])
        adam.step([layer])
        results.append((layer.weight.values + layer.bias.values).doubles)
    }
    return (results[0], results[1], adam)
}

@Suite("Adam and AdamW against PyTorch's formulas")
struct AdamTests {
    @Test("Adam without weight decay: the first step is lr · sign(g), the second uses both moments")
    func adam() {
        let (first, second, adam) = twoSteps(decoupled: false, weightDecay: 0)
        #expect(Tolerance.float.mismatches(first, [0.9, -2.1, 0.6]).isEmpty)
        #expect(
            Tolerance.float.mismatches(second, [0.8101425170898438, -2.0723886489868164, 0.642784833908081]).isEmpty)
        // m = 0.9·(0.1·g₁) + 0.1·g₂, v = 0.999·(0.001·g₁²) + 0.001·g₂².
        #expect(Tolerance.float.mismatches(adam.first[0].values.doubles, [0.065, 0.0225 - 0.04]).isEmpty)
        #expect(
            Tolerance.float.mismatches(
                adam.second[1].values.doubles, [0.999 * 0.001 * 1 + 0.001 * 0.09]
            ).isEmpty)
    }

    @Test("Adam's weight decay is added to the gradient: the same first step, a different second")
    func adamWeightDecay() {
        let (first, second, _) = twoSteps(decoupled: false, weightDecay: 0.1)
        #expect(Tolerance.float.mismatches(first, [0.9, -2.1, 0.6]).isEmpty)
        #expect(
            Tolerance.float.mismatches(second, [0.807281494140625, -2.0313057899475098, 0.6362732648849487]).isEmpty)
    }

    @Test("AdamW decays the parameters by 1 − lr·wd before each Adam step")
    func adamW() {
        let (first, second, _) = twoSteps(decoupled: true, weightDecay: 0.1)
        #expect(Tolerance.float.mismatches(first, [0.89, -2.08, 0.595]).isEmpty)
        #expect(
            Tolerance.float.mismatches(second, [0.7912425398826599, -2.0315887928009033, 0.631834864616394]).isEmpty)
    }

    @Test("AdamW without weight decay is Adam")
    func adamWWithoutDecay() {
        let adam = twoSteps(decoupled: false, weightDecay: 0)
        let adamW = twoSteps(decoupled: true, weightDecay: 0)
        #expect(adam.first == adamW.first && adam.second == adamW.second)
    }

    /// Step 1 with β₁ 0.5, β₂ 0.75, ε 0.01: `p − 0.1·g/(|g| + 0.01)`, e.g. 1 − 0.05/0.51.
    @Test("betas and eps as given, bias correction included")
    func betasAndEps() {
        let (first, second, _) = twoSteps(decoupled: false, weightDecay: 0, beta1: 0.5, beta2: 0.75, epsilon: 0.01)
        #expect(Tolerance.float.mismatches(first, [1 - 0.05 / 0.51, -2 - 0.025 / 0.26, 0.5 + 0.1 / 1.01]).isEmpty)
        #expect(
            Tolerance.float.mismatches(second, [0.8210011720657349, -2.0443387031555176, 0.6179810762405396]).isEmpty)
    }

    @Test("Adam never folds its step into the products")
    func neverFused() {
        #expect(twoSteps(decoupled: false, weightDecay: 0).adam.fusedStep == nil)
    }
}
