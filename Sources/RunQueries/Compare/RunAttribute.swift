import TextOutput

/// A property of a run that comparisons group on, `--where` tests and listings show:
/// the closed set of keys, each mapped to a fixed SQL expression over `runs AS r`.
///
/// Users name them as the raw values (`batch-size`); outputs and SQL name them with
/// `column` (`batch_size`).
public enum RunAttribute: String, CaseIterable, Sendable, Hashable {
    /// The hidden layer sizes, `128-64-32-16`.
    case architecture
    case activation
    /// Derived: `none`, `dropout`, `weight decay` or `dropout + weight decay`.
    case regularization
    case dropout
    case weightDecay = "weight-decay"
    case batchSize = "batch-size"
    case learningRate = "learning-rate"
    /// Epochs planned.
    case epochs
    /// The number of hidden layers.
    case depth
    case dataset
    case experiment

    /// How values of an attribute are typed, compared and written.
    public enum Kind: Sendable, Hashable {
        case text
        case integer
        case real
    }

    public var kind: Kind {
        switch self {
        case .architecture, .activation, .regularization, .dataset, .experiment: .text
        case .batchSize, .epochs, .depth: .integer
        case .dropout, .weightDecay, .learningRate: .real
        }
    }

    /// The name of the attribute's column in outputs and in SQL: `batch_size`.
    public var column: String {
        String(rawValue.map { $0 == "-" ? "_" : $0 })
    }

    /// The values of `regularization`, in their natural order.
    public static let regularizations = ["none", "dropout", "weight decay", "dropout + weight decay"]

    /// The only values the attribute can take, when the schema fixes them.
    var allowedValues: [String]? {
        self == .regularization ? Self.regularizations : nil
    }

    /// The attribute as an SQL expression over `runs AS r`; `experiment` reads
    /// `experiments AS e`, which the query must join.
    var expression: String {
        switch self {
        case .architecture: "r.hidden"
        case .activation: "r.activation"
        case .regularization:
            """
            CASE WHEN r.dropout > 0 AND r.weight_decay > 0 THEN 'dropout + weight decay' \
            WHEN r.dropout > 0 THEN 'dropout' WHEN r.weight_decay > 0 THEN 'weight decay' ELSE 'none' END
            """
        case .dropout: "r.dropout"
        case .weightDecay: "r.weight_decay"
        case .batchSize: "r.batch_size"
        case .learningRate: "r.learning_rate"
        case .epochs: "r.epochs"
        case .depth: "r.depth"
        case .dataset: "r.dataset"
        case .experiment: "e.name"
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
