import Datasets
import Engine
import Foundation

/// Everything that defines one training run: the model, the optimisation, the data and
/// the seed. Flags of `tracker run` and keys of experiment files name its fields the same
/// way (see `ConfigKey`), and the complete value is stored as JSON with every run.
public struct RunConfig: Codable, Hashable, Sendable {
    // The model.
    public var hidden: [Int] = [128, 128]
    public var activation: Activation = .relu
    public var dropout: Double = 0
    public var initialization: Initialization = .auto

    // The optimisation.
    public var learningRate: Double = 0.01
    public var momentum: Double = 0
    public var weightDecay: Double = 0
    public var batchSize: Int = 100
    public var epochs: Int = 10
    /// Maximum global L2 norm of the gradients; `nil` leaves them unclipped.
    public var clipNorm: Double?

    // The data and the randomness.
    public var dataset: String = "mnist"
    /// Train on the first `trainLimit` training images only; `nil` uses all 50,000.
    public var trainLimit: Int?
    public var seed: UInt64 = 1

    /// BLAS threads. An execution setting rather than part of what is studied: it is
    /// stored with the run but left out of `trialHash` (results agree to rounding).
    public var threads: Int = 1

    public init() {}

    enum CodingKeys: String, CodingKey {
        case hidden, activation, dropout
        case initialization = "init"
        case learningRate = "learning_rate"
        case momentum
        case weightDecay = "weight_decay"
        case batchSize = "batch_size"
        case epochs
        case clipNorm = "clip_norm"
        case dataset
        case trainLimit = "train_limit"
        case seed, threads
    }
}

extension RunConfig {
    /// Hidden layer sizes as the runs table stores them and users type them: `128-64-32`.
    public var architecture: String {
        hidden.map(String.init).joined(separator: "-")
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
