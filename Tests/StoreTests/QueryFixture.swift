import Foundation
import SQLite

@testable import Store

/// A database of known runs across four experiments, for the queries of `queries/`.
///
/// Every run records two epochs: the first 0.1 below the final accuracies, the second
/// equal to them, except where `firstEpoch` says otherwise.
struct QueryFixture {
    struct Run {
        var experiment: String
        var hidden: [Int]
        var activation: String
        var seed: Int
        var dropout = 0.0
        var weightDecay = 0.0
        var batchSize = 100
        var status = RunStatus.completed
        /// Final train, dev and test accuracy.
        var final: (train: Double, dev: Double, test: Double)
        var seconds = 10.0
        /// The first epoch's accuracies, when not 0.1 below the final ones.
        var firstEpoch: (train: Double, dev: Double, test: Double)?

        /// The config hash: the configuration and seed, whatever the experiment.
        var trial: String {
            "\(hidden)-\(activation)-\(seed)-\(dropout)-\(weightDecay)-\(batchSize)"
        }

        var regularization: String {
            switch (dropout > 0, weightDecay > 0) {
            case (true, true): "dropout + weight decay"
            case (true, false): "dropout"
            case (false, true): "weight decay"
            case (false, false): "none"
            }
        }

        var epochs: [EpochMetrics] {
            let first = firstEpoch ?? (final.train - 0.1, final.dev - 0.1, final.test - 0.1)
            var epochs = [
                sampleEpoch(1, train: first.train, dev: first.dev, test: first.test),
                sampleEpoch(2, train: final.train, dev: final.dev, test: final.test),
            ]
            if status == .diverged {
                epochs = [epochs[0]]
                epochs[0].train.loss = .nan
                epochs[0].dev.loss = .infinity
            }
            return epochs
        }
    }

    /// Run ids are positions in this list plus one.
    static let runs: [Run] = [
        Run(experiment: "activation", hidden: [128, 128], activation: "relu", seed: 1, final: (0.90, 0.91, 0.915)),
        Run(experiment: "activation", hidden: [128, 128], activation: "relu", seed: 2, final: (0.92, 0.93, 0.925)),
        Run(
            experiment: "activation", hidden: [128, 128], activation: "tanh", seed: 1, final: (0.93, 0.94, 0.935),
            firstEpoch: (0.92, 0.95, 0.90)),
        Run(
            experiment: "activation", hidden: [128, 64, 32, 16], activation: "sigmoid", seed: 1,
            final: (0.30, 0.31, 0.32)),
        Run(
            experiment: "activation", hidden: [128, 64, 32, 16], activation: "sigmoid", seed: 2,
            final: (0.33, 0.34, 0.35)),
        Run(
            experiment: "activation", hidden: [128, 64, 32, 16], activation: "sigmoid", seed: 3,
            final: (0.36, 0.37, 0.38)),
        Run(
            experiment: "activation", hidden: [128, 128], activation: "relu", seed: 3, status: .diverged,
            final: (0.60, 0.50, 0.55)),
        Run(
            experiment: "regularization", hidden: [800, 800, 800], activation: "relu", seed: 1, batchSize: 10,
            final: (0.9989, 0.9811, 0.9805)),
        Run(
            experiment: "regularization", hidden: [800, 800, 800], activation: "relu", seed: 1, dropout: 0.5,
            batchSize: 10, final: (0.9989, 0.9807, 0.9816)),
        Run(
            experiment: "regularization", hidden: [800, 800, 800], activation: "relu", seed: 1, weightDecay: 0.001,
            batchSize: 10, final: (0.9918, 0.9794, 0.9788)),
        Run(
            experiment: "regularization", hidden: [800, 800, 800], activation: "relu", seed: 1, dropout: 0.5,
            weightDecay: 0.001, batchSize: 10, final: (0.99, 0.98, 0.97)),
        Run(
            experiment: "regularization", hidden: [800, 800, 800], activation: "relu", seed: 2, weightDecay: 0.001,
            batchSize: 10, final: (0.9920, 0.9796, 0.9790)),
        Run(
            experiment: "batch-size", hidden: [128, 128], activation: "tanh", seed: 1, batchSize: 1,
            final: (0.96, 0.95, 0.945), seconds: 100),
        Run(
            experiment: "batch-size", hidden: [128, 128], activation: "tanh", seed: 1, batchSize: 10,
            final: (0.95, 0.94, 0.935), seconds: 20),
        Run(
            experiment: "batch-size", hidden: [128, 128], activation: "tanh", seed: 2, batchSize: 10,
            final: (0.97, 0.96, 0.955), seconds: 30),
        Run(
            experiment: "batch-size", hidden: [128, 128], activation: "tanh", seed: 1, batchSize: 100,
            final: (0.91, 0.90, 0.895), seconds: 5),
        // Equal to the one before: a deviation of exactly zero, not NULL.
        Run(
            experiment: "batch-size", hidden: [128, 128], activation: "tanh", seed: 2, batchSize: 100,
            final: (0.91, 0.90, 0.895), seconds: 5),
        // The trial of run 8 trained again in another experiment, with the same results:
        // one measurement, which the comparisons count once.
        Run(
            experiment: "dropout", hidden: [800, 800, 800], activation: "relu", seed: 1, batchSize: 10,
            final: (0.9989, 0.9811, 0.9805)),
    ]

    /// Writes the runs through the store's API.
    static func write(to store: TrackerStore) throws {
        for (index, run) in runs.enumerated() {
            let parameters = sampleParameters(
                hidden: run.hidden, activation: run.activation, seed: run.seed, dropout: run.dropout,
                weightDecay: run.weightDecay, batchSize: run.batchSize, epochs: 2, configHash: run.trial)
            let id = try store.createRun(experiment: run.experiment, parameters).id
            precondition(id == index + 1)
            for epoch in run.epochs { try store.recordEpoch(epoch, for: id) }
            if run.status == .completed {
                try store.finishRun(
                    id,
                    results: sampleResults(
                        train: run.final.train, dev: run.final.dev, test: run.final.test, seconds: run.seconds))
            } else {
                try store.markRun(id, as: run.status, error: "loss is NaN")
            }
        }
    }
}
