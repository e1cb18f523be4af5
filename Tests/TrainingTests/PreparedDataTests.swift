import Datasets
import TestSupport
import Testing

@testable import Training

/// The sets a run trains on, from the real MNIST, with its perturbations.
@Suite("Prepared data", .enabled(if: RealDatasets.mnist != nil, RealDatasets.skipReason))
struct PreparedDataTests {
    static let splits = Result { try RealDatasets.splits(.mnist) }

    private func prepared(_ settings: [(ConfigKey, String)]) throws -> PreparedData {
        var config = RunConfig()
        for (key, value) in settings { try config.set(key, from: value) }
        return try PreparedData(try Self.splits.get(), config: config)
    }

    @Test("label noise changes the stated count of training labels only, never to the true class")
    func labelNoise() throws {
        let splits = try Self.splits.get()
        let data = try prepared([(.labelNoise, "0.25"), (.seed, "3")])
        #expect(data.labelsChanged == 12_500)
        let changed = zip(data.train.labels, splits.train.labels).filter { $0 != $1 }.count
        #expect(changed == 12_500)
        #expect(data.train.pixels == splits.train.pixels)
        #expect(data.dev.labels == splits.dev.labels && data.test.labels == splits.test.labels)
        #expect(data.dev.intensities == nil && data.test.intensities == nil)
        #expect(try prepared([(.labelNoise, "0.25"), (.seed, "3")]).train.labels == data.train.labels)
    }

    @Test("a balanced subset has as many images of each class, then its noise and labels")
    func balancedSubset() throws {
        let data = try prepared([
            (.trainLimit, "1005"), (.trainSubset, "balanced"), (.labelNoise, "0.1"), (.inputNoise, "0.2"),
        ])
        #expect(data.train.count == 1005 && data.labelsChanged == 101)
        let clean = try prepared([(.trainLimit, "1005"), (.trainSubset, "balanced")])
        var perClass = Array(repeating: 0, count: 10)
        for label in clean.train.labels { perClass[Int(label)] += 1 }
        #expect(perClass == [101, 101, 101, 101, 101, 100, 100, 100, 100, 100])
        #expect(data.train.pixels == clean.train.pixels)
        #expect(data.train.intensities?.count == 1005 * 784 && data.dev.intensities?.count == 10_000 * 784)
    }

    @Test("input noise covers every split and is the same on every preparation")
    func inputNoise() throws {
        let data = try prepared([(.inputNoise, "0.1"), (.trainLimit, "100")])
        let again = try prepared([(.inputNoise, "0.1"), (.trainLimit, "100")])
        #expect(data.train.intensities != nil && data.train.intensities == again.train.intensities)
        #expect(data.dev.intensities == again.dev.intensities && data.test.intensities == again.test.intensities)
        #expect(data.labelsChanged == 0)
    }
}
