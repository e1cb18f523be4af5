import TextOutput

/// A data split of MNIST as tracker divides it: the first 50,000 training images, the
/// last 10,000 of them, and the 10,000 test images.
public enum Split: String, CaseIterable, Sendable, Hashable {
    case train
    case dev
    case test
}

/// What a curve shows for each epoch: the loss or the accuracy on one split, or the
/// generalisation gap.
public enum CurveMeasure: Sendable, Hashable {
    /// The fraction of images classified correctly, in [0, 1].
    case accuracy(Split)
    /// The mean negative log-likelihood, in nats; NULL (a gap in the line) where it was
    /// not finite.
    case loss(Split)
    /// Train accuracy minus test accuracy, as the comparison tables' gap column.
    case gap

    /// Every measure, in the order queries compute them.
    public static let all: [CurveMeasure] = Split.allCases.map(loss) + Split.allCases.map(accuracy) + [.gap]

    /// The column's name in SQL and outputs: `train_acc`, `dev_loss`, `gap`.
    var column: String {
        switch self {
        case .accuracy(let split): split.rawValue + "_acc"
        case .loss(let split): split.rawValue + "_loss"
        case .gap: "gap"
        }
    }

    /// The measure as an SQL expression over `epochs AS ep`.
    var epochSource: String {
        self == .gap ? "ep.train_acc - ep.test_acc" : "ep." + column
    }

    /// How people name it: `dev accuracy`, `train loss`, `generalisation gap`.
    public var name: String {
        switch self {
        case .accuracy(let split): split.rawValue + " accuracy"
        case .loss(let split): split.rawValue + " loss"
        case .gap: "generalisation gap"
        }
    }

    /// The split alone for accuracies and losses, which legends name beside the metric.
    public var splitName: String {
        switch self {
        case .accuracy(let split), .loss(let split): split.rawValue
        case .gap: "train − test"
        }
    }

    /// Measures on one axis share its title: accuracies, losses, the gap.
    public var family: Int {
        switch self {
        case .accuracy: 0
        case .loss: 1
        case .gap: 2
        }
    }
}
