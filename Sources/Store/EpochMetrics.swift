/// Loss and accuracy on one split (train, dev or test).
///
/// Accuracy is a fraction in [0, 1]. A loss that is not finite (NaN or ±infinity, in a
/// diverging run) is stored as NULL and reads back as nil.
public struct Evaluation: Sendable, Hashable {
    public var loss: Double?
    public var accuracy: Double

    public init(loss: Double?, accuracy: Double) {
        self.loss = loss
        self.accuracy = accuracy
    }
}

/// What one epoch measured: train, dev and test evaluations, and its timing.
public struct EpochMetrics: Sendable, Hashable {
    /// 1 for the first epoch.
    public var epoch: Int
    public var train: Evaluation
    public var dev: Evaluation
    public var test: Evaluation
    /// Seconds spent training (forward, backward, update).
    public var seconds: Double
    /// Seconds spent evaluating train, dev and test after training.
    public var evalSeconds: Double
    /// Training examples per second during the epoch.
    public var samplesPerSecond: Double
    /// The learning rate of the epoch's steps; nil for epochs recorded before it was.
    public var learningRate: Double?

    public init(
        epoch: Int, train: Evaluation, dev: Evaluation, test: Evaluation, seconds: Double, evalSeconds: Double,
        samplesPerSecond: Double, learningRate: Double? = nil
    ) {
        self.learningRate = learningRate
        self.epoch = epoch
        self.train = train
        self.dev = dev
        self.test = test
        self.seconds = seconds
        self.evalSeconds = evalSeconds
        self.samplesPerSecond = samplesPerSecond
    }
}

/// The final results of a run, stored on its row when it finishes.
public struct RunResults: Sendable, Hashable {
    public var train: Evaluation
    public var dev: Evaluation
    public var test: Evaluation
    /// Seconds spent training, all epochs together (evaluation excluded).
    public var trainSeconds: Double
    /// Training examples per second over the whole run.
    public var samplesPerSecond: Double

    public init(train: Evaluation, dev: Evaluation, test: Evaluation, trainSeconds: Double, samplesPerSecond: Double) {
        self.train = train
        self.dev = dev
        self.test = test
        self.trainSeconds = trainSeconds
        self.samplesPerSecond = samplesPerSecond
    }
}

/// The epoch with the best dev accuracy so far (the first one on ties).
public struct BestEpoch: Sendable, Hashable {
    public var epoch: Int
    public var devAccuracy: Double
    /// Test accuracy at that epoch: the honest "early stopping on dev" test figure.
    public var testAccuracy: Double

    public init(epoch: Int, devAccuracy: Double, testAccuracy: Double) {
        self.epoch = epoch
        self.devAccuracy = devAccuracy
        self.testAccuracy = testAccuracy
    }
}
