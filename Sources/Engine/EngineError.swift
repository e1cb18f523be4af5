/// A problem with what the caller asked of the engine: an invalid configuration, data that
/// does not fit it, or a checkpoint that cannot be used.
///
/// ``description`` is one line meant for the user, e.g.
/// `unknown activation 'swish' (valid: relu, tanh, sigmoid)`.
public struct EngineError: Error, CustomStringConvertible, Hashable, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
