/// Loss and accuracy of the model on one set, in eval mode (no dropout).
public struct Metrics: Sendable, Hashable, Codable {
    /// Mean negative log-likelihood over the set (summed in `Double`).
    public let loss: Double
    /// `correct / count`.
    public let accuracy: Double
    /// Samples whose largest logit is at their label.
    public let correct: Int
    public let count: Int

    public init(lossSum: Double, correct: Int, count: Int) {
        precondition(count > 0, "metrics need at least one sample")
        loss = lossSum / Double(count)
        accuracy = Double(correct) / Double(count)
        self.correct = correct
        self.count = count
    }
}

/// The figures of one finished epoch.
public struct EpochReport: Sendable, Hashable {
    /// 1-based epoch number.
    public let epoch: Int
    public let train: Metrics
    public let dev: Metrics
    public let test: Metrics
    /// The learning rate of this epoch's steps, from the schedule.
    public let learningRate: Double
    /// Wall-clock seconds of the optimisation steps (shuffling, batches, observer calls).
    public let trainingSeconds: Double
    /// Wall-clock seconds of the three evaluation passes.
    public let evaluationSeconds: Double

    public init(
        epoch: Int, train: Metrics, dev: Metrics, test: Metrics, learningRate: Double, trainingSeconds: Double,
        evaluationSeconds: Double
    ) {
        self.epoch = epoch
        self.train = train
        self.dev = dev
        self.test = test
        self.learningRate = learningRate
        self.trainingSeconds = trainingSeconds
        self.evaluationSeconds = evaluationSeconds
    }

    /// Training samples per second of ``trainingSeconds``.
    public var samplesPerSecond: Double {
        Double(train.count) / trainingSeconds
    }

    /// Samples evaluated (train, dev and test) per second of ``evaluationSeconds``.
    public var evaluationSamplesPerSecond: Double {
        Double(train.count + dev.count + test.count) / evaluationSeconds
    }
}

/// How ``Trainer/train(observer:)`` ended.
public enum TrainingOutcome: Sendable, Hashable {
    /// Every configured epoch is done.
    case completed
    /// A training batch's loss was NaN or infinite; the step was not applied.
    case diverged(epoch: Int, batch: Int, loss: Double)
    /// The observer asked to stop. `epochsCompleted` epochs are fully done; when the stop
    /// came mid-epoch, the parameters already hold part of the next one, so continue from
    /// the last epoch's checkpoint to stay reproducible.
    case stopped(epochsCompleted: Int)
    /// Early stopping ended the run after `epoch` (before the configured epochs): the dev
    /// metric had not improved since `bestEpoch`, `patience` epochs before.
    case stoppedEarly(epoch: Int, bestEpoch: Int)
}
