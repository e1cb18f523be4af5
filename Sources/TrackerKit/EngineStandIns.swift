// Stand-ins until the engine lands.
public enum Activation: String, CaseIterable, Sendable, Codable { case relu, tanh, sigmoid }
public enum Initialization: String, CaseIterable, Sendable, Codable { case auto, pytorch, xavier }
public enum MD5 { public static func hexDigest(of bytes: [UInt8]) -> String { var h: UInt64 = 0xcbf29ce484222325; for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }; return String(h, radix: 16) } }
