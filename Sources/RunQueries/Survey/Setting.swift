import SQLite
import TextOutput

/// A setting of a run that a report describes: what was varied, what was fixed.
public enum Setting: String, CaseIterable, Sendable, Hashable {
    case experiment
    case dataset
    case trainLimit = "train limit"
    case architecture
    case activation
    case initialization = "init"
    case dropout
    case weightDecay = "weight decay"
    case learningRate = "learning rate"
    case momentum
    case batchSize = "batch size"
    case epochs
    case clipNorm = "clip norm"
    case optimizer

    /// The setting as an SQL expression over `runs AS r` joined with `experiments AS e`:
    /// a group key's own expression, or the column of a setting no comparison groups on.
    var sql: String {
        if let attribute { return attribute.expression }
        return switch self {
        case .trainLimit: "r.train_limit"
        case .initialization: "r.init"
        case .momentum: "r.momentum"
        case .clipNorm: "r.clip_norm"
        case .optimizer: "r.optimizer"
        default: preconditionFailure("\(self) is a group key")
        }
    }

    /// The group key of the setting, for those that comparisons can group on.
    var attribute: RunAttribute? {
        switch self {
        case .experiment: .experiment
        case .dataset: .dataset
        case .architecture: .architecture
        case .activation: .activation
        case .dropout: .dropout
        case .weightDecay: .weightDecay
        case .learningRate: .learningRate
        case .batchSize: .batchSize
        case .epochs: .epochs
        case .trainLimit, .initialization, .momentum, .clipNorm, .optimizer: nil
        }
    }

    /// A value as a report writes it: numbers as typed; no clip norm is `none`, no
    /// train limit is `all` (the whole training split).
    public func text(_ value: Cell) -> String {
        switch (self, value) {
        case (.clipNorm, .null): "none"
        case (.trainLimit, .null): "all"
        default: NumberText.value(value)
        }
    }
}
