/// What one epoch measured: loss and accuracy on train, dev and test, and its timing.
///
/// Accuracies are fractions in [0, 1]. A loss that is not finite (NaN or ±infinity,
/// in a diverging run) is stored as NULL and reads back as nil.
public struct EpochMetrics: Sendable, Hashable {
    /// 1 for the first epoch.
    public var epoch: Int
    public var trainLoss: Double?
    public var trainAccuracy: Double
    public var devLoss: Double?
    public var devAccuracy: Double
    public var testLoss: Double?
    public var testAccuracy: Double
    /// Seconds spent training (forward, backward, update).
    public var seconds: Double
    /// Seconds spent evaluating train, dev and test after training.
    public var evalSeconds: Double
    /// Training examples per second during the epoch.
    public var samplesPerSecond: Double

    public init(
        epoch: Int, trainLoss: Double?, trainAccuracy: Double, devLoss: Double?, devAccuracy: Double,
        testLoss: Double?, testAccuracy: Double, seconds: Double, evalSeconds: Double, samplesPerSecond: Double
    ) {
        self.epoch = epoch
        self.trainLoss = trainLoss
        self.trainAccuracy = trainAccuracy
        self.devLoss = devLoss
        self.devAccuracy = devAccuracy
        self.testLoss = testLoss
        self.testAccuracy = testAccuracy
        self.seconds = seconds
        self.evalSeconds = evalSeconds
        self.samplesPerSecond = samplesPerSecond
    }
}

/// The final results of a run, stored on its row when it finishes.
public struct RunResults: Sendable, Hashable {
    /// Non-finite losses are stored as NULL and read back as nil.
    public var trainLoss: Double?
    public var trainAccuracy: Double
    public var devLoss: Double?
    public var devAccuracy: Double
    public var testLoss: Double?
    public var testAccuracy: Double
    /// Seconds spent training, all epochs together (evaluation excluded).
    public var trainSeconds: Double
    /// Training examples per second over the whole run.
    public var samplesPerSecond: Double

    public init(
        trainLoss: Double?, trainAccuracy: Double, devLoss: Double?, devAccuracy: Double,
        testLoss: Double?, testAccuracy: Double, trainSeconds: Double, samplesPerSecond: Double
    ) {
        self.trainLoss = trainLoss
        self.trainAccuracy = trainAccuracy
        self.devLoss = devLoss
        self.devAccuracy = devAccuracy
        self.testLoss = testLoss
        self.testAccuracy = testAccuracy
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
