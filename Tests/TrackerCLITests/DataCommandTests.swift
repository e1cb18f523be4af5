import Foundation
import Plots
import TestSupport
import Testing

/// `tracker data …` end to end: the built binary's output and exit status, exactly.
@Suite("tracker data")
struct DataCommandTests {
    @Test func listWhenNothingIsThere() throws {
        let directory = try TemporaryDirectory()
        let outcome = try TrackerProcess.run(["data", "list", "--dir", "missing"], in: directory.path)
        let root = directory.path
        #expect(
            outcome
                == .init(
                    status: 0,
                    stdout: """
                        mnist: not found
                          \(root)/missing: no such directory
                          \(root)/missing/mnist: no such directory
                          get it with `tracker data fetch mnist --data-dir missing`

                        fashion-mnist: not found
                          \(root)/missing: no such directory
                          \(root)/missing/fashion-mnist: no such directory
                          get it with `tracker data fetch fashion-mnist --data-dir missing`

                        """, stderr: ""))
    }

    @Test func listReadsTrackerData() throws {
        let directory = try TemporaryDirectory()
        let outcome = try TrackerProcess.run(
            ["data", "list"], in: directory.path, environment: ["TRACKER_DATA": directory.path + "/store"])
        #expect(outcome.status == 0)
        #expect(
            outcome.stdout.hasPrefix(
                "mnist: not found\n  \(directory.path)/store/mnist ($TRACKER_DATA): no such directory\n"))
    }

    @Test(arguments: ["nope", "MNIST", ""])
    func unknownDatasetName(name: String) throws {
        let directory = try TemporaryDirectory()
        let outcome = try TrackerProcess.run(["data", "fetch", name], in: directory.path)
        #expect(
            outcome
                == .init(
                    status: 64, stdout: "",
                    stderr: "Error: unknown dataset '\(name)'; valid names: mnist, fashion-mnist\n"))
    }

    @Test(arguments: ["ftp://example.org/", "example.org/mnist", "http://"])
    func badMirror(mirror: String) throws {
        let directory = try TemporaryDirectory()
        let outcome = try TrackerProcess.run(["data", "fetch", "mnist", "--mirror", mirror], in: directory.path)
        #expect(
            outcome
                == .init(
                    status: 64, stdout: "",
                    stderr: "Error: --mirror must be an http:// or https:// URL, got '\(mirror)'\n"))
    }

    @Test func missingName() throws {
        let directory = try TemporaryDirectory()
        let outcome = try TrackerProcess.run(["data", "fetch"], in: directory.path)
        #expect(outcome == .init(status: 64, stdout: "", stderr: "Error: Missing expected argument '<name>'\n"))
    }

    /// Nothing listens on port 1 of the loopback address: the mirror is unreachable.
    @Test func offline() throws {
        let directory = try TemporaryDirectory()
        let outcome = try TrackerProcess.run(
            ["data", "fetch", "mnist", "--mirror", "http://127.0.0.1:1", "--dir", "out"], in: directory.path)
        let url = "http://127.0.0.1:1/train-images-idx3-ubyte.gz"
        #expect(
            outcome
                == .init(
                    status: 1,
                    stdout: "downloading \(url)\n\(url): connection refused\n",
                    stderr:
                        "Error: could not reach any mirror of mnist (\(url): connection refused). Without a network, copy "
                        + "train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and "
                        + "t10k-labels-idx1-ubyte.gz (gzipped or not) into \(directory.path)/out\n"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/out"))
    }
}
