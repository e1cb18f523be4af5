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
        initialization, seed, threads, dataset, trainLimit,
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

    /// The entry whose `key` or `name` is `text`.
    public static func named(_ text: String) -> StoredSetting? {
        all.first { $0.key == text || $0.name == text }
    }
}
