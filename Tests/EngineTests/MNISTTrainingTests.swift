import TestSupport
import Testing

@testable import Engine

extension TrainingRuns {
    @Suite("Training on real MNIST")
    struct MNISTTrainingTests {
        /// The seed study's first model: 128-128 tanh (Xavier-uniform weights), batch 100,
        /// lr 0.01, plain SGD. PyTorch reaches 90.1–90.4% test accuracy after 3 epochs with
        /// this setup (three seeds).
        @Test(
            "128-128 tanh, batch 100, lr 0.01 reaches at least 90% test accuracy in 3 epochs",
            .enabled(if: RealDatasets.mnist != nil, RealDatasets.skipReason)
        )
        func seedModel() throws {
            let mnist = try RealDatasets.splits(.mnist)
            let config = TrainingConfig(
                hidden: [128, 128], activation: .tanh, learningRate: 0.01, batchSize: 100, epochs: 3, seed: 0)
            let trainer = try Trainer(config: config, train: mnist.train, dev: mnist.dev, test: mnist.test)
            let observer = RecordingObserver()
            #expect(trainer.train(observer: observer) == .completed)
            let last = try #require(observer.reports.last)
            #expect(last.test.accuracy >= 0.90, "test accuracy \(last.test.accuracy)")
            #expect(last.train.count == 50000 && last.dev.count == 10000 && last.test.count == 10000)
            // The loss falls every epoch.
            let devLosses = observer.reports.map(\.dev.loss)
            #expect(devLosses == devLosses.sorted(by: >))
        }
    }
}
