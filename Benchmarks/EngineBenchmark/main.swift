import BenchmarkSupport
import Datasets
import Engine

// Training and evaluation throughput of the engine on MNIST, per configuration and BLAS
// thread count, with the implied GFLOP/s (6 × parameters per training sample), and the
// raw `cblas_sgemm` figures to compare with. Build in release:
//   swift run -c release EngineBenchmark [--data DIR] [--threads 1,2] [--only TEXT]
//     [--epochs N] [--samples N] [--batch N] [--dropout P] [--weight-decay WD] [--momentum M]
//     [--gemm-only] [--no-gemm]
// --dropout, --weight-decay and --momentum (default 0, plain SGD) measure the seed study's
// regularised runs, and momentum's general optimiser path, on the same models.
// Without --data, MNIST is looked for as tracker looks for it ($TRACKER_DATA/mnist, then
// ./data/mnist); with it, only in DIR or DIR/mnist. Benchmarks/EngineBenchmark/pytorch_reference.py
// runs the same models and loop in PyTorch and prints the same columns.
// "eval %" is the share of a full epoch of the study (50,000 images trained, then
// train, dev and test evaluated: 70,000) that evaluation takes at the measured rates.

struct Configuration {
    let name: String
    let hidden: [Int]
    let activation: Activation
    let batchSize: Int
    /// Training images per epoch (a prefix of the training set), keeping slow configurations short.
    let samples: Int
}

let configurations = [
    Configuration(name: "128-128 tanh b100", hidden: [128, 128], activation: .tanh, batchSize: 100, samples: 50000),
    Configuration(name: "128-128 tanh b10", hidden: [128, 128], activation: .tanh, batchSize: 10, samples: 20000),
    Configuration(name: "128-128 tanh b1", hidden: [128, 128], activation: .tanh, batchSize: 1, samples: 5000),
    Configuration(
        name: "800-800-800 relu b10", hidden: [800, 800, 800], activation: .relu, batchSize: 10, samples: 5000),
    Configuration(
        name: "800-800-800 relu b2000", hidden: [800, 800, 800], activation: .relu, batchSize: 2000, samples: 20000),
    Configuration(
        name: "512-256-128-64-32-16 relu b8000", hidden: [512, 256, 128, 64, 32, 16], activation: .relu,
        batchSize: 8000, samples: 50000),
]

struct Options {
    /// Where to look for MNIST; nil for tracker's usual places.
    var data: String?
    var threads: [Int]
    var only: String?
    var epochs: Int
    var samples: Int?
    var batchSize: Int?
    var dropout = 0.0, weightDecay = 0.0, momentum = 0.0
    var gemm: Bool
    var training: Bool

    init(_ arguments: [String]) throws {
        let options = try BenchmarkArguments(
            arguments,
            options: [
                "--data", "--threads", "--only", "--epochs", "--samples", "--batch", "--dropout", "--weight-decay",
                "--momentum",
            ],
            flags: ["--gemm-only", "--no-gemm"])
        data = options.string("--data")
        threads = try options.ints("--threads", default: [1, 2], minimum: 1)
        only = options.string("--only")
        epochs = try options.int("--epochs", default: 2, minimum: 1)
        samples = try options.int("--samples", minimum: 1)
        batchSize = try options.int("--batch", minimum: 1)
        training = !options.flag("--gemm-only")
        gemm = !options.flag("--no-gemm")
        for (name, value) in [
            ("--dropout", \Options.dropout), ("--weight-decay", \.weightDecay), ("--momentum", \.momentum),
        ] {
            guard let text = options.string(name) else { continue }
            guard let number = Double(text), number >= 0, number < 1 else {
                throw BenchmarkError("\(name) needs a number in [0, 1), not \(text)")
            }
            self[keyPath: value] = number
        }
    }
}

/// Keeps the fastest of the timed epochs (the first epoch warms caches and threads up), on
/// the wall clock and in CPU time (from the end of an epoch's first batch to its last).
final class BestEpoch: TrainingObserver {
    var trainingRate = 0.0, evaluationRate = 0.0, testAccuracy = 0.0, cpuRate = 0.0
    private var firstBatch = (cpuSeconds: 0.0, samples: 0)

    /// Evaluation's share of the wall time of a full epoch of the study at the best rates.
    var evaluationShare: Double {
        let training = 50_000 / trainingRate
        let evaluation = 70_000 / evaluationRate
        return evaluation / (training + evaluation)
    }

    func batchEnded(_ progress: BatchProgress) -> TrainingDecision {
        if progress.batch == 1 {
            firstBatch = (processCPUSeconds(), progress.samplesSeen)
        } else if progress.batch == progress.batchCount && progress.epoch > 1 {
            let rate = Double(progress.samplesSeen - firstBatch.samples) / (processCPUSeconds() - firstBatch.cpuSeconds)
            if rate.isFinite { cpuRate = max(cpuRate, rate) }
        }
        return .proceed
    }

    func epochEnded(_ report: EpochReport, checkpoint: () -> TrainingCheckpoint) -> TrainingDecision {
        if report.epoch > 1 {
            trainingRate = max(trainingRate, report.samplesPerSecond)
            evaluationRate = max(evaluationRate, report.evaluationSamplesPerSecond)
        }
        testAccuracy = report.test.accuracy
        return .proceed
    }
}

Benchmark.main {
    let options = try Options(Benchmark.arguments)
    print("OpenBLAS core: \(BLAS.coreName), small-matrix kernels: \(BLAS.hasSmallMatrixKernels ? "used" : "none")")
    if options.gemm {
        print("\n\("sgemm shape".leftAligned(26)) \("thr".rightAligned(3)) \("GFLOP/s".rightAligned(8))")
        for threads in options.threads {
            BLAS.threads = threads
            for shape in GEMMPeak.shapes {
                let rate = GEMMPeak.measure(shape)
                print(
                    "\(shape.label.leftAligned(26)) \(String(threads).rightAligned(3)) \(Figures.fixed(rate, 1).rightAligned(8))"
                )
            }
        }
    }
    guard options.training else { return }
    let mnist = try DatasetSplits.load(.mnist, search: .current(explicitDirectory: options.data))
    let (train, dev, test) = (mnist.train, mnist.dev, mnist.test)
    print(
        "\n\("configuration".leftAligned(34)) \("thr".rightAligned(3)) \("train/s".rightAligned(10)) "
            + "\("eval/s".rightAligned(10)) \("eval %".rightAligned(6)) \("GFLOP/s".rightAligned(8))  test acc  "
            + "\("train/cpu-s".rightAligned(11))")
    for threads in options.threads {
        for configuration in configurations where options.only.map({ configuration.name.contains($0) }) ?? true {
            let config = TrainingConfig(
                hidden: configuration.hidden, activation: configuration.activation, dropout: options.dropout,
                weightDecay: options.weightDecay, learningRate: 0.01, momentum: options.momentum,
                batchSize: options.batchSize ?? configuration.batchSize, epochs: options.epochs + 1, seed: 0,
                threads: threads
            )
            let trainer = try Trainer(
                config: config, train: train.prefix(options.samples ?? configuration.samples), dev: dev, test: test)
            let observer = BestEpoch()
            _ = trainer.train(observer: observer)
            let gflops = observer.trainingRate * 6 * Double(trainer.parameterCount) / 1e9
            let name = options.batchSize.map { "\(configuration.name) → b\($0)" } ?? configuration.name
            print(
                "\(name.leftAligned(34)) \(String(threads).rightAligned(3)) "
                    + "\(Figures.fixed(observer.trainingRate, 0).rightAligned(10)) "
                    + "\(Figures.fixed(observer.evaluationRate, 0).rightAligned(10)) "
                    + "\(Figures.fixed(100 * observer.evaluationShare, 1).rightAligned(6)) "
                    + "\(Figures.fixed(gflops, 1).rightAligned(8))  \(Figures.fixed(observer.testAccuracy, 4))  "
                    + "\(Figures.fixed(observer.cpuRate, 0).rightAligned(11))"
            )
        }
    }
}
