import Datasets
import Foundation

/// A setting of `RunConfig` as users name it: the `tracker run` flag without its dashes,
/// and the same key in experiment files (`batch-size: 100` ⇔ `--batch-size 100`). Its
/// other spellings, and what it accepts, are its entry in `RunSetting.all`.
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
    case optimizer
    case beta1
    case beta2
    case eps
    case lrSchedule = "lr-schedule"
    case lrStepEpochs = "lr-step-epochs"
    case lrGamma = "lr-gamma"
    case warmupEpochs = "warmup-epochs"
    case earlyStop = "early-stop"
    case earlyStopMetric = "early-stop-metric"
    case labelNoise = "label-noise"
    case inputNoise = "input-noise"
    case trainSubset = "train-subset"

    public var flag: String { "--" + rawValue }

    /// The key spelt as flags and experiment files spell it (`lr`), or as outputs and
    /// query keys name it (`learning-rate`): one setting, accepted under either name.
    public init?(named text: String) {
        guard let key = Self(rawValue: text) ?? Self.allCases.first(where: { RunSetting[$0].stored.name == text })
        else { return nil }
        self = key
    }

    /// What the key accepts, as error messages and help state it.
    public var requirement: String { RunSetting[self].requirement }

    enum Limits {
        static let layerSize = 1_000_000
        static let epochs = 1_000_000
        static let threads = 256
        static let trainImages = 50_000
        /// The largest seed an SQLite INTEGER holds: 2⁶³ − 1.
        static let seed = UInt64(Int64.max)
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
        guard RunSetting[key].parse(&self, text.trimmingCharacters(in: .whitespaces)) else {
            throw InvalidConfigValue(key: key, value: text)
        }
    }
}
