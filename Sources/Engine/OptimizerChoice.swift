/// Which optimiser trains the network.
public enum OptimizerChoice: String, CaseIterable, Sendable, Codable, NamedChoice {
    /// `torch.optim.SGD`: learning rate, momentum, weight decay added to the gradient.
    case sgd
    /// `torch.optim.Adam`: weight decay added to the gradient before the moments.
    case adam
    /// `torch.optim.AdamW`: weight decay decoupled, `p ← p − lr·wd·p` before the Adam step.
    case adamw

    public static let choiceKind = "optimizer"
}

/// The metric early stopping watches on the dev set.
public enum EarlyStopMetric: String, CaseIterable, Sendable, Codable, NamedChoice {
    /// Mean dev loss; lower is better.
    case devLoss = "dev-loss"
    /// Dev accuracy; higher is better.
    case devAccuracy = "dev-accuracy"

    public static let choiceKind = "early-stopping metric"
}

/// An optimiser the trainer drives: its learning rate is set at the start of every epoch
/// by the schedule, and its state goes into checkpoints.
protocol TrainingOptimizer: Optimizer {
    /// The rate of the steps to come; set by the trainer before each epoch.
    var learningRate: Double { get set }
    /// The state a checkpoint keeps, `nil` where the optimiser has none yet.
    var state: OptimizerState? { get }
    /// Restores ``state``, after checking it fits the parameters.
    func restore(_ state: OptimizerState?, sizes: [Int]) throws(EngineError)
}

/// An optimiser's saved state, per parameter tensor in checkpoint order (weights then bias
/// of each layer).
public enum OptimizerState: Sendable, Hashable {
    /// SGD momentum buffers.
    case velocities([[Float]])
    /// Adam's steps taken and its first and second moment estimates.
    case moments(steps: UInt64, first: [[Float]], second: [[Float]])
}
