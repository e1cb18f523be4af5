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
    @Option(help: help(.optimizer, "sgd, adam (torch.optim.Adam) or adamw (torch.optim.AdamW) (default: sgd)."))
    var optimizer: String?
    @Option(help: help(.beta1, "Adam's first-moment decay (default: 0.9)."))
    var beta1: String?
    @Option(help: help(.beta2, "Adam's second-moment decay (default: 0.999)."))
    var beta2: String?
    @Option(help: help(.eps, "Adam's epsilon (default: 1e-8)."))
    var eps: String?
    @Option(
        name: .customLong("lr-schedule"),
        help: help(.lrSchedule, "constant, step (StepLR) or cosine (CosineAnnealingLR), per epoch (default: constant).")
    )
    var lrSchedule: String?
    @Option(
        name: .customLong("lr-step-epochs"),
        help: help(.lrStepEpochs, "Epochs between the step schedule's steps (default: 10)."))
    var lrStepEpochs: String?
    @Option(name: .customLong("lr-gamma"), help: help(.lrGamma, "The step schedule's factor (default: 0.1)."))
    var lrGamma: String?
    @Option(
        name: .customLong("warmup-epochs"),
        help: help(.warmupEpochs, "Epochs of linear learning-rate warm-up (default: 0)."))
    var warmupEpochs: String?
    @Option(
        name: .customLong("early-stop"),
        help: help(.earlyStop, "Stop when the dev metric has not improved for this many epochs (default: none)."))
    var earlyStop: String?
    @Option(
        name: .customLong("early-stop-metric"),
        help: help(.earlyStopMetric, "dev-loss or dev-accuracy (default: dev-loss)."))
    var earlyStopMetric: String?
    @Option(
        name: .customLong("label-noise"),
        help: help(.labelNoise, "Fraction of training labels replaced by another class, from the seed (default: 0)."))
    var labelNoise: String?
    @Option(
        name: .customLong("input-noise"),
        help: help(.inputNoise, "Deviation of Gaussian noise added to every pixel of every split (default: 0)."))
    var inputNoise: String?
    @Option(
        name: .customLong("train-subset"),
        help: help(
            .trainSubset, "first: the first --train-limit images; balanced: as many of each class (default: first)."))
    var trainSubset: String?

    private static func help(_ key: ConfigKey, _ text: String) -> ArgumentHelp {
        ArgumentHelp(text, valueName: key == .hidden ? "sizes" : "value")
    }

    /// The settings given, each checked. `validate()` reports the first bad one.
    func assignments() throws -> [Assignment] {
        let given: [(ConfigKey, String?)] = [
            (.hidden, hidden), (.activation, activation), (.dropout, dropout), (.weightDecay, weightDecay),
            (.learningRate, lr), (.momentum, momentum), (.batchSize, batchSize), (.epochs, epochs),
            (.clipNorm, clipNorm), (.initialization, `init`), (.seed, seed), (.threads, threads),
            (.dataset, dataset), (.trainLimit, trainLimit), (.optimizer, optimizer), (.beta1, beta1),
            (.beta2, beta2), (.eps, eps), (.lrSchedule, lrSchedule), (.lrStepEpochs, lrStepEpochs),
            (.lrGamma, lrGamma), (.warmupEpochs, warmupEpochs), (.earlyStop, earlyStop),
            (.earlyStopMetric, earlyStopMetric), (.labelNoise, labelNoise), (.inputNoise, inputNoise),
            (.trainSubset, trainSubset),
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
        if let problem = RunConfig.combinationProblem(of: try assignments()) { throw ValidationError(problem) }
    }
}
