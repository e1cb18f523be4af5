/// Everything that defines a run before it trains: data, model, training settings,
/// the complete configuration and the tags. Stored once, when the run is created.
public struct RunParameters: Sendable, Hashable {
    /// Dataset name (`mnist`, `fashion-mnist`).
    public var dataset: String
    /// Checksum of the dataset's files, so results on different copies can be told apart.
    public var datasetChecksum: String?
    /// Training examples used; nil for the whole training split.
    public var trainLimit: Int?
    public var seed: Int
    /// Hidden layer sizes, input side first; empty for a linear model.
    public var hidden: [Int]
    /// Number of trainable parameters.
    public var parameterCount: Int
    public var activation: String
    /// Weight initialisation scheme.
    public var initialization: String
    public var dropout: Double
    public var weightDecay: Double
    public var learningRate: Double
    public var momentum: Double
    public var batchSize: Int
    /// Epochs planned.
    public var epochs: Int
    /// Gradient clipping by global L2 norm; nil for none.
    public var clipNorm: Double?
    public var optimizer: String
    /// BLAS threads; nil when not set.
    public var threads: Int?
    /// The complete configuration as a JSON object.
    public var config: String
    /// A hash of the canonical configuration: equal for trials that would train the same.
    public var configHash: String
    /// The version of tracker that ran it.
    public var trackerVersion: String
    public var tags: [String: String]
    /// The columns added after the first schema (optimiser, schedule, early stopping,
    /// perturbations, environment); a column left out keeps its default.
    public var columns: [RunColumn: StoredValue] = [:]

    public init(
        dataset: String, datasetChecksum: String? = nil, trainLimit: Int? = nil, seed: Int,
        hidden: [Int], parameterCount: Int, activation: String, initialization: String,
        dropout: Double = 0, weightDecay: Double = 0, learningRate: Double, momentum: Double = 0,
        batchSize: Int, epochs: Int, clipNorm: Double? = nil, optimizer: String = "sgd", threads: Int? = nil,
        config: String, configHash: String, trackerVersion: String, tags: [String: String] = [:]
    ) {
        self.dataset = dataset
        self.datasetChecksum = datasetChecksum
        self.trainLimit = trainLimit
        self.seed = seed
        self.hidden = hidden
        self.parameterCount = parameterCount
        self.activation = activation
        self.initialization = initialization
        self.dropout = dropout
        self.weightDecay = weightDecay
        self.learningRate = learningRate
        self.momentum = momentum
        self.batchSize = batchSize
        self.epochs = epochs
        self.clipNorm = clipNorm
        self.optimizer = optimizer
        self.threads = threads
        self.config = config
        self.configHash = configHash
        self.trackerVersion = trackerVersion
        self.tags = tags
    }

    /// The hidden sizes as stored in `runs.hidden`: `"800-800-800"`.
    public var architecture: String { Self.architecture(of: hidden) }

    /// Hidden sizes as `runs.hidden` stores them and users type them: `"800-800-800"`, and
    /// `""` for a linear model; ``hiddenSizes(_:)`` reads it back.
    public static func architecture(of hidden: [Int]) -> String {
        hidden.map(String.init).joined(separator: "-")
    }

    /// Number of hidden layers (`runs.depth`).
    public var depth: Int { hidden.count }

    /// The sizes of an `architecture` string; nil when it is not sizes joined by `-`.
    public static func hiddenSizes(_ architecture: String) -> [Int]? {
        guard !architecture.isEmpty else { return [] }
        let sizes = architecture.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        return sizes.contains(nil) ? nil : sizes.compactMap { $0 }
    }
}
