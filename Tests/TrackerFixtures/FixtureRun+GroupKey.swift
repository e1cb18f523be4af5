public import RunQueries
public import TextOutput

extension FixtureRun {
    /// A run's value of `key`, as the test derives it from the fixture.
    public func value(of key: GroupKey) -> Cell {
        switch key {
        case .attribute(.architecture): .text(hidden.map(String.init).joined(separator: "-"))
        case .attribute(.activation): .text(activation)
        case .attribute(.regularization):
            .text(
                dropout > 0
                    ? (weightDecay > 0 ? "dropout + weight decay" : "dropout")
                    : (weightDecay > 0 ? "weight decay" : "none"))
        case .attribute(.dropout): .real(dropout)
        case .attribute(.weightDecay): .real(weightDecay)
        case .attribute(.batchSize): .integer(Int64(batchSize))
        case .attribute(.learningRate): .real(learningRate)
        case .attribute(.epochs): .integer(Int64(epochs.count))
        case .attribute(.depth): .integer(Int64(hidden.count))
        case .attribute(.dataset): .text(dataset)
        case .attribute(.experiment): .text(experiment)
        case .attribute(.seed): .integer(Int64(seed))
        case .attribute(.status): .text(status.rawValue)
        case .attribute(.initialization): .text(activation == "tanh" ? "xavier" : "torch")
        case .attribute(.momentum): .real(0)
        case .attribute(.optimizer): .text("sgd")
        // Settings added after the fixtures were written hold their column's default, which
        // is how the runs before them trained; the rest are not set by the fixtures (no
        // clipping, no thread count, the whole training split).
        case .attribute(let attribute): Self.columnDefaults[attribute.rawValue] ?? .null
        case .tag(let name): tags[name].map { .text($0) } ?? .null
        }
    }

    /// The defaults the schema gives the columns of the optimisation and data settings.
    static let columnDefaults: [String: Cell] = [
        "beta1": .real(0.9), "beta2": .real(0.999), "eps": .real(1e-8), "lr-schedule": .text("constant"),
        "lr-step-epochs": .integer(10), "lr-gamma": .real(0.1), "warmup-epochs": .integer(0),
        "early-stop-metric": .text("dev-loss"), "label-noise": .real(0), "input-noise": .real(0),
        "train-subset": .text("first"),
    ]
}
