import Datasets
import Engine

/// The memory a run of a configuration holds at its peak, from the engine's allocations,
/// the data's size and what saving a checkpoint copies, all known before anything loads.
public struct RunFootprint: Sendable, Hashable {
    public let engine: TrainingFootprint
    /// The three splits' pixels and labels, kept as bytes.
    public let dataBytes: Double

    public init(_ config: RunConfig) throws(DatasetError) {
        let dataset = try Dataset.named(config.dataset)
        let trainCount = config.trainLimit ?? dataset.trainSplitCount
        engine = TrainingFootprint(
            config: config.trainingConfig, inputs: dataset.featureCount, outputs: dataset.classCount,
            trainCount: trainCount, largestSet: max(trainCount, dataset.devCount, dataset.testCount))
        let images = Double(trainCount + dataset.devCount + dataset.testCount)
        // Every training label is read before the train split's are kept.
        dataBytes = images * Double(dataset.featureCount + 1) + Double(dataset.trainCount)
    }

    /// Saving an epoch's checkpoint holds three copies of it at once: its serialized bytes,
    /// SQLite's copy of the bound value, and the row SQLite builds from that. Resuming
    /// reads one back as three too: the stored bytes, the checked body, the tensors.
    public var checkpointCopies: Double { 3 * engine.checkpointBytes }

    public var totalBytes: Double { engine.trainerBytes + dataBytes + checkpointCopies }

    /// What the optimiser's buffers hold, as the refusals name them; nil when it has none.
    var optimizerStateName: String? {
        switch engine.optimizerBuffers {
        case 0: nil
        case 1: "momentum"
        default: "Adam moments"
        }
    }

    /// `weights 40.0 GB, gradients 40.0 GB, …`: the parts that are not empty.
    var parts: String {
        let parts: [(String, Double)] = [
            ("weights", engine.weights), ("gradients", engine.gradients),
            (optimizerStateName ?? "optimiser state", engine.optimizerState),
            ("training batch", engine.trainingBuffers), ("evaluation", engine.evaluationBuffers),
            ("checkpoint copies", checkpointCopies), ("data", dataBytes),
        ]
        return parts.filter { $0.1 > 0 }.map { "\($0.0) \(ByteSize.text($0.1))" }.joined(separator: ", ")
    }
}
