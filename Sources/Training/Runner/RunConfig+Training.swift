import Datasets
import Engine
import Store

extension RunConfig {
    /// The row a run of this configuration starts with, on `data` prepared from `splits`,
    /// with the environment that decides its rounding.
    func runParameters(data: DatasetSplits, prepared: PreparedData, tags: [Tag]) -> RunParameters {
        var parameters = runParameters(
            parameterCount: trainingConfig.parameterCount(
                inputs: data.train.featureCount, outputs: data.train.classCount),
            datasetChecksum: data.checksum.description, tags: tags)
        parameters.columns[.labelsChanged] = .integer(prepared.labelsChanged)
        parameters.columns[.blasCore] = .text(BLAS.coreName)
        if let model = CPUModel.current { parameters.columns[.cpuModel] = .text(model) }
        return parameters
    }

    /// The row a run of this configuration starts with. The settings' columns are written
    /// by their `RunSetting`s, over the placeholders given here.
    func runParameters(parameterCount: Int, datasetChecksum: String?, tags: [Tag]) -> RunParameters {
        var parameters = RunParameters(
            dataset: "", datasetChecksum: datasetChecksum, seed: 0, hidden: [], parameterCount: parameterCount,
            activation: "", initialization: "", learningRate: 0, batchSize: 0, epochs: 0, optimizer: "sgd",
            config: canonicalJSON, configHash: trialHash, trackerVersion: TrackerVersion.current,
            tags: Dictionary(tags.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 }))
        for setting in RunSetting.all {
            setting.store(self, &parameters)
        }
        return parameters
    }

    /// How a run of this configuration is named in progress lines: `128-128 tanh seed 1`,
    /// or the grid values that tell it apart from the other trials of its experiment.
    func label(varied: [Assignment] = []) -> String {
        let distinguishing = varied.filter { $0.key != .seed }
        let settings =
            distinguishing.isEmpty
            ? "\(architecture) \(self.activation.rawValue)"
            : distinguishing.map { "\($0.key.rawValue) \($0.text)" }.joined(separator: " ")
        return "\(settings) seed \(self.seed)"
    }
}

extension DatasetSplits {
    /// Loads the data `config` trains on, looked for in `dataDirectory` when given: the
    /// whole training split when its subset is chosen by class.
    static func load(for config: RunConfig, dataDirectory: String?) throws -> DatasetSplits {
        try DatasetSplits.load(
            Dataset.named(config.dataset), search: .current(explicitDirectory: dataDirectory),
            trainLimit: config.trainSubset == .first ? config.trainLimit : nil)
    }
}
