/// What a run reports while it trains. The same events drive the progress display of
/// a run in this process and travel as JSON lines from worker processes (`--jobs`).
public enum RunEvent: Codable, Hashable, Sendable {
    case started(Started)
    case batch(Batch)
    case epoch(Epoch)
    case finished(Finished)

    public struct Started: Codable, Hashable, Sendable {
        public var runID: Int64
        /// What distinguishes the run in its experiment: `128-128 tanh seed 1`.
        public var label: String
        public var epochs: Int
        /// Epochs already done when a run resumes from a checkpoint, 0 otherwise.
        public var completedEpochs: Int
    }

    public struct Batch: Codable, Hashable, Sendable {
        public var runID: Int64
        public var epoch: Int
        public var batch: Int
        public var batches: Int
        /// Training samples done in this epoch, and in all.
        public var samples: Int
        public var samplesPerEpoch: Int
        public var samplesPerSecond: Double
    }

    public struct Epoch: Codable, Hashable, Sendable {
        public var runID: Int64
        public var epoch: Int
        public var epochs: Int
        public var trainLoss: Double
        public var trainAccuracy: Double
        public var devAccuracy: Double
        public var testAccuracy: Double
        /// Training plus evaluation time of the epoch.
        public var seconds: Double
        public var samplesPerSecond: Double
    }

    public struct Finished: Codable, Hashable, Sendable {
        public var runID: Int64
        public var label: String
        public var status: String
        public var epochs: Int
        public var devAccuracy: Double?
        public var testAccuracy: Double?
        public var seconds: Double
        public var error: String?
        /// Seconds this process spent writing the run's epochs and checkpoints.
        public var recordingSeconds: Double = 0
    }
}
