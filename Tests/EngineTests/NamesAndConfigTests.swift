import Foundation
import Testing

@testable import Engine

@Suite("Activation and initialization names, configuration checks")
struct NamesAndConfigTests {
    @Test(
        "activation names parse in any letter case",
        arguments: [
            ("ReLU", Activation.relu), ("relu", .relu), ("TANH", .tanh), ("Tanh", .tanh), ("Sigmoid", .sigmoid),
        ])
    func parseActivation(name: String, expected: Activation) throws {
        #expect(try Activation(parsing: name) == expected)
    }

    @Test("an unknown activation is an error listing the valid names", arguments: ["swish", "", "re lu", "relu6"])
    func unknownActivation(name: String) {
        #expect(throws: EngineError("unknown activation '\(name)' (valid: relu, tanh, sigmoid)")) {
            try Activation(parsing: name)
        }
    }

    @Test("initialization names parse; unknown ones list the valid names")
    func parseInitialization() throws {
        #expect(try Initialization(parsing: "Xavier") == .xavier)
        #expect(try Initialization(parsing: "PYTORCH") == .pytorch)
        #expect(throws: EngineError("unknown initialization 'he' (valid: auto, pytorch, xavier)")) {
            try Initialization(parsing: "he")
        }
    }

    @Test("auto resolves to xavier for tanh and to pytorch otherwise, with the seed's bounds")
    func initializationBounds() {
        #expect(Initialization.auto.resolved(for: .tanh) == .xavier)
        #expect(Initialization.auto.resolved(for: .relu) == .pytorch)
        #expect(Initialization.auto.resolved(for: .sigmoid) == .pytorch)
        // √(6 / (784 + 128)) and 1/√784 = 1/28.
        #expect(
            Initialization.auto.weightBound(fanIn: 784, fanOut: 128, activation: .tanh)
                == Float((6.0 / 912).squareRoot()))
        #expect(Initialization.auto.weightBound(fanIn: 784, fanOut: 128, activation: .relu) == Float(1.0 / 28))
        #expect(Initialization.xavier.biasBound(fanIn: 784) == Float(1.0 / 28))
    }

    @Test("hidden sizes round-trip through their label")
    func hiddenLabels() throws {
        #expect(try TrainingConfig.parseHidden("800-800-800") == [800, 800, 800])
        #expect(try TrainingConfig.parseHidden("None") == [])
        #expect(TrainingConfig(hidden: [512, 256, 16]).hiddenLabel == "512-256-16")
        #expect(TrainingConfig(hidden: []).hiddenLabel == "none")
    }

    @Test(
        "malformed hidden sizes are one clear error",
        arguments: ["", "128-", "-128", "128--64", "12a", "0-10", "128x128", "-5"])
    func malformedHidden(text: String) {
        #expect(
            throws: EngineError(
                "invalid hidden layer sizes '\(text)': expected positive integers joined by '-', such as 800-800-800")
        ) {
            try TrainingConfig.parseHidden(text)
        }
    }

    @Test("parameter count and depth")
    func counts() {
        let config = TrainingConfig(hidden: [128, 128])
        // (784 + 1)·128 + (128 + 1)·128 + (128 + 1)·10
        #expect(config.parameterCount(inputs: 784, outputs: 10) == 100_480 + 16_512 + 1_290)
        #expect(config.depth == 2)
        #expect(TrainingConfig(hidden: []).parameterCount(inputs: 784, outputs: 10) == 7850)
    }

    @Test(
        "invalid settings are rejected with the setting and its range",
        arguments: [
            (TrainingConfig(hidden: [128, 0]), "hidden layer sizes must be positive, got 128-0"),
            (TrainingConfig(dropout: 1), "dropout must be in [0, 1), got 1.0"),
            (TrainingConfig(dropout: -0.1), "dropout must be in [0, 1), got -0.1"),
            (TrainingConfig(weightDecay: -1), "weight decay must be a finite number ≥ 0, got -1.0"),
            (TrainingConfig(learningRate: 0), "learning rate must be a finite number > 0, got 0.0"),
            (TrainingConfig(learningRate: .nan), "learning rate must be a finite number > 0, got nan"),
            (TrainingConfig(momentum: 1), "momentum must be in [0, 1), got 1.0"),
            (TrainingConfig(batchSize: 0), "batch size must be at least 1, got 0"),
            (TrainingConfig(epochs: -1), "epochs must be at least 0, got -1"),
            (TrainingConfig(clipNorm: 0), "gradient clipping norm must be a finite number > 0, got 0.0"),
            (TrainingConfig(threads: 0), "threads must be in 1...256, got 0"),
        ])
    func invalidConfig(config: TrainingConfig, message: String) {
        #expect(throws: EngineError(message)) { try config.validate() }
    }

    @Test("the configuration round-trips through JSON")
    func codable() throws {
        let config = TrainingConfig(
            hidden: [800, 800], activation: .tanh, dropout: 0.5, weightDecay: 0.001, learningRate: 0.05,
            momentum: 0.9, batchSize: 10, epochs: 20, clipNorm: 5, initialization: .xavier, seed: 7, threads: 2
        )
        let data = try JSONEncoder().encode(config)
        #expect(try JSONDecoder().decode(TrainingConfig.self, from: data) == config)
        #expect(String(decoding: data, as: UTF8.self).contains("\"activation\":\"tanh\""))
    }
}
