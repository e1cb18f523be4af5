import Engine
import Store

extension RunSetting {
    /// The optimiser, the learning-rate schedule and early stopping: settings added after
    /// the first schema, stored only when they differ from their defaults (which are how
    /// earlier runs trained).
    static let optimisation: [RunSetting] = [
        .defaulted(
            .optimizer, stored: .optimizer, json: "optimizer", \.trainingConfig.optimizer, default: .sgd,
            requirement: choices(OptimizerChoice.self), parse: { named($0, OptimizerChoice.self) },
            store: { $1.optimizer = $0.optimizer.rawValue }),
        .defaulted(
            .beta1, stored: .beta1, json: "beta1", \.trainingConfig.beta1, default: 0.9,
            requirement: "a number in [0, 1)", parse: { fraction($0) },
            store: { $1.columns[.beta1] = .real($0.beta1) }),
        .defaulted(
            .beta2, stored: .beta2, json: "beta2", \.trainingConfig.beta2, default: 0.999,
            requirement: "a number in [0, 1)", parse: { fraction($0) },
            store: { $1.columns[.beta2] = .real($0.beta2) }),
        .defaulted(
            .eps, stored: .eps, json: "eps", \.trainingConfig.epsilon, default: 1e-8,
            requirement: "a number > 0", parse: { positive($0) },
            store: { $1.columns[.eps] = .real($0.epsilon) }),
        .defaulted(
            .lrSchedule, stored: .lrSchedule, json: "lr_schedule", \.trainingConfig.schedule, default: .constant,
            requirement: choices(ScheduleChoice.self), parse: { named($0, ScheduleChoice.self) },
            store: { $1.columns[.lrSchedule] = .text($0.schedule.rawValue) }),
        .defaulted(
            .lrStepEpochs, stored: .lrStepEpochs, json: "lr_step_epochs", \.trainingConfig.stepEpochs,
            default: 10, requirement: "an integer in 1...\(ConfigKey.Limits.epochs)",
            parse: { count($0, from: 1) }, store: { $1.columns[.lrStepEpochs] = .integer($0.stepEpochs) }),
        .defaulted(
            .lrGamma, stored: .lrGamma, json: "lr_gamma", \.trainingConfig.gamma, default: 0.1,
            requirement: "a number > 0", parse: { positive($0) },
            store: { $1.columns[.lrGamma] = .real($0.gamma) }),
        .defaulted(
            .warmupEpochs, stored: .warmupEpochs, json: "warmup_epochs", \.trainingConfig.warmupEpochs,
            default: 0, requirement: "an integer in 0...\(ConfigKey.Limits.epochs)",
            parse: { count($0, from: 0) }, store: { $1.columns[.warmupEpochs] = .integer($0.warmupEpochs) }),
        .defaulted(
            .earlyStop, stored: .earlyStop, json: "early_stop", \.trainingConfig.earlyStopPatience, default: nil,
            requirement: "a patience in epochs, an integer in 1...\(ConfigKey.Limits.epochs), or none",
            parse: { patience($0) },
            store: { $1.columns[.earlyStop] = $0.earlyStopPatience.map { .integer($0) } ?? .null }),
        .defaulted(
            .earlyStopMetric, stored: .earlyStopMetric, json: "early_stop_metric",
            \.trainingConfig.earlyStopMetric, default: .devLoss, requirement: choices(EarlyStopMetric.self),
            parse: { named($0, EarlyStopMetric.self) },
            store: { $1.columns[.earlyStopMetric] = .text($0.earlyStopMetric.rawValue) }),
    ]

    static func choices<T: NamedChoice>(_: T.Type) -> String {
        "one of " + T.allCases.map(\.rawValue).joined(separator: ", ")
    }

    static func named<T: NamedChoice>(_ text: String, _: T.Type) -> T? {
        T.allCases.first { $0.rawValue == text.lowercased() }
    }

    private static func fraction(_ text: String) -> Double? {
        guard let value = Double(text), value.isFinite, value >= 0, value < 1 else { return nil }
        return value
    }

    private static func positive(_ text: String) -> Double? {
        guard let value = Double(text), value.isFinite, value > 0 else { return nil }
        return value
    }

    private static func count(_ text: String, from minimum: Int) -> Int? {
        guard let value = Int(text), (minimum...ConfigKey.Limits.epochs).contains(value) else { return nil }
        return value
    }

    /// A patience, or `none` (and its YAML spellings) for no early stopping.
    private static func patience(_ text: String) -> Int?? {
        if ["none", "null", "~", "off"].contains(text.lowercased()) { return .some(nil) }
        return count(text, from: 1).map { .some($0) }
    }
}
