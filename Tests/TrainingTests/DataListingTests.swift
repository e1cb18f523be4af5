import Datasets
import Foundation
import TestSupport
import Testing
import TextOutput

@testable import Training

@Suite("Data listing")
struct DataListingTests {
    @Test func datasetsNotFoundSayWhereTheyWereLookedFor() throws {
        let directory = try TemporaryDirectory()
        try directory.write("cwd/data/mnist/train-images-idx3-ubyte.gz", [0])
        let search = DataSearchPath(
            trackerData: directory.path + "/env", workingDirectory: directory.path + "/cwd",
            systemRoot: directory.path + "/sys")
        let root = directory.path
        #expect(
            DatasetCommands.list(search: search) == """
                mnist: not found
                  \(root)/env/mnist ($TRACKER_DATA): no such directory
                  \(root)/cwd/data/mnist (./data): 1 of 4 files, missing train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz
                  get it with `tracker data fetch mnist`

                fashion-mnist: not found
                  \(root)/env/fashion-mnist ($TRACKER_DATA): no such directory
                  \(root)/cwd/data/fashion-mnist (./data): no such directory
                  \(root)/sys/usr/share/datasets/fashion-mnist (system package): no such directory
                  get it with `tracker data fetch fashion-mnist`

                """)
        var explicit = search
        explicit.explicitDirectory = "elsewhere"
        #expect(
            DatasetCommands.list(search: explicit).hasSuffix(
                "get it with `tracker data fetch fashion-mnist --data-dir elsewhere`\n"))
    }

    /// Real files linked into a temporary tree: a verified copy under the system directory,
    /// and a copy with one swapped and one truncated file under $TRACKER_DATA.
    @Test(.enabled(if: RealDatasets.mnist != nil && RealDatasets.fashionMNIST != nil, RealDatasets.skipReason))
    func verificationOfEachFile() throws {
        let real = try #require(RealDatasets.root)
        let directory = try TemporaryDirectory()
        let root = directory.path
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/env/mnist", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: root + "/sys/usr/share/datasets", withIntermediateDirectories: true)
        try manager.createSymbolicLink(
            atPath: root + "/sys/usr/share/datasets/fashion-mnist", withDestinationPath: real + "/fashion-mnist")
        for name in ["train-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte.gz"] {
            try manager.createSymbolicLink(
                atPath: root + "/env/mnist/" + name, withDestinationPath: real + "/mnist/" + name)
        }
        try manager.createSymbolicLink(
            atPath: root + "/env/mnist/train-labels-idx1-ubyte.gz",
            withDestinationPath: real + "/fashion-mnist/train-labels-idx1-ubyte.gz")
        let labels = try Data(contentsOf: URL(fileURLWithPath: real + "/mnist/t10k-labels-idx1-ubyte.gz"))
        try directory.write("env/mnist/t10k-labels-idx1-ubyte.gz", Array(labels.prefix(1_000)))

        let search = DataSearchPath(
            trackerData: root + "/env", workingDirectory: root + "/cwd", systemRoot: root + "/sys")
        #expect(
            DatasetCommands.list(search: search) == """
                mnist: \(root)/env/mnist ($TRACKER_DATA)
                  train-images-idx3-ubyte.gz  9912422 bytes  verified
                  train-labels-idx1-ubyte.gz    29491 bytes  differs from the published data (md5 9018921c3c673c538a1fc5bad174d6f9, expected a25bea736e30d166cdddb491f175f624)
                  t10k-images-idx3-ubyte.gz   1648877 bytes  verified
                  t10k-labels-idx1-ubyte.gz      1000 bytes  invalid: not gzip data or corrupt (zlib: unexpected end of file)

                fashion-mnist: \(root)/sys/usr/share/datasets/fashion-mnist (system package)
                  train-images-idx3-ubyte.gz  26421856 bytes  verified
                  train-labels-idx1-ubyte.gz     29491 bytes  verified
                  t10k-images-idx3-ubyte.gz    4422079 bytes  verified
                  t10k-labels-idx1-ubyte.gz       5125 bytes  verified

                """)
    }
}
