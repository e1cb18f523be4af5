import SQLite

/// A value for one of `runs`' setting columns, typed as the column is.
public enum StoredValue: Sendable, Hashable {
    case integer(Int)
    case real(Double)
    case text(String)
    case null

    var sqliteValue: SQLiteValue {
        switch self {
        case .integer(let value): SQLiteValue(value)
        case .real(let value): SQLiteValue(value)
        case .text(let value): .text(value)
        case .null: .null
        }
    }
}

/// The `runs` columns that ``RunParameters/columns`` may set: the settings added after the
/// first schema, and the environment that decides a run's rounding. Column names reach SQL text,
/// so only these are accepted.
public enum RunColumn: String, CaseIterable, Sendable {
    case beta1, beta2, eps
    case lrSchedule = "lr_schedule"
    case lrStepEpochs = "lr_step_epochs"
    case lrGamma = "lr_gamma"
    case warmupEpochs = "warmup_epochs"
    case earlyStop = "early_stop"
    case earlyStopMetric = "early_stop_metric"
    case labelNoise = "label_noise"
    case labelsChanged = "labels_changed"
    case inputNoise = "input_noise"
    case trainSubset = "train_subset"
    case blasCore = "blas_core"
    case cpuModel = "cpu_model"
}
