// Stand-ins until the engine lands.
public enum Activation: String, CaseIterable, Sendable, Codable { case relu, tanh, sigmoid }
public enum Initialization: String, CaseIterable, Sendable, Codable { case auto, pytorch, xavier }
