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
    /// its group key's expression.
    var sql: String { attribute.expression }

    /// The group key of the setting.
    var attribute: RunAttribute {
        switch self {
        case .experiment: .experiment
        case .dataset: .dataset
        case .trainLimit: .trainLimit
        case .architecture: .architecture
        case .activation: .activation
        case .initialization: .initialization
        case .dropout: .dropout
        case .weightDecay: .weightDecay
        case .learningRate: .learningRate
        case .momentum: .momentum
        case .batchSize: .batchSize
        case .epochs: .epochs
        case .clipNorm: .clipNorm
        case .optimizer: .optimizer
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
