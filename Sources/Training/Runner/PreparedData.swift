import Datasets
import Perturbations

/// The sets a run trains and is evaluated on: its dataset's splits with the run's
/// training subset, input noise and label noise applied, in that order.
struct PreparedData {
    let train: ImageSet
    let dev: ImageSet
    let test: ImageSet
    /// Training labels that label noise replaced.
    let labelsChanged: Int

    /// - Parameter splits: loaded with ``DatasetSplits/load(for:dataDirectory:)``, which
    ///   keeps the whole training split when the subset is balanced.
    init(_ splits: DatasetSplits, config: RunConfig) throws(SubsetError) {
        var train = splits.train
        var trainIndices: [Int]?
        if config.trainSubset == .balanced, let limit = config.trainLimit {
            let indices = try train.balancedIndices(count: limit)
            train = train.gathering(indices)
            trainIndices = indices
        }
        var dev = splits.dev
        var test = splits.test
        if config.inputNoise > 0 {
            let noise = InputNoise(deviation: config.inputNoise, seed: config.seed)
            train = noise.apply(to: train, split: .train, indices: trainIndices)
            dev = noise.apply(to: dev, split: .dev)
            test = noise.apply(to: test, split: .test)
        }
        var labelsChanged = 0
        if config.labelNoise > 0 {
            let (noisy, changed) = LabelNoise(fraction: config.labelNoise, seed: config.seed).apply(to: train)
            train = noisy
            labelsChanged = changed.count
        }
        self.train = train
        self.dev = dev
        self.test = test
        self.labelsChanged = labelsChanged
    }
}
