/// What backpropagation needs from an optimiser: either the coefficients of a step simple
/// enough to fold into the products that compute the gradients, or a step taken afterwards
/// from the gradients the layers hold.
///
/// An optimiser that keeps state per parameter (momentum's velocities, Adam's moments) or
/// looks at all gradients before stepping (clipping by their global norm) cannot be folded
/// and returns `nil` from ``fusedStep``; it then gets the full gradients in ``step(_:)``.
protocol Optimizer: AnyObject {
    /// The step as `p ← decay · p − rate · ∂L/∂p` for every weight and bias, when this
    /// optimiser's step has that form; `nil` otherwise.
    var fusedStep: FusedStep? { get }

    /// Applies one step from `weightGradient` and `biasGradient` of every layer. Only called
    /// when ``fusedStep`` is `nil`.
    func step(_ layers: [Linear])
}

/// A step `p ← decay · p − rate · g`, linear in the parameter and its gradient, which
/// `sgemm`'s `C ← alpha · A·B + beta · C` applies in the product that computes `g`
/// (`alpha = −rate`, `beta = decay`), so that `g` is never written out and read back.
struct FusedStep: Equatable {
    let decay: Float
    let rate: Float
}
