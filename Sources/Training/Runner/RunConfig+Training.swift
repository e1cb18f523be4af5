import Datasets
import Engine
import Store

extension RunConfig {
    /// The engine's view of the configuration: everything but the data.
    public var trainingConfig: TrainingConfig {
        TrainingConfig(
            hidden: hidden, activation: activation, dropout: dropout, weightDecay: weightDecay,
            learningRate: learningRate, momentum: momentum, batchSize: batchSize, epochs: epochs,
            clipNorm: clipNorm, initialization: initialization, seed: seed, threads: threads)
    }

    /// The row a run of this configuration starts with, on `data`.
    func runParameters(data: DatasetSplits, tags: [Tag]) -> RunParameters {
        RunParameters(
            dataset: dataset, datasetChecksum: data.checksum.description, trainLimit: trainLimit,
            seed: Int(bitPattern: UInt(seed)), hidden: hidden,
            parameterCount: trainingConfig.parameterCount(
                inputs: data.train.featureCount, outputs: data.train.classCount),
            activation: activation.rawValue, initialization: initialization.resolved(for: activation).rawValue,
            dropout: dropout, weightDecay: weightDecay, learningRate: learningRate, momentum: momentum,
            batchSize: batchSize, epochs: epochs, clipNorm: clipNorm, optimizer: "sgd",
            threads: threads, config: canonicalJSON, configHash: trialHash, trackerVersion: TrackerVersion.current,
            tags: Dictionary(tags.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 }))
    }

    /// How a run of this configuration is named in progress lines: `128-128 tanh seed 1`,
    /// or the grid values that tell it apart from the other trials of its experiment.
    func label(varied: [Assignment] = []) -> String {
        let distinguishing = varied.filter { $0.key != .seed }
        let settings = distinguishing.isEmpty
            ? "\(architecture) \(activation.rawValue)"
            : distinguishing.map { "\($0.key.rawValue) \($0.text)" }.joined(separator: " ")
        return "\(settings) seed \(seed)"
    }
}

extension DatasetSplits {
    /// Loads the data `config` trains on, looked for in `dataDirectory` when given.
    static func load(for config: RunConfig, dataDirectory: String?) throws -> DatasetSplits {
        try DatasetSplits.load(
            Dataset.named(config.dataset), search: .current(explicitDirectory: dataDirectory),
            trainLimit: config.trainLimit)
    }
}
