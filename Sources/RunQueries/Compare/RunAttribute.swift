public import Store
import TextOutput

/// A property of a run that comparisons group on, `--where` tests and listings show:
/// every setting a run records (`StoredSetting.all`), then the properties derived from
/// them or recorded beside them (the regularization, the depth, the experiment, the
/// status, the optimizer). Each maps to a fixed SQL expression over `runs AS r`.
///
/// Users name them as the raw values (`batch-size`), or by a setting's flag where that
/// differs (`lr` for `learning-rate`, `hidden` for `architecture`); outputs and SQL name
/// them with `column` (`batch_size`).
public struct RunAttribute: Sendable, Hashable, CustomStringConvertible {
    /// How values of an attribute are typed, compared and written.
    public typealias Kind = StoredSetting.Kind

    /// The name shown and typed: `batch-size`.
    public let rawValue: String
    /// Other names accepted for it: a setting's flag when it differs from the name.
    public let aliases: [String]
    public let kind: Kind
    /// The attribute as an SQL expression over `runs AS r`; `experiment` reads
    /// `experiments AS e`, which the query must join.
    let expression: String
    /// Whether a run may have no value (NULL).
    public let isOptional: Bool

    private init(_ name: String, _ kind: Kind, _ expression: String, aliases: [String] = [], optional: Bool = false) {
        rawValue = name
        self.aliases = aliases
        self.kind = kind
        self.expression = expression
        isOptional = optional
    }

    private init(_ setting: StoredSetting) {
        self.init(
            setting.name, setting.kind, "r." + setting.column,
            aliases: setting.key == setting.name ? [] : [setting.key],
            optional: setting.isOptional)
    }

    /// The attribute named `text`, by its name or an alias.
    public init?(rawValue text: String) {
        guard let attribute = Self.allCases.first(where: { $0.rawValue == text || $0.aliases.contains(text) })
        else { return nil }
        self = attribute
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    public var description: String { rawValue }

    /// Every attribute: those comparisons group on most, then every other stored setting,
    /// then what is recorded beside the settings. A setting added to `StoredSetting.all`
    /// is a key without any change here.
    public static let allCases: [RunAttribute] = {
        let first: [RunAttribute] = [
            architecture, activation, regularization, dropout, weightDecay, batchSize, learningRate, epochs, depth,
            dataset, experiment,
        ]
        let settings = StoredSetting.all.map(RunAttribute.init).filter { !first.contains($0) }
        return first + settings + [status]
    }()

    /// The attribute of a stored setting.
    public static func setting(_ setting: StoredSetting) -> RunAttribute { RunAttribute(setting) }

    /// The hidden layer sizes, `128-64-32-16`.
    public static let architecture = setting(.hidden)
    public static let activation = setting(.activation)
    public static let dropout = setting(.dropout)
    public static let weightDecay = setting(.weightDecay)
    public static let learningRate = setting(.learningRate)
    public static let momentum = setting(.momentum)
    public static let batchSize = setting(.batchSize)
    /// Epochs planned.
    public static let epochs = setting(.epochs)
    public static let clipNorm = setting(.clipNorm)
    public static let initialization = setting(.initialization)
    public static let seed = setting(.seed)
    public static let threads = setting(.threads)
    public static let dataset = setting(.dataset)
    public static let trainLimit = setting(.trainLimit)
    /// Derived: the regularizers a run used, joined by ` + ` in the order dropout,
    /// weight decay, early stopping (`dropout + early stopping`), or `none`; the same
    /// expression as the `run_summary` view's.
    public static let regularization = RunAttribute(
        "regularization", .text,
        """
        CASE WHEN r.dropout > 0 OR r.weight_decay > 0 OR r.early_stop IS NOT NULL THEN substr(\
        CASE WHEN r.dropout > 0 THEN ' + dropout' ELSE '' END || \
        CASE WHEN r.weight_decay > 0 THEN ' + weight decay' ELSE '' END || \
        CASE WHEN r.early_stop IS NOT NULL THEN ' + early stopping' ELSE '' END, 4) ELSE 'none' END
        """)
    /// The settings the derived regularization is made of.
    public static let regularizers: [RunAttribute] = [.dropout, .weightDecay, .earlyStop]
    public static let earlyStop = setting(.earlyStop)
    /// The number of hidden layers.
    public static let depth = RunAttribute("depth", .integer, "r.depth")
    public static let experiment = RunAttribute("experiment", .text, "e.name")
    /// `completed`, `interrupted`, …: what `--status` selects, as a key.
    public static let status = RunAttribute("status", .text, "r.status")
    /// `sgd`, `adam` or `adamw`.
    public static let optimizer = setting(.optimizer)

    /// The name of the attribute's column in outputs and in SQL: `batch_size`.
    public var column: String {
        String(rawValue.map { $0 == "-" ? "_" : $0 })
    }

    /// The values of `regularization`, in their natural order: none, each alone, then
    /// combinations.
    public static let regularizations = [
        "none", "dropout", "weight decay", "dropout + weight decay", "early stopping", "dropout + early stopping",
        "weight decay + early stopping", "dropout + weight decay + early stopping",
    ]

    /// The attributes a group of this one already fixes, as the regularization fixes
    /// whether dropout, weight decay and early stopping are on.
    public var implied: [RunAttribute] { self == .regularization ? Self.regularizers : [] }

    /// The only values the attribute can take, when the schema fixes them.
    var allowedValues: [String]? {
        switch self {
        case .regularization: Self.regularizations
        case .status: RunStatus.allCases.map(\.rawValue)
        default: nil
        }
    }

    /// Whether `expression` reads `experiments AS e`.
    var readsExperiments: Bool { self == .experiment }

    /// SQL terms that put values of the attribute, held in `value` (an SQL expression
    /// such as `g.architecture`), in their natural order: architectures by depth, then
    /// by name; regularizations from none to both; the rest by value.
    func orderTerms(of value: String) -> [String] {
        switch self {
        case .architecture:
            // The depth is the number of '-' plus one; '' (no hidden layer) comes first.
            ["length(\(value)) - length(replace(\(value), '-', ''))", "\(value) <> ''", value]
        case .regularization:
            [
                "CASE \(value) "
                    + Self.regularizations.enumerated().map { "WHEN '\($1)' THEN \($0)" }.joined(separator: " ")
                    + " END"
            ]
        default:
            [value]
        }
    }
}
