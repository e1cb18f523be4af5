/// Everything that determines a training run: the model, the optimiser, the loop and the
/// seed. Two runs with equal configs, data and ``threads`` produce bit-identical results.
public struct TrainingConfig: Codable, Hashable, Sendable {
    /// Hidden layer sizes, input side first (`[800, 800, 800]`); may be empty (a linear model).
    public var hidden: [Int]
    public var activation: Activation
    /// Probability of zeroing a hidden activation in training, in `[0, 1)`.
    public var dropout: Double
    /// L2 penalty added to every gradient as `wd · p` (PyTorch's SGD `weight_decay`).
    public var weightDecay: Double
    public var learningRate: Double
    /// Momentum `μ` (0 = plain SGD).
    public var momentum: Double
    public var batchSize: Int
    /// Total epochs to train; a resumed run trains those not yet done.
    public var epochs: Int
    /// Maximum global L2 norm of the gradients (`clip_grad_norm_`); `nil` = no clipping.
    public var clipNorm: Double?
    public var initialization: Initialization
    /// Seeds the weights, the shuffles and the dropout masks.
    public var seed: UInt64
    public var optimizer: OptimizerChoice
    /// Adam's `betas` and `eps` (PyTorch's defaults 0.9, 0.999, 1e-8); unused by SGD.
    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    /// The learning rate per epoch (see ``LearningRateSchedule``).
    public var schedule: ScheduleChoice
    /// `step_size` of the step schedule, in epochs.
    public var stepEpochs: Int
    /// `gamma` of the step schedule.
    public var gamma: Double
    /// Epochs of linear warm-up; 0 for none.
    public var warmupEpochs: Int
    /// Stop when the dev metric has not improved for this many epochs; `nil` never stops early.
    public var earlyStopPatience: Int?
    public var earlyStopMetric: EarlyStopMetric
    /// Threads for the large matrix products, the evaluation passes and the elementwise
    /// passes on large batches (``BLAS/threads``). Results are reproducible for a given count;
    /// different counts may round differently.
    public var threads: Int

    /// Defaults are the seed study's first experiment: batch 100, lr 0.01, 10 epochs, plain
    /// SGD, no regularisation. They are also `tracker run`'s defaults, which read them here.
    public init(
        hidden: [Int] = [128, 128],
        activation: Activation = .relu,
        dropout: Double = 0,
        weightDecay: Double = 0,
        learningRate: Double = 0.01,
        momentum: Double = 0,
        batchSize: Int = 100,
        epochs: Int = 10,
        clipNorm: Double? = nil,
        initialization: Initialization = .auto,
        seed: UInt64 = 1,
        threads: Int = 1,
        optimizer: OptimizerChoice = .sgd,
        beta1: Double = 0.9,
        beta2: Double = 0.999,
        epsilon: Double = 1e-8,
        schedule: ScheduleChoice = .constant,
        stepEpochs: Int = 10,
        gamma: Double = 0.1,
        warmupEpochs: Int = 0,
        earlyStopPatience: Int? = nil,
        earlyStopMetric: EarlyStopMetric = .devLoss
    ) {
        self.hidden = hidden
        self.activation = activation
        self.dropout = dropout
        self.weightDecay = weightDecay
        self.learningRate = learningRate
        self.momentum = momentum
        self.batchSize = batchSize
        self.epochs = epochs
        self.clipNorm = clipNorm
        self.initialization = initialization
        self.seed = seed
        self.threads = threads
        self.optimizer = optimizer
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.schedule = schedule
        self.stepEpochs = stepEpochs
        self.gamma = gamma
        self.warmupEpochs = warmupEpochs
        self.earlyStopPatience = earlyStopPatience
        self.earlyStopMetric = earlyStopMetric
    }

    /// Number of hidden layers.
    public var depth: Int { hidden.count }

    /// The hidden sizes joined by `-` (`"800-800-800"`), or `"none"` without hidden layers;
    /// ``parseHidden(_:)`` reads it back.
    public var hiddenLabel: String {
        hidden.isEmpty ? "none" : hidden.map(String.init).joined(separator: "-")
    }

    /// Layer sizes from input to output: `[inputs] + hidden + [outputs]`.
    public func widths(inputs: Int, outputs: Int) -> [Int] {
        [inputs] + hidden + [outputs]
    }

    /// Weights and biases of the network for `inputs` features and `outputs` classes:
    /// `Σ (fan_in + 1) · fan_out` over the layers (109,386 for 784-128-128-10).
    public func parameterCount(inputs: Int, outputs: Int) -> Int {
        let sizes = widths(inputs: inputs, outputs: outputs)
        return zip(sizes, sizes.dropFirst()).reduce(0) { $0 + ($1.0 + 1) * $1.1 }
    }

    /// Parses hidden sizes written as ``hiddenLabel`` writes them: `"128-64-32"`, or `"none"`.
    ///
    /// - Throws: ``EngineError``, e.g. `invalid hidden layer sizes '128-x': expected positive
    ///   integers joined by '-', such as 800-800-800`.
    public static func parseHidden(_ text: String) throws(EngineError) -> [Int] {
        if text.lowercased() == "none" { return [] }
        let sizes = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        guard !text.isEmpty, sizes.allSatisfy({ ($0 ?? 0) > 0 }) else {
            throw EngineError(
                "invalid hidden layer sizes '\(text)': expected positive integers joined by '-', such as 800-800-800")
        }
        return sizes.compactMap { $0 }
    }

    /// Checks every value's range.
    ///
    /// - Throws: ``EngineError`` naming the first offending setting and its valid range,
    ///   e.g. `dropout must be in [0, 1), got 1.0`.
    public func validate() throws(EngineError) {
        func require(_ condition: Bool, _ message: @autoclosure () -> String) throws(EngineError) {
            if !condition { throw EngineError(message()) }
        }
        try require(
            hidden.allSatisfy { $0 > 0 },
            "hidden layer sizes must be positive, got \(hidden.map(String.init).joined(separator: "-"))")
        try require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1), got \(dropout)")
        try require(
            weightDecay >= 0 && weightDecay.isFinite, "weight decay must be a finite number ≥ 0, got \(weightDecay)")
        try require(
            learningRate > 0 && learningRate.isFinite, "learning rate must be a finite number > 0, got \(learningRate)")
        try require(momentum >= 0 && momentum < 1, "momentum must be in [0, 1), got \(momentum)")
        try require(batchSize >= 1, "batch size must be at least 1, got \(batchSize)")
        try require(epochs >= 0, "epochs must be at least 0, got \(epochs)")
        if let clipNorm {
            try require(
                clipNorm > 0 && clipNorm.isFinite, "gradient clipping norm must be a finite number > 0, got \(clipNorm)"
            )
        }
        try require(threads >= 1 && threads <= 256, "threads must be in 1...256, got \(threads)")
        try validateOptimisation(require)
    }

    private func validateOptimisation(_ require: (Bool, @autoclosure () -> String) throws(EngineError) -> Void)
        throws(EngineError)
    {
        try require(
            optimizer == .sgd || momentum == 0, "momentum applies to SGD only; \(optimizer.rawValue) has beta1 instead")
        try require(beta1 >= 0 && beta1 < 1, "beta1 must be in [0, 1), got \(beta1)")
        try require(beta2 >= 0 && beta2 < 1, "beta2 must be in [0, 1), got \(beta2)")
        try require(epsilon > 0 && epsilon.isFinite, "eps must be a finite number > 0, got \(epsilon)")
        try require(stepEpochs >= 1, "the step schedule's epochs must be at least 1, got \(stepEpochs)")
        try require(gamma > 0 && gamma.isFinite, "the schedule's gamma must be a finite number > 0, got \(gamma)")
        try require(warmupEpochs >= 0, "warm-up epochs must be at least 0, got \(warmupEpochs)")
        if let earlyStopPatience {
            try require(earlyStopPatience >= 1, "early-stopping patience must be at least 1, got \(earlyStopPatience)")
        }
    }
}
