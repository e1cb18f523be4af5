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

    @Test func withoutGridTheBaseIsOneTrial() throws {
        let trials = try parse("base: {epochs: 2, seed: 9}").trials()
        #expect(trials.count == 1)
        #expect(trials[0].config.epochs == 2 && trials[0].config.seed == 9)
    }

    @Test(arguments: [
        (
            "base:\n  epochs: 2\n  dropuot: 0.5\n",
            "exp.yaml:3: unknown key 'dropuot' in base (valid: hidden, activation, dropout, weight-decay, lr, momentum, batch-size, epochs, clip-norm, init, seed, threads, dataset, train-limit)"
        ),
        (
            "name: x\nmodel: mlp\n",
            "exp.yaml:2: unknown key 'model' in the file (valid: name, description, base, grid, seeds, tags)"
        ),
        ("base:\n  epochs: ten\n", "exp.yaml:2: epochs: ten: expected an integer in 1...1000000"),
        ("grid:\n  dropout: [0, 0.5,\n    1.5]\n", "exp.yaml:3: grid: dropout: 1.5: expected a probability in [0, 1)"),
        (
            "grid:\n  activation: [relu, swish]\n",
            "exp.yaml:2: grid: activation: swish: expected one of relu, tanh, sigmoid"
        ),
        ("base:\n  epochs: {a: 1}\n", "exp.yaml:2: epochs: expected an integer in 1...1000000, found a mapping"),
        ("base: [1, 2]\n", "exp.yaml:1: base: expected a mapping of keys to values, found a list"),
        ("grid:\n  epochs: []\n", "exp.yaml:2: grid: epochs: the list of values is empty"),
        ("grid: []\n", "exp.yaml:1: grid: the list of blocks is empty"),
        ("seeds: [1, x]\n", "exp.yaml:1: seeds: x: expected a list of integers >= 0, or a count in 1...10000"),
        ("seeds: 0\n", "exp.yaml:1: seeds: 0: expected a list of integers >= 0, or a count in 1...10000"),
        (
            "seeds: 100000000\n",
            "exp.yaml:1: seeds: 100000000: expected a list of integers >= 0, or a count in 1...10000"
        ),
        ("seeds: [1, 1]\n", "exp.yaml:1: seeds: 1 is listed twice"),
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
