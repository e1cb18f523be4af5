/// What the caller wants after a progress event.
public enum TrainingDecision: Sendable, Hashable {
    case proceed
    /// Return from ``Trainer/train(observer:)`` now (e.g. on Ctrl-C).
    case stop
}

/// Progress within an epoch, reported after every optimisation step.
public struct BatchProgress: Sendable, Hashable {
    /// 1-based epoch number.
    public let epoch: Int
    /// 1-based index of the batch just trained.
    public let batch: Int
    /// Batches in this epoch (the last may be partial).
    public let batchCount: Int
    /// Training samples processed so far in this epoch.
    public let samplesSeen: Int
    /// The batch's mean training loss (dropout active, before the step).
    public let loss: Double

    public init(epoch: Int, batch: Int, batchCount: Int, samplesSeen: Int, loss: Double) {
        self.epoch = epoch
        self.batch = batch
        self.batchCount = batchCount
        self.samplesSeen = samplesSeen
        self.loss = loss
    }
}

/// Receives the trainer's events; where recording and progress display plug in.
///
/// Both methods run on the training thread between steps, so they should be quick.
/// Returning ``TrainingDecision/stop`` ends ``Trainer/train(observer:)`` right away.
public protocol TrainingObserver {
    /// After every batch. The default implementation proceeds.
    func batchEnded(_ progress: BatchProgress) -> TrainingDecision

    /// After every epoch's evaluation. `checkpoint` builds the state at the end of this
    /// epoch (a copy of every parameter), so call it only when you will store it.
    /// The default implementation proceeds.
    func epochEnded(_ report: EpochReport, checkpoint: () -> TrainingCheckpoint) -> TrainingDecision
}

extension TrainingObserver {
    public func batchEnded(_ progress: BatchProgress) -> TrainingDecision { .proceed }

    public func epochEnded(_ report: EpochReport, checkpoint: () -> TrainingCheckpoint) -> TrainingDecision { .proceed }
}

/// An observer that ignores every event.
public struct SilentObserver: TrainingObserver {
    public init() {}
}
