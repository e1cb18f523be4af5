import Datasets

/// Trains one MLP on a train set, evaluating it on train, dev and test after every epoch.
///
/// Each epoch shuffles the training images (Fisher-Yates from the identity with the
/// shuffle generator), runs mini-batches in that order with the last partial batch kept,
/// takes one SGD step per batch, then evaluates the three sets in eval mode in batches of
/// ``evaluationBatchSize``. Buffers for the largest batch are allocated here, once: on one
/// thread the batch loop allocates nothing, and with more threads only the hand-over of
/// each large product or pass to a helper thread makes one small allocation.
///
/// Not thread-safe: use one trainer from one thread at a time.
public final class Trainer {
    /// Rows per evaluation pass, fixed so that metrics do not depend on the batch size.
    public static let evaluationBatchSize = 1000

    public let config: TrainingConfig
    /// Epochs fully trained and evaluated.
    public internal(set) var epochsCompleted: Int

    let network: Network
    let optimizer: any TrainingOptimizer
    let schedule: LearningRateSchedule
    /// `nil` without `config.earlyStopPatience`.
    var earlyStopping: EarlyStopping?
    private let dropout: Dropout?
    var shuffleGenerator: Xoshiro256StarStar
    var dropoutGenerator: Xoshiro256StarStar
    private let trainSet: ImageSet, devSet: ImageSet, testSet: ImageSet
    private let trainWorkspace: Workspace
    private let evaluator: Evaluator
    private let order: UnsafeMutableBufferPointer<Int32>

    /// Builds the network from `config` (weights drawn from its seed) or, with
    /// `checkpoint`, restores the state saved at the end of an epoch.
    ///
    /// - Throws: ``EngineError`` for an invalid config, sets that are empty or do not share
    ///   one image size and class count, or a checkpoint that does not fit the config.
    public init(
        config: TrainingConfig, train: ImageSet, dev: ImageSet, test: ImageSet,
        resumingFrom checkpoint: TrainingCheckpoint? = nil
    ) throws(EngineError) {
        try config.validate()
        for (name, set) in [("training", train), ("dev", dev), ("test", test)] {
            guard set.count > 0 else { throw EngineError("the \(name) set is empty") }
            guard set.featureCount == train.featureCount, set.classCount == train.classCount else {
                throw EngineError(
                    "the \(name) set has \(set.featureCount) pixels and \(set.classCount) classes per image, "
                        + "the training set \(train.featureCount) and \(train.classCount)"
                )
            }
        }
        guard train.count <= Int(Int32.max) else { throw EngineError("the training set has more than 2³¹ images") }
        self.config = config
        trainSet = train
        devSet = dev
        testSet = test

        var seeder = SplitMix64(seed: config.seed)
        var initializationGenerator = Xoshiro256StarStar(seeding: &seeder)
        shuffleGenerator = Xoshiro256StarStar(seeding: &seeder)
        dropoutGenerator = Xoshiro256StarStar(seeding: &seeder)
        let widths = config.widths(inputs: train.featureCount, outputs: train.classCount)
        network = Network(
            widths: widths, activation: config.activation, initialization: config.initialization,
            generator: &initializationGenerator
        )
        optimizer = Self.optimizer(for: config, layers: network.layers)
        schedule = LearningRateSchedule(config)
        earlyStopping = config.earlyStopPatience.map { EarlyStopping(patience: $0, metric: config.earlyStopMetric) }
        dropout = config.dropout > 0 ? Dropout(probability: Float(config.dropout)) : nil
        epochsCompleted = 0

        let batchCapacity = min(config.batchSize, train.count)
        trainWorkspace = Workspace(capacity: batchCapacity, widths: widths, training: true, dropout: dropout != nil)
        evaluator = Evaluator(
            widths: widths, batchSize: Self.evaluationBatchSize, largestSet: max(train.count, dev.count, test.count),
            threads: config.threads
        )
        order = .allocate(capacity: train.count)
        order.initialize(repeating: 0)
        if let checkpoint { try restore(checkpoint) }
    }

    deinit {
        order.deallocate()
    }

    /// Weights and biases in the network.
    public var parameterCount: Int { network.parameterCount }

    /// Trains the epochs from ``epochsCompleted`` + 1 to `config.epochs`, reporting to
    /// `observer`, each at the rate its schedule gives; with early stopping, returns
    /// ``TrainingOutcome/stoppedEarly(epoch:bestEpoch:)`` before an epoch once the dev
    /// metric has not improved for the patience (also right away for a run restored at
    /// that point). Sets ``BLAS/threads`` (process-wide) to `config.threads` first.
    public func train(observer: some TrainingObserver = SilentObserver()) -> TrainingOutcome {
        BLAS.threads = config.threads
        let clock = ContinuousClock()
        let batchSize = config.batchSize
        let count = trainSet.count
        let batchCount = (count + batchSize - 1) / batchSize
        let workspace = trainWorkspace
        guard let logits = workspace.outputs.last, let logitsGradient = workspace.gradients.last,
            let labels = UnsafePointer(workspace.labels.baseAddress)
        else { preconditionFailure("a training workspace has logits, their gradient and labels") }

        while epochsCompleted < config.epochs {
            if let earlyStopping, earlyStopping.shouldStop(epochsCompleted: epochsCompleted) {
                return .stoppedEarly(epoch: epochsCompleted, bestEpoch: earlyStopping.bestEpoch)
            }
            let epoch = epochsCompleted + 1
            let started = clock.now
            let learningRate = schedule.rate(epoch: epoch)
            optimizer.learningRate = learningRate
            for i in 0..<count { order[i] = Int32(i) }
            shuffleGenerator.shuffle(order)
            for batch in 0..<batchCount {
                let start = batch * batchSize
                let rows = min(batchSize, count - start)
                workspace.load(trainSet, order: order, start: start, rows: rows)
                network.forward(workspace, dropout: dropout, generator: &dropoutGenerator)
                let loss = LogSoftmaxLoss.lossAndGradient(logits: logits, labels: labels, gradient: logitsGradient)
                guard loss.isFinite else { return .diverged(epoch: epoch, batch: batch + 1, loss: loss) }
                network.backward(workspace, optimizer: optimizer)
                let progress = BatchProgress(
                    epoch: epoch, batch: batch + 1, batchCount: batchCount, samplesSeen: start + rows, loss: loss
                )
                if observer.batchEnded(progress) == .stop { return .stopped(epochsCompleted: epochsCompleted) }
            }
            let trained = clock.now
            let train = evaluate(trainSet)
            let dev = evaluate(devSet)
            let test = evaluate(testSet)
            epochsCompleted = epoch
            earlyStopping?.observe(epoch: epoch, dev: dev)
            let report = EpochReport(
                epoch: epoch, train: train, dev: dev, test: test, learningRate: learningRate,
                trainingSeconds: (trained - started).seconds, evaluationSeconds: (clock.now - trained).seconds
            )
            if observer.epochEnded(report, checkpoint: { checkpoint() }) == .stop {
                return .stopped(epochsCompleted: epochsCompleted)
            }
        }
        return .completed
    }

    private static func optimizer(for config: TrainingConfig, layers: [Linear]) -> any TrainingOptimizer {
        switch config.optimizer {
        case .sgd:
            SGD(
                learningRate: config.learningRate, momentum: config.momentum, weightDecay: config.weightDecay,
                clipNorm: config.clipNorm, layers: layers)
        case .adam, .adamw:
            Adam(
                learningRate: config.learningRate, beta1: config.beta1, beta2: config.beta2, epsilon: config.epsilon,
                weightDecay: config.weightDecay, decoupled: config.optimizer == .adamw, clipNorm: config.clipNorm,
                layers: layers)
        }
    }

    /// Loss and accuracy of the current parameters on `set`, in eval mode (no dropout), in
    /// batches of ``evaluationBatchSize`` spread over `config.threads` threads. `set` must
    /// be non-empty and have the training set's image size and classes.
    public func evaluate(_ set: ImageSet) -> Metrics {
        precondition(
            set.featureCount == trainSet.featureCount && set.classCount == trainSet.classCount,
            "set does not fit the network")
        BLAS.threads = config.threads
        return evaluator.evaluate(set, with: network)
    }
}
