public import Store

/// One run of a fixture database, with every value a comparison reads.
public struct FixtureRun: Sendable {
    public var experiment: String
    public var hidden: [Int]
    public var activation: String
    public var seed: Int
    public var dropout = 0.0
    public var weightDecay = 0.0
    public var batchSize = 100
    public var learningRate = 0.01
    public var dataset = "mnist"
    public var tags: [String: String] = [:]
    public var status = RunStatus.completed
    /// The config hash, when the run repeats another's trial; by default one of its own.
    public var trial: String?
    /// Train, dev and test accuracy of each epoch recorded; a completed run's final
    /// results are those of its last epoch.
    public var epochs: [Accuracies]

    public typealias Accuracies = (train: Double, dev: Double, test: Double)

    public init(
        _ experiment: String, _ hidden: [Int], _ activation: String, seed: Int, dropout: Double = 0,
        weightDecay: Double = 0, batchSize: Int = 100, learningRate: Double = 0.01, dataset: String = "mnist",
        tags: [String: String] = [:], status: RunStatus = .completed, trial: String? = nil, epochs: [Accuracies]
    ) {
        self.experiment = experiment
        self.hidden = hidden
        self.activation = activation
        self.seed = seed
        self.dropout = dropout
        self.weightDecay = weightDecay
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.dataset = dataset
        self.tags = tags
        self.status = status
        self.trial = trial
        self.epochs = epochs
    }

    /// The results that stand for the run with `--select final`: its last epoch's.
    public var final: Accuracies { epochs[epochs.count - 1] }

    /// The first epoch of highest dev accuracy, 1-based, and its accuracies.
    public var best: (epoch: Int, accuracies: Accuracies) {
        var best = 0
        for index in epochs.indices where epochs[index].dev > epochs[best].dev { best = index }
        return (best + 1, epochs[best])
    }

    /// The loss the fixture records for an accuracy: 1 − accuracy, halved for test.
    public static func loss(_ accuracy: Double, split: String) -> Double {
        split == "test" ? (1 - accuracy) / 2 : 1 - accuracy
    }

    var parameters: RunParameters {
        let sizes = [784] + hidden + [10]
        return RunParameters(
            dataset: dataset, datasetChecksum: "md5:fixture", seed: seed, hidden: hidden,
            parameterCount: zip(sizes, sizes.dropFirst()).reduce(0) { $0 + ($1.0 + 1) * $1.1 },
            activation: activation, initialization: activation == "tanh" ? "xavier" : "torch", dropout: dropout,
            weightDecay: weightDecay, learningRate: learningRate, batchSize: batchSize, epochs: epochs.count,
            config:
                #"{"activation":"\#(activation)","hidden":[\#(hidden.map(String.init).joined(separator: ","))],"seed":\#(seed)}"#,
            configHash: trial ?? "\(experiment)-\(hidden)-\(activation)-\(seed)-\(dropout)-\(weightDecay)-\(batchSize)",
            trackerVersion: "0.1.0-test", tags: tags)
    }

    public func metrics(_ epoch: Int) -> EpochMetrics {
        let accuracies = epochs[epoch - 1]
        let evaluation = { (accuracy: Double, split: String) in
            Evaluation(loss: Self.loss(accuracy, split: split), accuracy: accuracy)
        }
        var metrics = EpochMetrics(
            epoch: epoch, train: evaluation(accuracies.train, "train"), dev: evaluation(accuracies.dev, "dev"),
            test: evaluation(accuracies.test, "test"), seconds: 2 * Double(epoch), evalSeconds: 0.5,
            samplesPerSecond: 25_000)
        if status == .diverged && epoch == epochs.count {
            metrics.train.loss = .nan
        }
        return metrics
    }

    /// Writes the run through the store, as training would: create, epochs, end; as
    /// recorded by `process`.
    @discardableResult
    public func write(to store: TrackerStore, process: ProcessIdentity = .current()) throws -> Int {
        let id = try store.createRun(experiment: experiment, parameters, process: process).id
        for epoch in 1...epochs.count { try store.recordEpoch(metrics(epoch), for: id) }
        switch status {
        case .completed:
            let last = metrics(epochs.count)
            try store.finishRun(
                id,
                results: RunResults(
                    train: last.train, dev: last.dev, test: last.test,
                    trainSeconds: Double(epochs.count * epochs.count + epochs.count),
                    samplesPerSecond: 25_000))
        case .running:
            break
        default:
            try store.markRun(id, as: status, error: status == .diverged ? "the train loss is NaN" : "out of memory")
        }
        return id
    }
}
