import Datasets
import Foundation
import Plots
import Store
import TestSupport
import Testing
import Training

/// A run trains on the dataset it names: files that are another published dataset are
/// refused, files that match none are recorded with a warning, and a run continues only
/// on the files it started on.
@Suite(
    "tracker run and resume: which data",
    .enabled(if: RealDatasets.mnist != nil && RealDatasets.fashionMNIST != nil, RealDatasets.skipReason))
struct DataIdentityCommandTests {
    let mnist = RealDatasets.mnist ?? ""
    let fashion = RealDatasets.fashionMNIST ?? ""
    let mnistChecksum = "01e6d083f6df282cb91bed43ee9fefcc"
    let fashionChecksum = "63628360bc173faf5e9e35b423b843e8"

    /// A sandbox whose database holds one interrupted run of MNIST (no epochs yet).
    private func sandboxWithAnInterruptedRun() throws -> (TrackerSandbox, Data) {
        let sandbox = try TrackerSandbox()
        var config = RunConfig()
        config.hidden = [16]
        config.epochs = 1
        config.trainLimit = 100
        config.threads = 1
        do {
            let store = try TrackerStore(path: sandbox.database)
            let id = try store.createRun(
                experiment: "default",
                RunParameters(
                    dataset: "mnist", datasetChecksum: mnistChecksum, trainLimit: 100, seed: 1, hidden: [16],
                    parameterCount: 12_730, activation: "relu", initialization: "pytorch", learningRate: 0.01,
                    batchSize: 100, epochs: 1, config: config.canonicalJSON, configHash: config.trialHash,
                    trackerVersion: "test")
            ).id
            try store.markRun(id, as: .interrupted, error: "stopped by SIGINT (Ctrl-C)")
        }
        return (sandbox, try sandbox.databaseBytes())
    }

    @Test func anotherPublishedDatasetIsRefusedNamingBoth() throws {
        let (sandbox, before) = try sandboxWithAnInterruptedRun()
        let message = """
            Error: the files in \(mnist) are mnist (checksum \(mnistChecksum)), not fashion-mnist \
            (checksum \(fashionChecksum)); give --data-dir the fashion-mnist files

            """
        let single = try sandbox.run([
            "run", "--dataset", "fashion-mnist", "--data-dir", mnist, "--epochs", "1", "--train-limit", "100",
        ])
        #expect(single == .init(status: 1, stdout: "", stderr: message))
        try sandbox.file("grid.yaml", "base: {dataset: fashion-mnist, epochs: 1, train-limit: 100}\nseeds: 2\n")
        for extra in [[], ["--jobs", "2"]] {
            let grid = try sandbox.run(["run", "grid.yaml", "--data-dir", mnist] + extra)
            #expect(grid == .init(status: 1, stdout: "", stderr: message))
        }
        #expect(try sandbox.databaseBytes() == before)
    }

    @Test func aResumeOnOtherFilesIsRefusedNamingBoth() throws {
        let (sandbox, before) = try sandboxWithAnInterruptedRun()
        let outcome = try sandbox.run(["resume", "1", "--data-dir", fashion])
        #expect(
            outcome
                == .init(
                    status: 1, stdout: "",
                    stderr: """
                        Error: run 1 was trained on mnist (checksum \(mnistChecksum)), but the files in \(fashion) \
                        are fashion-mnist (checksum \(fashionChecksum)); give --data-dir the files it was trained on

                        """))
        #expect(try sandbox.databaseBytes() == before)
        // On its own files, it resumes and completes.
        let resumed = try sandbox.run(["resume", "1", "--data-dir", mnist, "--quiet"])
        #expect(resumed.status == 0 && resumed.stderr == "")
        #expect(try sandbox.value("SELECT status FROM runs") == "completed")
    }

    /// MNIST with the first training label changed from 5 to 3: valid files that no
    /// dataset publishes.
    private func editedMNIST() throws -> (TemporaryDirectory, checksum: String) {
        let directory = try TemporaryDirectory()
        for file in Dataset.mnist.files where file.kind == .images || file.name.hasPrefix("t10k") {
            try FileManager.default.copyItem(atPath: mnist + "/" + file.name, toPath: directory.path(file.name))
        }
        let path = directory.path("train-labels-idx1-ubyte")
        let gunzip = try ChildProcess.run(
            URL(fileURLWithPath: "/bin/sh"), ["-c", "gzip -dc '\(mnist)/train-labels-idx1-ubyte.gz' > '\(path)'"])
        #expect(gunzip.status == 0)
        var labels = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(labels.count == 60_008 && labels[8] == 5)
        labels[8] = 3
        try Data(labels).write(to: URL(fileURLWithPath: path))
        var digests = Dataset.mnist.files.map(\.contentMD5)
        digests[1] = MD5.digest(labels)
        return (directory, MD5.digest(digests.flatMap(\.bytes)).description)
    }

    @Test func filesThatMatchNoPublishedDatasetAreRecordedWithAWarning() throws {
        let sandbox = try TrackerSandbox()
        let (edited, checksum) = try editedMNIST()
        let outcome = try sandbox.run([
            "run", "--data-dir", edited.path, "--hidden", "16", "--epochs", "1", "--train-limit", "100", "--threads",
            "1", "--quiet",
        ])
        #expect(outcome.status == 0)
        #expect(
            outcome.stderr
                == "Warning: the mnist files in \(edited.path) match no published dataset (checksum \(checksum), "
                + "published mnist \(mnistChecksum)); the run records their checksum\n")
        #expect(
            try sandbox.rows("SELECT status, dataset, dataset_checksum FROM runs") == [
                ["completed", "mnist", .text(checksum)]
            ])
    }
}
