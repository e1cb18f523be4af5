import ArgumentParser
import Plots
import Reports
import RunQueries
import Training

/// A flag for every setting of a run, named as the keys of experiment files are. Values
/// are taken as text and checked by `RunConfig`, so that every bad value gets the same
/// one-line message naming the flag, the value and what is allowed.
struct ConfigOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: help(.hidden, "Hidden layer sizes (default: 128-128)."))
    var hidden: String?
    @Option(parsing: .unconditional, help: help(.activation, "Activation after every hidden layer (default: relu)."))
    var activation: String?
    @Option(
        parsing: .unconditional, help: help(.dropout, "Dropout probability after every hidden activation (default: 0).")
    )
    var dropout: String?
    @Option(
        name: .customLong("weight-decay"), parsing: .unconditional,
        help: help(.weightDecay, "L2 weight decay, as PyTorch's SGD (default: 0)."))
    var weightDecay: String?
    @Option(parsing: .unconditional, help: help(.learningRate, "SGD learning rate (default: 0.01)."))
    var lr: String?
    @Option(parsing: .unconditional, help: help(.momentum, "SGD momentum (default: 0)."))
    var momentum: String?
    @Option(
        name: .customLong("batch-size"), parsing: .unconditional,
        help: help(.batchSize, "Training batch size (default: 100)."))
    var batchSize: String?
    @Option(parsing: .unconditional, help: help(.epochs, "Epochs to train (default: 10)."))
    var epochs: String?
    @Option(
        name: .customLong("clip-norm"), parsing: .unconditional,
        help: help(.clipNorm, "Clip gradients to this global L2 norm (default: none)."))
    var clipNorm: String?
    @Option(
        parsing: .unconditional,
        help: help(.initialization, "Weight initialisation; auto = Xavier for tanh, PyTorch's default otherwise."))
    var `init`: String?
    @Option(
        parsing: .unconditional,
        help: help(.seed, "Seed of the weights, shuffles and dropout masks, 0 to 2^63-1 (default: 1)."))
    var seed: String?
    @Option(parsing: .unconditional, help: help(.threads, "BLAS threads (default: the cores, shared between --jobs)."))
    var threads: String?
    @Option(parsing: .unconditional, help: help(.dataset, "Dataset (default: mnist)."))
    var dataset: String?
    @Option(
        name: .customLong("train-limit"), parsing: .unconditional,
        help: help(.trainLimit, "Train on the first N training images only."))
    var trainLimit: String?

    private static func help(_ key: ConfigKey, _ text: String) -> ArgumentHelp {
        ArgumentHelp(text, valueName: key == .hidden ? "sizes" : "value")
    }

    /// The settings given, each checked. `validate()` reports the first bad one.
    func assignments() throws -> [Assignment] {
        let given: [(ConfigKey, String?)] = [
            (.hidden, hidden), (.activation, activation), (.dropout, dropout), (.weightDecay, weightDecay),
            (.learningRate, lr), (.momentum, momentum), (.batchSize, batchSize), (.epochs, epochs),
            (.clipNorm, clipNorm), (.initialization, `init`), (.seed, seed), (.threads, threads),
            (.dataset, dataset), (.trainLimit, trainLimit),
        ]
        return try given.compactMap { key, text -> Assignment? in
            guard let text else { return nil }
            do {
                return try Assignment(key, text)
            } catch let invalid as InvalidConfigValue {
                throw ValidationError(invalid.flagMessage)
            }
        }
    }

    func validate() throws {
        _ = try assignments()
    }
}
