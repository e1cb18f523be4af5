import Datasets
import Engine
import Foundation

/// A setting of `RunConfig` as users name it: the `tracker run` flag without its dashes,
/// and the same key in experiment files (`batch-size: 100` ⇔ `--batch-size 100`).
public enum ConfigKey: String, CaseIterable, Sendable {
    case hidden
    case activation
    case dropout
    case weightDecay = "weight-decay"
    case learningRate = "lr"
    case momentum
    case batchSize = "batch-size"
    case epochs
    case clipNorm = "clip-norm"
    case initialization = "init"
    case seed
    case threads
    case dataset
    case trainLimit = "train-limit"

    public var flag: String { "--" + rawValue }

    /// What the key accepts, as error messages and help state it.
    public var requirement: String {
        switch self {
        case .hidden: "layer sizes such as 128-64 or 128,64, each an integer in 1...\(Limits.layerSize)"
        case .activation: "one of " + Activation.allCases.map(\.rawValue).joined(separator: ", ")
        case .dropout: "a probability in [0, 1)"
        case .weightDecay: "a number >= 0"
        case .learningRate: "a number > 0"
        case .momentum: "a number in [0, 1)"
        case .batchSize: "an integer >= 1"
        case .epochs: "an integer in 1...\(Limits.epochs)"
        case .clipNorm: "a number > 0, or none"
        case .initialization: "one of " + Initialization.allCases.map(\.rawValue).joined(separator: ", ")
        case .seed: "an integer in 0...\(UInt64.max)"
        case .threads: "an integer in 1...\(Limits.threads)"
        case .dataset: "one of " + Limits.datasets.joined(separator: ", ")
        case .trainLimit: "an integer in 1...\(Limits.trainImages)"
        }
    }

    enum Limits {
        static let layerSize = 1_000_000
        static let epochs = 1_000_000
        static let threads = 256
        static let trainImages = 50_000
        static let datasets = Dataset.all.map(\.name)
    }
}

/// A value that a `ConfigKey` does not accept. The message names the key, the value and
/// what is allowed; `flag` and `key` give the two spellings of its first word.
public struct InvalidConfigValue: Error, Equatable, Sendable {
    public let key: ConfigKey
    public let value: String

    /// `--dropout 1.5: expected a probability in [0, 1)`
    public var flagMessage: String { "\(key.flag) \(quoted(value)): expected \(key.requirement)" }

    /// `dropout: 1.5: expected a probability in [0, 1)`
    public var keyMessage: String { "\(key.rawValue): \(quoted(value)): expected \(key.requirement)" }

    private func quoted(_ text: String) -> String {
        text.isEmpty || text.contains(where: { $0 == " " || $0 == ":" }) ? "'\(text)'" : text
    }
}

extension RunConfig {
    /// Sets `key` from its text, as typed after a flag or read from a YAML scalar.
    /// Leaves the configuration unchanged when the text is not acceptable.
    public mutating func set(_ key: ConfigKey, from text: String) throws(InvalidConfigValue) {
        let invalid = InvalidConfigValue(key: key, value: text)
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        func accept<T>(_ value: T?) throws(InvalidConfigValue) -> T {
            guard let value else { throw invalid }
            return value
        }
        switch key {
        case .hidden:
            hidden = try accept(Self.layerSizes(trimmed))
        case .activation:
            activation = try accept(Self.caseInsensitive(trimmed, Activation.self))
        case .initialization:
            initialization = try accept(Self.caseInsensitive(trimmed, Initialization.self))
        case .dataset:
            guard Limits.datasets.contains(trimmed.lowercased()) else { throw invalid }
            dataset = trimmed.lowercased()
        case .dropout:
            dropout = try accept(Self.number(trimmed, where: { $0 >= 0 && $0 < 1 }))
        case .weightDecay:
            weightDecay = try accept(Self.number(trimmed, where: { $0 >= 0 }))
        case .learningRate:
            learningRate = try accept(Self.number(trimmed, where: { $0 > 0 }))
        case .momentum:
            momentum = try accept(Self.number(trimmed, where: { $0 >= 0 && $0 < 1 }))
        case .clipNorm:
            if ["none", "null", "~", "off"].contains(trimmed.lowercased()) {
                clipNorm = nil
            } else {
                clipNorm = try accept(Self.number(trimmed, where: { $0 > 0 }))
            }
        case .batchSize:
            batchSize = try accept(Self.integer(trimmed, in: 1...Int.max))
        case .epochs:
            epochs = try accept(Self.integer(trimmed, in: 1...Limits.epochs))
        case .threads:
            threads = try accept(Self.integer(trimmed, in: 1...Limits.threads))
        case .trainLimit:
            trainLimit = try accept(Self.integer(trimmed, in: 1...Limits.trainImages))
        case .seed:
            seed = try accept(UInt64(trimmed))
        }
    }

    private typealias Limits = ConfigKey.Limits

    private static func number(_ text: String, where isAllowed: (Double) -> Bool) -> Double? {
        guard let value = Double(text), value.isFinite, isAllowed(value) else { return nil }
        return value
    }

    private static func integer(_ text: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = Int(text), range.contains(value) else { return nil }
        return value
    }

    private static func caseInsensitive<T: RawRepresentable & CaseIterable>(_ text: String, _: T.Type) -> T?
    where T.RawValue == String {
        T.allCases.first { $0.rawValue == text.lowercased() }
    }

    /// `128-64-32`, `128,64,32` or a single `800`.
    private static func layerSizes(_ text: String) -> [Int]? {
        let parts = text.split(separator: /[-,]/, omittingEmptySubsequences: false)
        let sizes = parts.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !sizes.isEmpty, sizes.count == parts.count,
              sizes.allSatisfy({ (1...Limits.layerSize).contains($0) })
        else { return nil }
        return sizes
    }
}
