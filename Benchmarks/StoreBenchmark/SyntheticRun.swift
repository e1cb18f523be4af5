import BenchmarkSupport
import Engine
import Foundation
import Store

/// A made-up but realistic run: the seed study's architectures, activations, batch
/// sizes and regularizers, with accuracies and timings of plausible size and spread.
/// The same index always gives the same run, so writers and checks agree.
struct SyntheticRun {
    static let architectures: [[Int]] = [
        [128, 128], [128, 64, 32, 16], [256, 128, 64, 32, 16], [512, 256, 128, 64, 32, 16],
        [800, 800], [800, 800, 800], [800, 512, 256, 800, 1200],
    ]
    static let activations = ["relu", "tanh", "sigmoid"]
    static let batchSizes = [1, 10, 40, 70, 100, 130, 160]
    static let regularizers: [(dropout: Double, weightDecay: Double)] = [(0, 0), (0.5, 0), (0, 0.001), (0.5, 0.001)]

    let parameters: RunParameters
    private let finalAccuracy: Double
    private let secondsPerEpoch: Double
    private let noise: SplitMix64

    /// Run number `index`, planned for `epochs` epochs.
    init(index: Int, epochs: Int, tags: [String: String] = [:]) {
        var random = SplitMix64(seed: UInt64(index))
        let hidden = Self.architectures[index % Self.architectures.count]
        let activation = Self.activations[(index / Self.architectures.count) % Self.activations.count]
        let batchSize = Self.batchSizes[random.below(Self.batchSizes.count)]
        let regularizer = Self.regularizers[random.below(Self.regularizers.count)]
        let seed = index / (Self.architectures.count * Self.activations.count)
        let sizes = [784] + hidden + [10]
        let parameterCount = zip(sizes, sizes.dropFirst()).reduce(0) { $0 + ($1.0 + 1) * $1.1 }
        let config = """
            {"dataset":"mnist","hidden":[\(hidden.map(String.init).joined(separator: ","))],\
            "activation":"\(activation)","dropout":\(regularizer.dropout),\
            "weight_decay":\(regularizer.weightDecay),"learning_rate":0.01,\
            "batch_size":\(batchSize),"epochs":\(epochs),"seed":\(seed)}
            """
        parameters = RunParameters(
            dataset: "mnist", datasetChecksum: "sha256:synthetic", seed: seed, hidden: hidden,
            parameterCount: parameterCount, activation: activation,
            initialization: activation == "tanh" ? "xavier" : "torch",
            dropout: regularizer.dropout, weightDecay: regularizer.weightDecay, learningRate: 0.01,
            batchSize: batchSize, epochs: epochs, threads: 1, config: config,
            configHash: String(fnv1a(config), radix: 16), trackerVersion: "benchmark", tags: tags)
        // Sigmoid learns little at this learning rate, as in the seed's Table 1.
        let base = activation == "sigmoid" ? 0.38 : (activation == "tanh" ? 0.925 : 0.915)
        finalAccuracy = min(0.995, base + 0.01 * Double(hidden.count) / 6 + 0.004 * random.gaussian())
        secondsPerEpoch = Double(parameterCount) / 40_000 * (1 + 10 / Double(batchSize))
        noise = random
    }

    /// The metrics of epoch `epoch` (1-based): accuracies rise towards the final one.
    func metrics(epoch: Int) -> EpochMetrics {
        var random = noise
        random.skip(epoch)
        let progress = 1 - 0.9 * exp(-Double(epoch) / 2)
        let train = min(1, finalAccuracy * progress + 0.003 * random.gaussian())
        let dev = min(1, train - 0.005 + 0.003 * random.gaussian())
        let test = min(1, dev + 0.002 * random.gaussian())
        let evaluation = { (accuracy: Double) in Evaluation(loss: -log(max(accuracy, 0.01)), accuracy: accuracy) }
        return EpochMetrics(
            epoch: epoch, train: evaluation(train), dev: evaluation(dev), test: evaluation(test),
            seconds: secondsPerEpoch, evalSeconds: secondsPerEpoch / 5, samplesPerSecond: 50_000 / secondsPerEpoch)
    }

    /// The final results: those of the last epoch.
    var results: RunResults {
        let last = metrics(epoch: max(parameters.epochs, 1))
        return RunResults(
            train: last.train, dev: last.dev, test: last.test,
            trainSeconds: secondsPerEpoch * Double(parameters.epochs), samplesPerSecond: last.samplesPerSecond)
    }
}

/// 64-bit FNV-1a: a stable hash for the synthetic configs.
func fnv1a(_ text: String) -> UInt64 {
    text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
}
