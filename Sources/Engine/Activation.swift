/// The nonlinearity applied after every hidden layer.
public enum Activation: String, CaseIterable, Sendable, Codable {
    /// `max(0, x)`; derivative 1 where the output is positive, else 0 (as PyTorch).
    case relu
    /// `tanh x`; derivative `1 − y²` from the output `y`.
    case tanh
    /// `1 / (1 + e⁻ˣ)`; derivative `(1 − y) · y` from the output `y`.
    case sigmoid

    /// Parses a name in any letter case (`"ReLU"`, `"tanh"`, `"SIGMOID"`).
    ///
    /// - Throws: ``EngineError`` `unknown activation 'swish' (valid: relu, tanh, sigmoid)`.
    public init(parsing name: String) throws(EngineError) {
        self = try parseName(name, as: Activation.self, kind: "activation")
    }
}

/// The case of `T` whose raw value equals `name` ignoring letter case, or an error that
/// lists the valid names.
func parseName<T: CaseIterable & RawRepresentable>(
    _ name: String, as type: T.Type, kind: String
) throws(EngineError) -> T where T.RawValue == String {
    let wanted = name.lowercased()
    if let match = T.allCases.first(where: { $0.rawValue.lowercased() == wanted }) {
        return match
    }
    let valid = T.allCases.map(\.rawValue).joined(separator: ", ")
    throw EngineError("unknown \(kind) '\(name)' (valid: \(valid))")
}
