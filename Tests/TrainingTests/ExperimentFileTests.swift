import Testing
import TextOutput

@testable import Training

@Suite struct ExperimentFileTests {
    func parse(_ text: String) throws -> ExperimentSpec {
        try ExperimentFile.parse(text, file: "exp.yaml", defaultName: "exp")
    }

    func failure(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return (error as? ExperimentFileError)?.description
        }
    }

    @Test func expandsTheCartesianProductWithSeedsInnermost() throws {
        let spec = try parse(
            """
            description: Section 4.1
            base:
              batch-size: 100
              lr: 0.01
              epochs: 10
            grid:
              hidden: [128-128, 128-64-32-16]
              activation: [relu, tanh, sigmoid]
            seeds: [1, 2]
            tags: {study: seed, owner: me}
            """)
        #expect(spec.name == "exp")
        #expect(spec.description == "Section 4.1")
        #expect(spec.tags == [Tag(key: "owner", value: "me"), Tag(key: "study", value: "seed")])
        let trials = spec.trials()
        #expect(trials.count == 12)
        let labels = trials.map { "\($0.config.architecture) \($0.config.activation.rawValue) \($0.config.seed)" }
        #expect(Array(labels.prefix(4)) == ["128-128 relu 1", "128-128 relu 2", "128-128 tanh 1", "128-128 tanh 2"])
        #expect(labels.last == "128-64-32-16 sigmoid 2")
        #expect(trials.allSatisfy { $0.config.batchSize == 100 && $0.config.epochs == 10 })
        #expect(Set(trials.map(\.config.trialHash)).count == 12)
    }

    @Test func aListOfBlocksConcatenatesTheirTrials() throws {
        let spec = try parse(
            """
            name: regularization
            base: {hidden: [800, 800, 800], batch-size: 10}
            grid:
              - {}
              - weight-decay: 0.001
              - dropout: [0.5]
            seeds: 3
            """)
        #expect(spec.name == "regularization")
        let trials = spec.trials()
        #expect(trials.count == 9)
        #expect(trials.map(\.config.seed) == [1, 2, 3, 1, 2, 3, 1, 2, 3])
        #expect(trials[3].config.weightDecay == 0.001 && trials[3].config.dropout == 0)
        #expect(trials[6].config.dropout == 0.5 && trials[6].config.weightDecay == 0)
        #expect(trials.allSatisfy { $0.config.hidden == [800, 800, 800] })
    }

    @Test func overridesWinAndDuplicatesCollapse() throws {
        let spec = try parse("grid: {epochs: [1, 2, 3], activation: [relu, tanh]}")
        let trials = spec.trials(overriding: [try Assignment(.epochs, "1")])
        #expect(trials.count == 2)
        #expect(trials.allSatisfy { $0.config.epochs == 1 })
    }

    @Test func optimisationKeysSetTheirSettings() throws {
        let trials = try parse(
            "base: {optimizer: adamw, beta1: 0.8, eps: 1e-6, lr-schedule: step, lr-step-epochs: 3, lr-gamma: 0.5, "
                + "warmup-epochs: 1, early-stop: 4, early-stop-metric: dev-accuracy}\ngrid: {beta2: [0.99, 0.9]}"
        ).trials()
        #expect(trials.map(\.config.beta2) == [0.99, 0.9])
        let config = trials[0].config.trainingConfig
        #expect(config.optimizer == .adamw && config.beta1 == 0.8 && config.epsilon == 1e-6)
        #expect(config.schedule == .step && config.stepEpochs == 3 && config.gamma == 0.5 && config.warmupEpochs == 1)
        #expect(config.earlyStopPatience == 4 && config.earlyStopMetric == .devAccuracy)
    }

    @Test func withoutGridTheBaseIsOneTrial() throws {
        let trials = try parse("base: {epochs: 2, seed: 9}").trials()
        #expect(trials.count == 1)
        #expect(trials[0].config.epochs == 2 && trials[0].config.seed == 9)
    }

    @Test(arguments: [
        (
            "base:\n  epochs: 2\n  dropuot: 0.5\n",
            "exp.yaml:3: unknown key 'dropuot' in base (valid: hidden, activation, dropout, weight-decay, lr, momentum, batch-size, epochs, clip-norm, init, seed, threads, dataset, train-limit, optimizer, beta1, beta2, eps, lr-schedule, lr-step-epochs, lr-gamma, warmup-epochs, early-stop, early-stop-metric, label-noise, input-noise, train-subset)"
        ),
        (
            "name: x\nmodel: mlp\n",
            "exp.yaml:2: unknown key 'model' in the file (valid: name, description, base, grid, seeds, tags)"
        ),
        ("base:\n  epochs: ten\n", "exp.yaml:2: epochs: ten: expected an integer in 1...1000000"),
        ("base:\n  optimizer: lbfgs\n", "exp.yaml:2: optimizer: lbfgs: expected one of sgd, adam, adamw"),
        (
            "grid:\n  lr-schedule: [step, exponential]\n",
            "exp.yaml:2: grid: lr-schedule: exponential: expected one of constant, step, cosine"
        ),
        (
            "base:\n  early-stop: -3\n",
            "exp.yaml:2: early-stop: -3: expected a patience in epochs, an integer in 1...1000000, or none"
        ),
        ("base:\n  beta2: 1.0\n", "exp.yaml:2: beta2: 1.0: expected a number in [0, 1)"),
        ("grid:\n  dropout: [0, 0.5,\n    1.5]\n", "exp.yaml:3: grid: dropout: 1.5: expected a probability in [0, 1)"),
        (
            "grid:\n  activation: [relu, swish]\n",
            "exp.yaml:2: grid: activation: swish: expected one of relu, tanh, sigmoid"
        ),
        ("base:\n  epochs: {a: 1}\n", "exp.yaml:2: epochs: expected an integer in 1...1000000, found a mapping"),
        ("base: [1, 2]\n", "exp.yaml:1: base: expected a mapping of keys to values, found a list"),
        ("grid:\n  epochs: []\n", "exp.yaml:2: grid: epochs: the list of values is empty"),
        ("grid: []\n", "exp.yaml:1: grid: the list of blocks is empty"),
        (
            "seeds: [1, x]\n",
            "exp.yaml:1: seeds: x: expected a list of integers in 0...9223372036854775807, or a count in 1...10000"
        ),
        (
            "seeds: 0\n",
            "exp.yaml:1: seeds: 0: expected a list of integers in 0...9223372036854775807, or a count in 1...10000"
        ),
        (
            "seeds: 100000000\n",
            "exp.yaml:1: seeds: 100000000: expected a list of integers in 0...9223372036854775807, or a count in 1...10000"
        ),
        ("seeds: [1, 1]\n", "exp.yaml:1: seeds: 1 is listed twice"),
        (
            "seeds: [1, 18446744073709551615]\n",
            "exp.yaml:1: seeds: 18446744073709551615: expected a list of integers in 0...9223372036854775807, or a count in 1...10000"
        ),
        (
            "seeds: [-1]\n",
            "exp.yaml:1: seeds: -1: expected a list of integers in 0...9223372036854775807, or a count in 1...10000"
        ),
        (
            "base: {seed: 18446744073709551615}\n",
            "exp.yaml:1: seed: 18446744073709551615: expected an integer in 0...9223372036854775807"
        ),
        ("base: {seed: -1}\n", "exp.yaml:1: seed: -1: expected an integer in 0...9223372036854775807"),
        (
            "grid: {seed: [1, 9223372036854775808]}\n",
            "exp.yaml:1: grid: seed: 9223372036854775808: expected an integer in 0...9223372036854775807"
        ),
        ("grid:\n  hidden: [16, 32,\n    16]\n", "exp.yaml:3: grid: hidden: 16 is listed twice"),
        ("grid:\n  hidden: [[16, 16], 16-16]\n", "exp.yaml:2: grid: hidden: 16-16 is listed twice"),
        ("grid: {lr: [0.1, 1e-1]}\n", "exp.yaml:1: grid: lr: 1e-1 is listed twice"),
        ("grid: {dataset: [mnist, MNIST]}\n", "exp.yaml:1: grid: dataset: MNIST is listed twice"),
        ("grid: {clip-norm: [none, 'off']}\n", "exp.yaml:1: grid: clip-norm: off is listed twice"),
        (
            "grid:\n  hidden: [\(Array(1...1_000).map(String.init).joined(separator: ", "))]\n"
                + "  lr: [\(Array(1...100).map(String.init).joined(separator: ", "))]\nseeds: 10\n",
            "exp.yaml:2: the grid has 1000000 trials, more than the 100000 one file may hold; split it into several files"
        ),
        (
            "grid:\n- {hidden: [\(Array(1...1_000).map(String.init).joined(separator: ", "))]}\n"
                + "- {lr: [\(Array(1...100).map(String.init).joined(separator: ", "))]}\nseeds: 100\n",
            "exp.yaml:2: the grid has 110000 trials, more than the 100000 one file may hold; split it into several files"
        ),
        (
            "grid: {seed: [1, 2]}\nseeds: 2\n",
            "exp.yaml:2: seeds: the grid also varies seed; give seeds in one place only"
        ),
        ("name: '  '\n", "exp.yaml:1: name: must not be empty"),
        ("tags: {a: [1]}\n", "exp.yaml:1: tags: a: expected text, found a list"),
        ("tags: {'  ': x}\n", "exp.yaml:1: tags: a tag name must not be empty"),
        ("base:\n  [a]: 1\n", "exp.yaml:2: base: keys must be plain names, found a list"),
        ("base:\n  epochs: 1\n  epochs: 2\n", "exp.yaml:2: duplicate key epochs"),
        ("grid: {hidden: [128-128\n", "exp.yaml:2: not valid YAML: did not find expected ',' or ']'"),
        ("", "exp.yaml: the file is empty: expected at least a grid or a base"),
        ("just text\n", "exp.yaml:1: the file: expected a mapping of keys to values, found a single value"),
    ])
    func rejectsBrokenFilesWithFileLineAndKey(text: String, message: String) {
        #expect(failure(text) == message)
    }

    @Test func missingFileIsNamed() {
        #expect(
            throws: ExperimentFileError(
                file: "/nonexistent/x.yaml", line: nil,
                message: "cannot read the file (missing or not readable)")
        ) {
            try ExperimentFile.load(path: "/nonexistent/x.yaml")
        }
    }
}
