import Foundation

/// How the learning rate changes from epoch to epoch.
public enum ScheduleChoice: String, CaseIterable, Sendable, Codable, NamedChoice {
    /// The base rate in every epoch.
    case constant
    /// `torch.optim.lr_scheduler.StepLR`: multiplied by γ every `stepEpochs` epochs.
    case step
    /// `torch.optim.lr_scheduler.CosineAnnealingLR` with `T_max` = the run's epochs and
    /// `eta_min` = 0.
    case cosine

    public static let choiceKind = "learning-rate schedule"
}

/// The learning rate of each epoch: the base rate `lr₀` times a warm-up factor times the
/// schedule's factor, both functions of `t = epoch − 1` (0 for the first epoch), as
/// PyTorch's schedulers stepped once per epoch give them in closed form:
///
/// - constant: 1; step: `γ^⌊t / stepEpochs⌋`; cosine: `(1 + cos(π · t / T)) / 2`, `T` the
///   run's epochs (the last epoch is `t = T − 1`, so the rate never reaches 0);
/// - warm-up over `W` epochs: `min(1, (t + 1) / (W + 1))`, PyTorch's
///   `LinearLR(start_factor=1/(W+1), total_iters=W)`; the first epoch trains at
///   `lr₀ / (W + 1)` and epoch `W + 1` at the full rate.
///
/// The two factors multiply, as `ChainedScheduler([LinearLR(…), StepLR(…)])` applies them:
/// the schedule counts from the first epoch, not from the end of the warm-up. Computed in
/// `Double`; PyTorch's recursive updates of the same formulas differ by rounding only.
public struct LearningRateSchedule: Sendable, Hashable {
    public var base: Double
    public var choice: ScheduleChoice
    public var stepEpochs: Int
    public var gamma: Double
    public var warmupEpochs: Int
    /// `T_max` of the cosine schedule.
    public var totalEpochs: Int

    public init(
        base: Double, choice: ScheduleChoice, stepEpochs: Int, gamma: Double, warmupEpochs: Int, totalEpochs: Int
    ) {
        self.base = base
        self.choice = choice
        self.stepEpochs = stepEpochs
        self.gamma = gamma
        self.warmupEpochs = warmupEpochs
        self.totalEpochs = totalEpochs
    }

    /// The schedule of `config`.
    public init(_ config: TrainingConfig) {
        self.init(
            base: config.learningRate, choice: config.schedule, stepEpochs: config.stepEpochs,
            gamma: config.gamma, warmupEpochs: config.warmupEpochs, totalEpochs: config.epochs)
    }

    /// The rate of 1-based `epoch`.
    public func rate(epoch: Int) -> Double {
        precondition(epoch >= 1, "epochs count from 1")
        let t = epoch - 1
        let warmup = warmupEpochs > 0 ? min(1, Double(t + 1) / Double(warmupEpochs + 1)) : 1
        let factor: Double
        switch choice {
        case .constant: factor = 1
        case .step: factor = pow(gamma, Double(t / max(1, stepEpochs)))
        case .cosine: factor = (1 + cos(Double.pi * Double(t) / Double(max(1, totalEpochs)))) / 2
        }
        return base * warmup * factor
    }
}
