import Store

/// The first place where a reproduction's epochs differ from the stored run's: a metric of
/// one epoch, compared bit for bit, or an epoch that only one of them trained.
public enum EpochDifference: Sendable, Hashable {
    /// `metric` of `epoch` (its column name: `dev_loss`) has other bits; nil stands for a
    /// loss that was not finite.
    case value(epoch: Int, metric: String, stored: Double?, reproduced: Double?)
    /// One of the two ended before `epoch`; the other trained it.
    case epochCount(stored: Int, reproduced: Int)

    /// The metrics compared, in the order the first difference is looked for within an
    /// epoch, by their column names in `epochs`.
    static let metrics: [(name: String, value: @Sendable (EpochMetrics) -> Double?)] = [
        ("train_loss", { $0.train.loss }), ("train_acc", { $0.train.accuracy }),
        ("dev_loss", { $0.dev.loss }), ("dev_acc", { $0.dev.accuracy }),
        ("test_loss", { $0.test.loss }), ("test_acc", { $0.test.accuracy }),
        ("learning_rate", { $0.learningRate }),
    ]

    /// The first difference between `stored` and `reproduced`, epoch by epoch and metric
    /// by metric; nil when every bit is the same.
    static func first(stored: [EpochMetrics], reproduced: [EpochMetrics]) -> EpochDifference? {
        for (old, new) in zip(stored, reproduced) {
            for metric in metrics {
                let (a, b) = (metric.value(old), metric.value(new))
                if a?.bitPattern != b?.bitPattern {
                    return .value(epoch: old.epoch, metric: metric.name, stored: a, reproduced: b)
                }
            }
        }
        guard stored.count == reproduced.count else {
            return .epochCount(stored: stored.count, reproduced: reproduced.count)
        }
        return nil
    }

    /// What differs, for the verdict: `epoch 2, dev_loss: 0.3125 stored, 0.3126 reproduced
    /// (reproduced − stored = 0.0001)`.
    var text: String {
        switch self {
        case .value(let epoch, let metric, let stored, let reproduced):
            var text = "epoch \(epoch), \(metric): \(Self.text(stored)) stored, \(Self.text(reproduced)) reproduced"
            if let stored, let reproduced {
                text += " (reproduced − stored = \(reproduced - stored))"
            }
            return text
        case .epochCount(let stored, let reproduced):
            return "the run has \(Self.epochs(stored)), the reproduction \(Self.epochs(reproduced)); "
                + "every epoch both have is identical"
        }
    }

    private static func text(_ value: Double?) -> String { value.map { "\($0)" } ?? "none" }

    private static func epochs(_ count: Int) -> String { count == 1 ? "1 epoch" : "\(count) epochs" }
}
