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
    case lrSchedule = "lr schedule"
    case earlyStop = "early stop"
    case trainSubset = "train subset"
    case labelNoise = "label noise"
    case inputNoise = "input noise"

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
        case .lrSchedule: .setting(.lrSchedule)
        case .earlyStop: .setting(.earlyStop)
        case .trainSubset: .setting(.trainSubset)
        case .labelNoise: .setting(.labelNoise)
        case .inputNoise: .setting(.inputNoise)
        }
    }

    /// Whether `value` is what every run had before the setting existed (no early stop,
    /// no noise, a constant rate, the first images): a report names such a value only
    /// where it varies, so that the seed's runs read as they did.
    public func isUnchangedDefault(_ value: Cell) -> Bool {
        switch self {
        case .lrSchedule: value == .text("constant")
        case .earlyStop: value == .null
        case .trainSubset: value == .text("first")
        case .labelNoise, .inputNoise: value.double == 0
        default: false
        }
    }

    /// A value as a report writes it: numbers as typed; no clip norm is `none`, no
    /// train limit is `all` (the whole training split).
    public func text(_ value: Cell) -> String {
        switch (self, value) {
        case (.clipNorm, .null): "none"
        case (.trainLimit, .null): "all"
        case (.earlyStop, .null): "none"
        default: NumberText.value(value)
        }
    }
}
