import Foundation
import TestSupport

@testable import Store

/// Parameters of a small run, every field set, changed where a test cares.
func sampleParameters(
    hidden: [Int] = [128, 128], activation: String = "relu", seed: Int = 1, dropout: Double = 0,
    weightDecay: Double = 0, batchSize: Int = 100, epochs: Int = 3, configHash: String = "hash-1",
    tags: [String: String] = [:]
) -> RunParameters {
    RunParameters(
        dataset: "mnist", datasetChecksum: "sha256:abc", trainLimit: 500, seed: seed, hidden: hidden,
        parameterCount: 118_282, activation: activation, initialization: "torch", dropout: dropout,
        weightDecay: weightDecay, learningRate: 0.01, momentum: 0.9, batchSize: batchSize, epochs: epochs,
        clipNorm: 5, optimizer: "sgd", threads: 2,
        config: #"{"hidden":[128,128],"activation":"\#(activation)","seed":\#(seed)}"#,
        configHash: configHash, trackerVersion: "0.1.0-test", tags: tags)
}

/// An evaluation with the given accuracy and a loss of 1 − accuracy.
func sampleEvaluation(_ accuracy: Double) -> Evaluation {
    Evaluation(loss: 1 - accuracy, accuracy: accuracy)
}

/// The metrics of epoch `epoch` with the given accuracies; losses and times derived.
func sampleEpoch(_ epoch: Int, train: Double, dev: Double, test: Double) -> EpochMetrics {
    EpochMetrics(
        epoch: epoch, train: sampleEvaluation(train), dev: sampleEvaluation(dev), test: sampleEvaluation(test),
        seconds: Double(epoch), evalSeconds: 0.5, samplesPerSecond: 1000)
}

/// Final results with the given accuracies.
func sampleResults(train: Double, dev: Double, test: Double, seconds: Double = 10) -> RunResults {
    RunResults(
        train: sampleEvaluation(train), dev: sampleEvaluation(dev), test: sampleEvaluation(test),
        trainSeconds: seconds, samplesPerSecond: 5000 / seconds)
}

/// Whether `text` is ISO-8601 UTC with milliseconds, as the schema stores timestamps.
func isTimestamp(_ text: String?) -> Bool {
    text?.wholeMatch(of: #/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/#) != nil
}

extension RunParameters {
    /// As read back: the later columns not set take their defaults, as migration 0005 gives them.
    var readBack: RunParameters {
        let defaults: [RunColumn: StoredValue] = [
            .beta1: .real(0.9), .beta2: .real(0.999), .eps: .real(1e-8), .lrSchedule: .text("constant"),
            .lrStepEpochs: .integer(10), .lrGamma: .real(0.1), .warmupEpochs: .integer(0), .earlyStop: .null,
            .earlyStopMetric: .text("dev-loss"), .labelNoise: .real(0), .labelsChanged: .integer(0),
            .inputNoise: .real(0), .trainSubset: .text("first"), .blasCore: .null, .cpuModel: .null,
        ]
        var read = self
        read.columns = defaults.merging(columns) { $1 }
        return read
    }
}
