import Datasets
import Engine
import Foundation
import Perturbations
import Store

/// Everything that defines one training run: the engine's configuration (the model, the
/// optimisation and the seed) and the data it trains on. Flags of `tracker run` and keys
/// of experiment files name its settings the same way, and the complete value is stored
/// as JSON with every run; `RunSetting.all` lists the settings and their spellings.
///
/// The engine's settings are read and written as if they were the config's own
/// (`config.seed`), so that they are declared, and defaulted, once: in `TrainingConfig`.
@dynamicMemberLookup
public struct RunConfig: Hashable, Sendable {
    /// The model, the optimisation and the randomness. `threads` is an execution setting
    /// rather than part of what is studied: it is stored with the run but left out of
    /// `trialHash` (results agree to rounding).
    public var trainingConfig = TrainingConfig()

    public var dataset: String = "mnist"
    /// Train on the first `trainLimit` training images only; `nil` uses all 50,000.
    public var trainLimit: Int?
    /// Which `trainLimit` images are kept.
    public var trainSubset: TrainSubset = .first
    /// The fraction of training labels replaced by another class.
    public var labelNoise: Double = 0
    /// The deviation of the Gaussian noise added to every pixel of every split.
    public var inputNoise: Double = 0

    public init() {}

    public subscript<Value>(dynamicMember path: WritableKeyPath<TrainingConfig, Value>) -> Value {
        get { trainingConfig[keyPath: path] }
        set { trainingConfig[keyPath: path] = newValue }
    }
}

/// The stored JSON: each setting under its `RunSetting.jsonKey`, absent ones left out.
extension RunConfig: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RunSetting.JSONKey.self)
        self.init()
        for setting in RunSetting.all {
            try setting.decode(&self, container)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RunSetting.JSONKey.self)
        for setting in RunSetting.all {
            try setting.encode(self, &container)
        }
    }
}

extension RunConfig {
    /// Hidden layer sizes as the runs table stores them and users type them: `128-64-32`.
    public var architecture: String {
        RunParameters.architecture(of: self.hidden)
    }

    /// The complete configuration as canonical JSON: keys sorted, no whitespace, so that
    /// equal configurations give equal text.
    public var canonicalJSON: String {
        Self.canonical(self)
    }

    /// Identifies a trial of an experiment: the MD5 of the canonical JSON of every
    /// field except `threads`. Running an experiment file again skips trials whose
    /// hash already has a completed run.
    public var trialHash: String {
        var identity = self
        identity.threads = 0
        return MD5.digest(Array(Self.canonical(identity).utf8)).description
    }

    private static func canonical(_ config: RunConfig) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a struct of numbers, strings and arrays cannot fail.
        guard let data = try? encoder.encode(config), let text = String(data: data, encoding: .utf8) else {
            preconditionFailure("RunConfig is not encodable as JSON")
        }
        return text
    }
}
