import Datasets
import Engine
import Foundation
import Store
import TextOutput

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
    /// then each of `differing` (the settings in which the trials of its grid differ,
    /// `differingSettings`) with its value: `16 relu seed 1 momentum 0.9`.
    func label(differing: [RunSetting] = []) -> String {
        let values = differing.isEmpty ? [:] : Self.storedValues(self)
        let settings = differing.map { " \($0.stored.name) \(values[$0.jsonKey] ?? "none")" }
        return "\(architecture) \(self.activation.rawValue) seed \(self.seed)" + settings.joined()
    }

    /// The settings, other than those every label shows (architecture, activation,
    /// seed), that take more than one value among `configs`: the trials of a grid, whose
    /// labels must tell them apart. Threads are left out as `compare` leaves them out,
    /// an execution setting in which replicates may differ.
    static func differingSettings(_ configs: [RunConfig]) -> [RunSetting] {
        let always: [StoredSetting] = [.hidden, .activation, .seed, .threads]
        let candidates = RunSetting.all.filter { !always.contains($0.stored) }
        guard configs.count > 1 else { return [] }
        var seen: [String: Set<String>] = [:]
        for config in configs {
            let values = storedValues(config)
            for setting in candidates { seen[setting.jsonKey, default: []].insert(values[setting.jsonKey] ?? "none") }
        }
        return candidates.filter { (seen[$0.jsonKey]?.count ?? 0) > 1 }
    }

    /// Each setting's value in the stored JSON, as text: `0.9`, `100`, `relu`.
    private static func storedValues(_ config: RunConfig) -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(config.canonicalJSON.utf8)),
            let fields = object as? [String: Any]
        else { return [:] }
        return fields.compactMapValues { value in
            if let number = value as? NSNumber { return NumberText.setting(number.doubleValue) }
            return value as? String
        }
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
