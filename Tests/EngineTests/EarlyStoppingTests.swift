import Testing

@testable import Engine

private func metrics(loss: Double, accuracy: Double) -> Metrics {
    Metrics(lossSum: loss * 100, correct: Int(accuracy * 100), count: 100)
}

/// Where a fixture curve of dev metrics stops with a given patience.
private func stop(
    losses: [Double], accuracies: [Double]? = nil, patience: Int, metric: EarlyStopMetric
) -> (stoppedAfter: Int?, best: Int) {
    var stopping = EarlyStopping(patience: patience, metric: metric)
    for (index, loss) in losses.enumerated() {
        let epoch = index + 1
        stopping.observe(epoch: epoch, dev: metrics(loss: loss, accuracy: accuracies?[index] ?? 0.5))
        if stopping.shouldStop(epochsCompleted: epoch) { return (epoch, stopping.bestEpoch) }
    }
    return (nil, stopping.bestEpoch)
}

@Suite("Early stopping")
struct EarlyStoppingTests {
    @Test("dev loss: stops patience epochs after the lowest loss")
    func devLoss() {
        let curve = [0.9, 0.5, 0.4, 0.45, 0.41, 0.39, 0.42, 0.43, 0.40, 0.5]
        #expect(stop(losses: curve, patience: 2, metric: .devLoss) == (5, 3))
        #expect(stop(losses: curve, patience: 3, metric: .devLoss) == (9, 6))
        #expect(stop(losses: curve, patience: 5, metric: .devLoss) == (nil, 6))
    }

    @Test("a tie is not an improvement; the first epoch of the best value stays the best")
    func ties() {
        #expect(stop(losses: [0.5, 0.4, 0.4, 0.4], patience: 2, metric: .devLoss) == (4, 2))
    }

    @Test("dev accuracy: higher is better")
    func devAccuracy() {
        let losses = Array(repeating: 1.0, count: 6)
        let accuracies = [0.5, 0.6, 0.58, 0.61, 0.6, 0.59]
        #expect(stop(losses: losses, accuracies: accuracies, patience: 2, metric: .devAccuracy) == (6, 4))
        #expect(stop(losses: losses, accuracies: accuracies, patience: 1, metric: .devAccuracy) == (3, 2))
    }

    @Test("a non-finite dev loss never improves")
    func nonFinite() {
        #expect(stop(losses: [0.5, .infinity, .nan], patience: 2, metric: .devLoss) == (3, 1))
    }
}
