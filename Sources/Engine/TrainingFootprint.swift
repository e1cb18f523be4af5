/// What a ``Trainer`` for a config allocates, in bytes, and the size of its checkpoints,
/// known before anything is allocated: a run too large for the machine or for its store
/// can be refused before it starts rather than fail once it has trained.
///
/// Sizes are computed in `Double` so that no layer list, however large, overflows; every
/// figure below 2⁵³ bytes is exact.
public struct TrainingFootprint: Sendable, Hashable {
    /// Weights and biases.
    public let parameterCount: Double
    /// The parameters, `4 · parameterCount` (float32).
    public let weights: Double
    /// Their gradients, as large as the parameters.
    public let gradients: Double
    /// The optimiser's buffers, each as large as the parameters: Adam's and AdamW's first
    /// and second moments, SGD's velocities with momentum, none for plain SGD.
    public let optimizerState: Double
    /// How many parameter-sized buffers ``optimizerState`` holds: 2, 1 or 0.
    public let optimizerBuffers: Int
    /// The training batch's activations, their gradients, dropout masks, the batch's
    /// pixels and labels, and the epoch's shuffle order.
    public let trainingBuffers: Double
    /// One evaluation workspace per thread, each ``Trainer/evaluationBatchSize`` rows.
    public let evaluationBuffers: Double
    /// Bytes of ``TrainingCheckpoint/serialized()`` once the optimiser holds state.
    public let checkpointBytes: Double

    /// The footprint of training `config` on `trainCount` images of `inputs` features and
    /// `outputs` classes, evaluated on sets of at most `largestSet` images.
    public init(config: TrainingConfig, inputs: Int, outputs: Int, trainCount: Int, largestSet: Int) {
        let widths = config.widths(inputs: inputs, outputs: outputs).map(Double.init)
        let layers = zip(widths, widths.dropFirst())
        parameterCount = layers.reduce(0) { $0 + ($1.0 + 1) * $1.1 }
        weights = 4 * parameterCount
        gradients = weights
        optimizerBuffers = Self.optimizerBuffers(config)
        optimizerState = Double(optimizerBuffers) * weights

        let outputsPerRow = widths.dropFirst().reduce(0, +)
        let hiddenPerRow = widths.dropFirst().dropLast().reduce(0, +)
        // Outputs and their gradients for every layer, masks and masked outputs for the hidden ones.
        let batch = Double(max(1, min(config.batchSize, trainCount)))
        let perTrainingRow = widths[0] + 2 * outputsPerRow + (config.dropout > 0 ? 2 * hiddenPerRow : 0)
        trainingBuffers = batch * (4 * perTrainingRow + 1) + 4 * Double(trainCount)
        let evaluationRows = Double(max(1, min(Trainer.evaluationBatchSize, largestSet)))
        evaluationBuffers = Double(config.threads) * evaluationRows * (4 * (widths[0] + outputsPerRow) + 1)

        checkpointBytes = Self.checkpointHeaderBytes(config, layerSizes: widths.count) + optimizerState + weights + 8
    }

    /// Adam and AdamW keep two moment estimates per parameter, SGD with momentum one velocity.
    static func optimizerBuffers(_ config: TrainingConfig) -> Int {
        switch config.optimizer {
        case .adam, .adamw: 2
        case .sgd: config.momentum == 0 ? 0 : 1
        }
    }

    /// What ``TrainingCheckpoint/serialized()`` writes before the tensors: magic, version,
    /// epochs, the layer sizes, the velocity flag and both generators; with Adam or early
    /// stopping (format version 2) a flag byte, Adam's step count, early stopping's best
    /// epoch and value.
    static func checkpointHeaderBytes(_ config: TrainingConfig, layerSizes: Int) -> Double {
        let common = 8 + 4 + 4 + 4 + 4 * Double(layerSizes) + 1 + 8 * 8
        let adam = config.optimizer != .sgd
        let earlyStopping = config.earlyStopPatience != nil
        guard adam || earlyStopping else { return common }
        return common + 1 + (adam ? 8 : 0) + (earlyStopping ? 4 + 8 : 0)
    }

    /// What the trainer holds from its creation to its end.
    public var trainerBytes: Double {
        weights + gradients + optimizerState + trainingBuffers + evaluationBuffers
    }
}
