/// The storage half of a run's setting: the key users type, the name outputs and
/// `--group`/`--where` show, its column of `runs` and how its values are typed.
///
/// `StoredSetting.all` is the one list of what a run records as settings. Training pairs
/// each entry with how the setting is parsed and what it accepts (`RunSetting`); the
/// queries derive their group and filter keys from it, so that a setting a run records
/// is always a key a comparison can group or filter on.
public struct StoredSetting: Sendable, Hashable {
    /// How values are typed, compared and written.
    public enum Kind: Sendable, Hashable {
        case text
        case integer
        case real
    }

    /// As `tracker run` flags and experiment files spell it: `lr`, `batch-size`.
    public let key: String
    /// As outputs and query keys name it, when that differs from `key` for historical
    /// reasons: `learning-rate` for `lr`, `architecture` for `hidden`. `key` is then
    /// accepted as an alias wherever a key is taken.
    public let name: String
    /// The column of `runs` that holds it, so that plain SQL can group on it.
    public let column: String
    public let kind: Kind
    /// Whether a run may have no value (NULL): no clipping, no train limit.
    public let isOptional: Bool

    init(_ key: String, name: String? = nil, column: String, _ kind: Kind, optional: Bool = false) {
        self.key = key
        self.name = name ?? key
        self.column = column
        self.kind = kind
        isOptional = optional
    }

    /// Every setting a run records, in the order flags and listings show them.
    public static let all: [StoredSetting] = [
        hidden, activation, dropout, weightDecay, learningRate, momentum, batchSize, epochs, clipNorm,
        initialization, seed, threads, dataset, trainLimit, optimizer, beta1, beta2, eps, lrSchedule, lrStepEpochs,
        lrGamma, warmupEpochs, earlyStop, earlyStopMetric, labelNoise, inputNoise, trainSubset,
    ]

    public static let hidden = StoredSetting("hidden", name: "architecture", column: "hidden", .text)
    public static let activation = StoredSetting("activation", column: "activation", .text)
    public static let dropout = StoredSetting("dropout", column: "dropout", .real)
    public static let weightDecay = StoredSetting("weight-decay", column: "weight_decay", .real)
    public static let learningRate = StoredSetting("lr", name: "learning-rate", column: "learning_rate", .real)
    public static let momentum = StoredSetting("momentum", column: "momentum", .real)
    public static let batchSize = StoredSetting("batch-size", column: "batch_size", .integer)
    public static let epochs = StoredSetting("epochs", column: "epochs", .integer)
    public static let clipNorm = StoredSetting("clip-norm", column: "clip_norm", .real, optional: true)
    /// Stored resolved, so that SQL sees the scheme that was used rather than `auto`.
    public static let initialization = StoredSetting("init", column: "init", .text)
    public static let seed = StoredSetting("seed", column: "seed", .integer)
    /// An execution setting rather than part of what is studied; nil when not set.
    public static let threads = StoredSetting("threads", column: "threads", .integer, optional: true)
    public static let dataset = StoredSetting("dataset", column: "dataset", .text)
    public static let trainLimit = StoredSetting("train-limit", column: "train_limit", .integer, optional: true)

    public static let optimizer = StoredSetting("optimizer", column: "optimizer", .text)
    public static let beta1 = StoredSetting("beta1", column: "beta1", .real)
    public static let beta2 = StoredSetting("beta2", column: "beta2", .real)
    public static let eps = StoredSetting("eps", column: "eps", .real)
    public static let lrSchedule = StoredSetting("lr-schedule", column: "lr_schedule", .text)
    public static let lrStepEpochs = StoredSetting("lr-step-epochs", column: "lr_step_epochs", .integer)
    public static let lrGamma = StoredSetting("lr-gamma", column: "lr_gamma", .real)
    public static let warmupEpochs = StoredSetting("warmup-epochs", column: "warmup_epochs", .integer)
    /// The patience; nil without early stopping.
    public static let earlyStop = StoredSetting("early-stop", column: "early_stop", .integer, optional: true)
    public static let earlyStopMetric = StoredSetting("early-stop-metric", column: "early_stop_metric", .text)

    public static let labelNoise = StoredSetting("label-noise", column: "label_noise", .real)
    public static let inputNoise = StoredSetting("input-noise", column: "input_noise", .real)
    public static let trainSubset = StoredSetting("train-subset", column: "train_subset", .text)

    /// The entry whose `key` or `name` is `text`.
    public static func named(_ text: String) -> StoredSetting? {
        all.first { $0.key == text || $0.name == text }
    }
}
