/// How a network's weights are drawn before training. Biases are always drawn from
/// `U(−1/√fan_in, 1/√fan_in)`, as `nn.Linear` does.
public enum Initialization: String, CaseIterable, Sendable, Codable, NamedChoice {
    /// The seed study's rule: ``xavier`` for tanh networks, ``pytorch`` otherwise.
    case auto
    /// `nn.Linear`'s default (Kaiming-uniform with `a = √5`): weights from
    /// `U(−1/√fan_in, 1/√fan_in)`.
    case pytorch
    /// `xavier_uniform_`: weights from `U(−s, s)`, `s = √(6 / (fan_in + fan_out))`.
    case xavier

    public static let choiceKind = "initialization"

    /// The concrete rule for a network with `activation`: resolves ``auto``.
    public func resolved(for activation: Activation) -> Initialization {
        guard self == .auto else { return self }
        return activation == .tanh ? .xavier : .pytorch
    }

    /// The half-width `s` of the uniform range `U(−s, s)` the weights of a
    /// `fanIn → fanOut` layer are drawn from.
    public func weightBound(fanIn: Int, fanOut: Int, activation: Activation) -> Float {
        switch resolved(for: activation) {
        case .xavier: Float((6.0 / Double(fanIn + fanOut)).squareRoot())
        case .pytorch, .auto: biasBound(fanIn: fanIn)
        }
    }

    /// `1/√fan_in`, the bias range of every layer.
    public func biasBound(fanIn: Int) -> Float {
        Float(1 / Double(fanIn).squareRoot())
    }
}
