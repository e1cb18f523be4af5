import Engine
import SQLite
import Store
import Testing
import TrackerFixtures

@testable import Training

/// A setting added to one layer and not the others fails here rather than in a user's
/// database.
@Suite struct RunSettingTests {
    /// Fields of `TrainingConfig` that users do not set and runs do not store. None today;
    /// a field added to the engine goes to `RunSetting.all` or, with the reason, here.
    static let engineOnlyFields: Set<String> = []

    /// A value other than the default for each key; exhaustive, so a new key needs one.
    static func sample(_ key: ConfigKey) -> String {
        switch key {
        case .hidden: "64-32"
        case .activation: "sigmoid"
        case .dropout: "0.5"
        case .weightDecay: "0.01"
        case .learningRate: "0.2"
        case .momentum: "0.5"
        case .batchSize: "7"
        case .epochs: "3"
        case .clipNorm: "2"
        case .initialization: "xavier"
        case .seed: "9"
        case .threads: "3"
        case .dataset: "fashion-mnist"
        case .trainLimit: "100"
        case .optimizer: "adamw"
        case .beta1: "0.8"
        case .beta2: "0.99"
        case .eps: "1e-6"
        case .lrSchedule: "cosine"
        case .lrStepEpochs: "4"
        case .lrGamma: "0.5"
        case .warmupEpochs: "2"
        case .earlyStop: "3"
        case .earlyStopMetric: "dev-accuracy"
        case .labelNoise: "0.2"
        case .inputNoise: "0.3"
        case .trainSubset: "balanced"
        }
    }

    @Test func everyConfigKeyHasOneSetting() {
        for key in ConfigKey.allCases {
            #expect(RunSetting.all.filter { $0.key == key }.count == 1, "\(key.rawValue)")
        }
        #expect(RunSetting.all.count == ConfigKey.allCases.count)
        #expect(Set(RunSetting.all.map(\.jsonKey)).count == RunSetting.all.count)
        #expect(Set(RunSetting.all.map(\.column)).count == RunSetting.all.count)
        #expect(RunSetting.all.allSatisfy { !$0.jsonKey.isEmpty && !$0.requirement.isEmpty })
    }

    /// The storage half lives in Store, where the queries read it: each entry pairs with
    /// exactly one `RunSetting`, under the key its flag has.
    @Test func everyStoredSettingIsOneRunSetting() {
        #expect(RunSetting.all.map(\.stored) == StoredSetting.all)
        for setting in RunSetting.all {
            #expect(setting.stored.key == setting.key.rawValue)
        }
        #expect(ConfigKey(named: "learning-rate") == .learningRate)
        #expect(ConfigKey(named: "architecture") == .hidden)
        #expect(ConfigKey(named: "lr") == .learningRate)
        #expect(ConfigKey(named: "learning_rate") == nil)
    }

    @Test func everyEngineFieldIsASetting() throws {
        let fields = Set(Self.fields(of: TrainingConfig()).keys)
        var reached: Set<String> = []
        for setting in RunSetting.all {
            var config = RunConfig()
            try config.set(setting.key, from: Self.sample(setting.key))
            let before = Self.fields(of: RunConfig().trainingConfig)
            let after = Self.fields(of: config.trainingConfig)
            let changed = fields.filter { before[$0] != after[$0] }
            #expect(changed.count <= 1, "\(setting.key.rawValue) sets \(changed.sorted())")
            #expect(!changed.isEmpty || config != RunConfig(), "\(setting.key.rawValue) sets nothing")
            reached.formUnion(changed)
        }
        #expect(fields.subtracting(Self.engineOnlyFields) == reached)
        #expect(Self.engineOnlyFields.isSubset(of: fields))
    }

    /// Settings added after runs were first stored are left out of the JSON at their
    /// defaults, so the trials stored before them keep their hashes.
    @Test func aConfigOfTheFirstSettingsKeepsItsJSONAndHash() throws {
        let config = RunConfig()
        #expect(
            config.canonicalJSON
                == #"{"activation":"relu","batch_size":100,"dataset":"mnist","dropout":0,"epochs":10,"#
                + #""hidden":[128,128],"init":"auto","learning_rate":0.01,"momentum":0,"seed":1,"threads":1,"#
                + #""weight_decay":0}"#)
        let decoded = try RunConfig(storedJSON: config.canonicalJSON, runID: 1)
        #expect(decoded == config)
    }

    @Test func everySettingIsInTheJSONUnderItsKey() throws {
        for setting in RunSetting.all {
            var config = RunConfig()
            try config.set(setting.key, from: Self.sample(setting.key))
            #expect(config.canonicalJSON.contains("\"\(setting.jsonKey)\":"), "\(setting.key.rawValue)")
            #expect(config.canonicalJSON != RunConfig().canonicalJSON, "\(setting.key.rawValue)")
        }
    }

    @Test func everySettingHasAColumnOfRuns() throws {
        let scratch = try ScratchStore()
        let columns = try scratch.store.rows("SELECT name FROM pragma_table_info('runs')").compactMap { $0[0].string }
        #expect(columns.contains("config"))
        for setting in RunSetting.all {
            #expect(columns.contains(setting.column), "\(setting.key.rawValue): no column \(setting.column)")
        }
    }

    @Test func everySettingIsStoredInItsColumn() throws {
        let scratch = try ScratchStore()
        func stored(_ config: RunConfig, _ column: String) throws -> String {
            let parameters = config.runParameters(parameterCount: 10, datasetChecksum: nil, tags: [])
            let run = try scratch.store.createRun(experiment: "settings", parameters)
            let rows = try scratch.store.rows("SELECT \(column) FROM runs WHERE id = ?", [SQLiteValue(run.id)])
            return try #require(rows.first?.first).description
        }
        for setting in RunSetting.all {
            var config = RunConfig()
            try config.set(setting.key, from: Self.sample(setting.key))
            #expect(
                try stored(config, setting.column) != stored(RunConfig(), setting.column), "\(setting.key.rawValue)")
        }
    }

    @Test func theStoredColumnsOfEverySetting() throws {
        var config = RunConfig()
        for key in ConfigKey.allCases {
            try config.set(key, from: Self.sample(key))
        }
        var expected = RunParameters(
            dataset: "fashion-mnist", datasetChecksum: "abc", trainLimit: 100, seed: 9, hidden: [64, 32],
            parameterCount: 10, activation: "sigmoid", initialization: "xavier", dropout: 0.5, weightDecay: 0.01,
            learningRate: 0.2, momentum: 0.5, batchSize: 7, epochs: 3, clipNorm: 2, optimizer: "adamw", threads: 3,
            config: config.canonicalJSON, configHash: config.trialHash, trackerVersion: TrackerVersion.current,
            tags: ["k": "v"])
        expected.columns = [
            .beta1: .real(0.8), .beta2: .real(0.99), .eps: .real(1e-6), .lrSchedule: .text("cosine"),
            .lrStepEpochs: .integer(4), .lrGamma: .real(0.5), .warmupEpochs: .integer(2), .earlyStop: .integer(3),
            .earlyStopMetric: .text("dev-accuracy"), .labelNoise: .real(0.2), .inputNoise: .real(0.3),
            .trainSubset: .text("balanced"),
        ]
        #expect(
            config.runParameters(parameterCount: 10, datasetChecksum: "abc", tags: [Tag(key: "k", value: "v")])
                == expected)
    }

    /// A `TrainingConfig`'s stored properties by name, each described.
    static func fields(of config: TrainingConfig) -> [String: String] {
        Dictionary(
            Mirror(reflecting: config).children.compactMap { child in child.label.map { ($0, "\(child.value)") } },
            uniquingKeysWith: { first, _ in first })
    }
}
