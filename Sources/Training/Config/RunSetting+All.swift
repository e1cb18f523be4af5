import Engine
import Foundation

extension RunSetting {
    /// Every setting of a run, in `ConfigKey` order. The engine's own fields are reached
    /// through `RunConfig.trainingConfig`, whose defaults are a run's defaults.
    public static let all: [RunSetting] =
        [
            .required(
                .hidden, stored: .hidden, json: "hidden", \.trainingConfig.hidden,
                requirement: "layer sizes such as 128-64 or 128,64, each an integer in 1...\(Limits.layerSize)",
                parse: layerSizes, store: { $1.hidden = $0.hidden }),
            .required(
                .activation, stored: .activation, json: "activation", \.trainingConfig.activation,
                requirement: "one of " + Activation.allCases.map(\.rawValue).joined(separator: ", "),
                parse: { caseInsensitive($0, Activation.self) }, store: { $1.activation = $0.activation.rawValue }),
            .required(
                .dropout, stored: .dropout, json: "dropout", \.trainingConfig.dropout,
                requirement: "a probability in [0, 1)",
                parse: { number($0, where: { $0 >= 0 && $0 < 1 }) }, store: { $1.dropout = $0.dropout }),
            .required(
                .weightDecay, stored: .weightDecay, json: "weight_decay", \.trainingConfig.weightDecay,
                requirement: "a number >= 0",
                parse: { number($0, where: { $0 >= 0 }) }, store: { $1.weightDecay = $0.weightDecay }),
            .required(
                .learningRate, stored: .learningRate, json: "learning_rate", \.trainingConfig.learningRate,
                requirement: "a number > 0",
                parse: { number($0, where: { $0 > 0 }) }, store: { $1.learningRate = $0.learningRate }),
            .required(
                .momentum, stored: .momentum, json: "momentum", \.trainingConfig.momentum,
                requirement: "a number in [0, 1)",
                parse: { number($0, where: { $0 >= 0 && $0 < 1 }) }, store: { $1.momentum = $0.momentum }),
            .required(
                .batchSize, stored: .batchSize, json: "batch_size", \.trainingConfig.batchSize,
                requirement: "an integer >= 1",
                parse: { integer($0, in: 1...Int.max) }, store: { $1.batchSize = $0.batchSize }),
            .required(
                .epochs, stored: .epochs, json: "epochs", \.trainingConfig.epochs,
                requirement: "an integer in 1...\(Limits.epochs)",
                parse: { integer($0, in: 1...Limits.epochs) }, store: { $1.epochs = $0.epochs }),
            .optional(
                .clipNorm, stored: .clipNorm, json: "clip_norm", \.trainingConfig.clipNorm,
                requirement: "a number > 0, or none",
                parse: clipNorm, store: { $1.clipNorm = $0.clipNorm }),
            // Stored resolved, so that SQL sees the scheme that was used rather than `auto`.
            .required(
                .initialization, stored: .initialization, json: "init", \.trainingConfig.initialization,
                requirement: "one of " + Initialization.allCases.map(\.rawValue).joined(separator: ", "),
                parse: { caseInsensitive($0, Initialization.self) },
                store: { $1.initialization = $0.initialization.resolved(for: $0.activation).rawValue }),
            // SQLite integers are signed: a larger seed would read back negative. Runs stored
            // before that limit may hold one, kept by its bit pattern.
            .required(
                .seed, stored: .seed, json: "seed", \.trainingConfig.seed,
                requirement: "an integer in 0...\(Limits.seed)",
                parse: { UInt64($0).flatMap { $0 <= Limits.seed ? $0 : nil } },
                store: { $1.seed = Int(bitPattern: UInt($0.seed)) }),
            .required(
                .threads, stored: .threads, json: "threads", \.trainingConfig.threads,
                requirement: "an integer in 1...\(Limits.threads)",
                parse: { integer($0, in: 1...Limits.threads) }, store: { $1.threads = $0.threads }),
            .required(
                .dataset, stored: .dataset, json: "dataset", \.dataset,
                requirement: "one of " + Limits.datasets.joined(separator: ", "),
                parse: { Limits.datasets.contains($0.lowercased()) ? $0.lowercased() : nil },
                store: { $1.dataset = $0.dataset }),
            .optional(
                .trainLimit, stored: .trainLimit, json: "train_limit", \.trainLimit,
                requirement: "an integer in 1...\(Limits.trainImages)",
                parse: { integer($0, in: 1...Limits.trainImages).map { .some($0) } },
                store: { $1.trainLimit = $0.trainLimit }),
        ] + optimisation + perturbations

    private typealias Limits = ConfigKey.Limits

    private static func number(_ text: String, where isAllowed: (Double) -> Bool) -> Double? {
        guard let value = Double(text), value.isFinite, isAllowed(value) else { return nil }
        return value
    }

    private static func integer(_ text: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = Int(text), range.contains(value) else { return nil }
        return value
    }

    private static func caseInsensitive<T: RawRepresentable & CaseIterable>(_ text: String, _: T.Type) -> T?
    where T.RawValue == String {
        T.allCases.first { $0.rawValue == text.lowercased() }
    }

    /// `128-64-32`, `128,64,32` or a single `800`.
    private static func layerSizes(_ text: String) -> [Int]? {
        let parts = text.split(separator: /[-,]/, omittingEmptySubsequences: false)
        let sizes = parts.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !sizes.isEmpty, sizes.count == parts.count,
            sizes.allSatisfy({ (1...Limits.layerSize).contains($0) })
        else { return nil }
        return sizes
    }

    /// A norm, or `none` (and its YAML spellings) for no clipping.
    private static func clipNorm(_ text: String) -> Double?? {
        if ["none", "null", "~", "off"].contains(text.lowercased()) { return .some(nil) }
        return number(text, where: { $0 > 0 }).map { .some($0) }
    }
}
