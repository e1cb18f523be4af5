/// A closed set of named options (``Activation``, ``Initialization``) that users type.
public protocol NamedChoice: CaseIterable, RawRepresentable where RawValue == String {
    /// What the set is called in error messages (`"activation"`).
    static var choiceKind: String { get }
}

extension NamedChoice {
    /// Parses a name in any letter case (`"ReLU"`, `"tanh"`, `"SIGMOID"`).
    ///
    /// - Throws: ``EngineError`` listing the valid names, e.g.
    ///   `unknown activation 'swish' (valid: relu, tanh, sigmoid)`.
    public init(parsing name: String) throws(EngineError) {
        let wanted = name.lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == wanted }) else {
            let valid = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw EngineError("unknown \(Self.choiceKind) '\(name)' (valid: \(valid))")
        }
        self = match
    }
}
