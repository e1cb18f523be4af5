public import Store

/// A database of known runs for comparisons: two experiments of the seed study's
/// shape and a third on another dataset, covering every group key.
///
/// - `128-128 sigmoid` is a group of one run (no deviation);
/// - `128-64-32-16 relu` holds two runs with equal results (a deviation of exactly 0);
/// - run 3 (`128-128 tanh`, seed 1) has its best dev accuracy at epoch 1 of 2;
/// - `regularization` covers none, dropout, weight decay and both;
/// - runs 19 and 20 failed and diverged; only completed runs are compared by default;
/// - the tag `opt` is set on the runs of `activation` and `batch-size` only.
public enum CompareFixture {
    /// Run ids are positions in this list plus one.
    public static let runs: [FixtureRun] = [
        FixtureRun(
            "activation", [128, 128], "relu", seed: 1, tags: ["opt": "sgd"],
            epochs: [(0.85, 0.86, 0.855), (0.9133, 0.9220, 0.9170)]),
        FixtureRun(
            "activation", [128, 128], "relu", seed: 2, tags: ["opt": "sgd"],
            epochs: [(0.86, 0.87, 0.865), (0.9140, 0.9210, 0.9180)]),
        FixtureRun(
            "activation", [128, 128], "tanh", seed: 1, tags: ["opt": "sgd"],
            epochs: [(0.90, 0.93, 0.925), (0.9217, 0.9257, 0.9266)]),
        FixtureRun(
            "activation", [128, 128], "tanh", seed: 2, tags: ["opt": "sgd"],
            epochs: [(0.88, 0.90, 0.89), (0.9220, 0.9260, 0.9270)]),
        FixtureRun(
            "activation", [128, 128], "sigmoid", seed: 1, tags: ["opt": "sgd"],
            epochs: [(0.30, 0.35, 0.36), (0.3328, 0.4028, 0.4099)]),
        FixtureRun(
            "activation", [128, 64, 32, 16], "relu", seed: 1, tags: ["opt": "sgd"],
            epochs: [(0.85, 0.86, 0.86), (0.9123, 0.9210, 0.9174)]),
        FixtureRun(
            "activation", [128, 64, 32, 16], "relu", seed: 2, tags: ["opt": "sgd"],
            epochs: [(0.84, 0.85, 0.85), (0.9123, 0.9210, 0.9174)]),
        FixtureRun(
            "activation", [128, 64, 32, 16], "tanh", seed: 1, tags: ["opt": "sgd"],
            epochs: [(0.89, 0.90, 0.90), (0.9236, 0.9285, 0.9266)]),
        FixtureRun(
            "activation", [128, 64, 32, 16], "tanh", seed: 2, tags: ["opt": "sgd"],
            epochs: [(0.88, 0.90, 0.89), (0.9240, 0.9281, 0.9270)]),
        FixtureRun(
            "activation", [128, 64, 32, 16], "tanh", seed: 3, tags: ["opt": "sgd"],
            epochs: [(0.87, 0.89, 0.88), (0.9230, 0.9290, 0.9262)]),
        FixtureRun(
            "regularization", [800, 800, 800], "relu", seed: 1, batchSize: 10,
            epochs: [(0.97, 0.97, 0.97), (0.99, 0.98, 0.975), (0.9989, 0.9811, 0.9805)]),
        FixtureRun(
            "regularization", [800, 800, 800], "relu", seed: 2, batchSize: 10,
            epochs: [(0.97, 0.97, 0.97), (0.99, 0.98, 0.975), (0.9985, 0.9815, 0.9801)]),
        FixtureRun(
            "regularization", [800, 800, 800], "relu", seed: 1, dropout: 0.5, batchSize: 10,
            epochs: [(0.96, 0.96, 0.96), (0.98, 0.975, 0.975), (0.9989, 0.9807, 0.9816)]),
        FixtureRun(
            "regularization", [800, 800, 800], "relu", seed: 1, weightDecay: 0.001, batchSize: 10,
            epochs: [(0.96, 0.96, 0.96), (0.98, 0.975, 0.975), (0.9918, 0.9794, 0.9788)]),
        FixtureRun(
            "regularization", [800, 800, 800], "relu", seed: 1, dropout: 0.5, weightDecay: 0.001, batchSize: 10,
            epochs: [(0.95, 0.95, 0.95), (0.97, 0.97, 0.97), (0.9900, 0.9800, 0.9790)]),
        FixtureRun(
            "batch-size", [128, 128], "tanh", seed: 1, batchSize: 1, learningRate: 0.1, dataset: "fashion-mnist",
            tags: ["opt": "sgd"], epochs: [(0.85, 0.84, 0.83)]),
        FixtureRun(
            "batch-size", [128, 128], "tanh", seed: 1, batchSize: 10, learningRate: 0.1, dataset: "fashion-mnist",
            tags: ["opt": "momentum"], epochs: [(0.86, 0.85, 0.845)]),
        FixtureRun(
            "batch-size", [128, 128], "tanh", seed: 2, batchSize: 10, learningRate: 0.1, dataset: "fashion-mnist",
            tags: ["opt": "momentum"], epochs: [(0.87, 0.855, 0.85)]),
        FixtureRun(
            "activation", [128, 128], "relu", seed: 3, tags: ["opt": "sgd"], status: .failed, epochs: [(0.5, 0.5, 0.5)]),
        FixtureRun(
            "activation", [128, 128], "relu", seed: 4, tags: ["opt": "sgd"], status: .diverged,
            epochs: [(0.6, 0.55, 0.5), (0.1, 0.1, 0.1)]),
    ]

    /// The completed runs with their ids.
    public static var completed: [(id: Int, run: FixtureRun)] {
        runs.enumerated().filter { $0.element.status == .completed }.map { ($0.offset + 1, $0.element) }
    }

    /// Writes every run through `store`; ids follow the list.
    public static func write(to store: TrackerStore) throws {
        for (index, run) in runs.enumerated() {
            let id = try run.write(to: store)
            precondition(id == index + 1, "the fixture needs an empty database")
        }
    }
}
