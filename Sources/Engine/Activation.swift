/// The nonlinearity applied after every hidden layer.
public enum Activation: String, CaseIterable, Sendable, Codable, NamedChoice {
    /// `max(0, x)`; derivative 1 where the output is positive, else 0 (as PyTorch).
    case relu
    /// `tanh x`; derivative `1 − y²` from the output `y`.
    case tanh
    /// `1 / (1 + e⁻ˣ)`; derivative `(1 − y) · y` from the output `y`.
    case sigmoid

    public static let choiceKind = "activation"
}
