import Datasets
import Engine
import Foundation

// Training and evaluation throughput of the engine on MNIST, per configuration and BLAS
// thread count, with the implied GFLOP/s (6 × parameters per training sample), and the
// raw `cblas_sgemm` figures to compare with. Build in release:
//   swift run -c release EngineBenchmark [--data DIR] [--threads 1,2] [--only TEXT]
//     [--epochs N] [--samples N] [--batch N] [--gemm-only] [--no-gemm]
// DIR defaults to $TRACKER_DATA/mnist. Benchmarks/EngineBenchmark/pytorch_reference.py
// runs the same models and loop in PyTorch and prints the same columns.

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
    Configuration(name: "800-800-800 relu b10", hidden: [800, 800, 800], activation: .relu, batchSize: 10, samples: 5000),
    Configuration(name: "800-800-800 relu b2000", hidden: [800, 800, 800], activation: .relu, batchSize: 2000, samples: 20000),
    Configuration(name: "512-256-128-64-32-16 relu b8000", hidden: [512, 256, 128, 64, 32, 16], activation: .relu, batchSize: 8000, samples: 50000),
]

struct Options {
    var data = ProcessInfo.processInfo.environment["TRACKER_DATA"].map { "\($0)/mnist" } ?? "data/mnist"
    var threads = [1, 2]
    var only: String?
    var epochs = 2
    var samples: Int?
    var batchSize: Int?
    var gemm = true
    var training = true

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        func value(_ flag: String) throws -> String {
            guard let value = rest.popFirst() else { throw MNISTReader.Failure(description: "\(flag) needs a value") }
            return value
        }
        while let flag = rest.popFirst() {
            switch flag {
            case "--data": data = try value(flag)
            case "--threads": threads = try value(flag).split(separator: ",").compactMap { Int($0) }
            case "--only": only = try value(flag)
            case "--epochs": epochs = Int(try value(flag)) ?? epochs
            case "--samples": samples = Int(try value(flag))
            case "--batch": batchSize = Int(try value(flag))
            case "--gemm-only": training = false
            case "--no-gemm": gemm = false
            default: throw MNISTReader.Failure(description: "unknown option \(flag)")
            }
        }
    }
}

/// Keeps the fastest of the timed epochs (the first epoch warms caches and threads up).
final class BestEpoch: TrainingObserver {
    var trainingRate = 0.0, evaluationRate = 0.0, testAccuracy = 0.0

    func epochEnded(_ report: EpochReport, checkpoint: () -> TrainingCheckpoint) -> TrainingDecision {
        if report.epoch > 1 {
            trainingRate = max(trainingRate, report.samplesPerSecond)
            evaluationRate = max(evaluationRate, report.evaluationSamplesPerSecond)
        }
        testAccuracy = report.test.accuracy
        return .proceed
    }
}

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}

func run() throws {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    print("OpenBLAS core: \(BLAS.coreName)")
    if options.gemm {
        print("\n\("sgemm shape".padding(toLength: 26, withPad: " ", startingAt: 0)) \(pad("thr", 3)) \(pad("GFLOP/s", 8))")
        for threads in options.threads {
            BLAS.threads = threads
            for shape in GEMMPeak.shapes {
                let rate = GEMMPeak.measure(shape)
                print("\(shape.label.padding(toLength: 26, withPad: " ", startingAt: 0)) \(pad("\(threads)", 3)) \(pad(String(format: "%.1f", rate), 8))")
            }
        }
    }
    guard options.training else { return }
    let (train, dev, test) = try MNISTReader.load(from: options.data)
    print("\n\("configuration".padding(toLength: 34, withPad: " ", startingAt: 0)) \(pad("thr", 3)) \(pad("train/s", 10)) \(pad("eval/s", 10)) \(pad("GFLOP/s", 8))  test acc")
    for threads in options.threads {
        for configuration in configurations where options.only.map({ configuration.name.contains($0) }) ?? true {
            let config = TrainingConfig(
                hidden: configuration.hidden, activation: configuration.activation, learningRate: 0.01,
                batchSize: options.batchSize ?? configuration.batchSize, epochs: options.epochs + 1, seed: 0, threads: threads
            )
            let trainer = try Trainer(config: config, train: train.prefix(options.samples ?? configuration.samples), dev: dev, test: test)
            let observer = BestEpoch()
            _ = trainer.train(observer: observer)
            let gflops = observer.trainingRate * 6 * Double(trainer.parameterCount) / 1e9
            let name = options.batchSize.map { "\(configuration.name) → b\($0)" } ?? configuration.name
            print(
                "\(name.padding(toLength: 34, withPad: " ", startingAt: 0)) \(pad("\(threads)", 3)) "
                    + "\(pad(String(format: "%.0f", observer.trainingRate), 10)) \(pad(String(format: "%.0f", observer.evaluationRate), 10)) "
                    + "\(pad(String(format: "%.1f", gflops), 8))  \(String(format: "%.4f", observer.testAccuracy))"
            )
        }
    }
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
