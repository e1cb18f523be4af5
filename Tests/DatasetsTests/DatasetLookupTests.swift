import TestSupport
import Testing

@testable import Datasets

@Suite("Dataset lookup")
struct DatasetLookupTests {
    let tiny = TinyDataset()

    /// A search path confined to `root`: $TRACKER_DATA = root/env, cwd = root/cwd, system under root/sys.
    private func search(_ root: TemporaryDirectory, explicit: String? = nil, trackerData: String? = "env")
        -> DataSearchPath
    {
        DataSearchPath(
            explicitDirectory: explicit,
            trackerData: trackerData.map { root.path + "/" + $0 },
            workingDirectory: root.path + "/cwd",
            systemRoot: root.path + "/sys")
    }

    @Test func namesParseAndUnknownNamesListTheValidOnes() throws {
        #expect(try Dataset.named("mnist") == .mnist)
        #expect(try Dataset.named("fashion-mnist") == .fashionMNIST)
        for garbage in ["MNIST", "", "cifar10", "mnist "] {
            let error = #expect(throws: DatasetError.self) { try Dataset.named(garbage) }
            #expect(error?.description == "unknown dataset '\(garbage)'; valid names: mnist, fashion-mnist")
        }
    }

    @Test func registryHoldsThePublishedChecksums() {
        #expect(
            Dataset.mnist.files.map(\.publishedMD5.description) == [
                "f68b3c2dcbeaaa9fbdd348bbdeb94873", "d53e105ee54ea40749a09fcbcd1e9432",
                "9fb629c4189551a2d022fa330f9573f3", "ec29112dd5afa0611ce80d1b7f02629c",
            ])
        #expect(
            Dataset.fashionMNIST.files.map(\.name) == [
                "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
                "t10k-labels-idx1-ubyte.gz",
            ])
        #expect(Dataset.fashionMNIST.trainImages.uncompressedName == "train-images-idx3-ubyte")
        #expect(Dataset.fashionMNIST.systemDirectories == ["/usr/share/datasets/fashion-mnist"])
        #expect(Dataset.mnist.trainSplitCount == 50_000 && Dataset.mnist.featureCount == 784)
    }

    @Test func trackerDataComesBeforeTheWorkingDirectory() throws {
        let root = try TemporaryDirectory()
        let dataset = tiny.dataset(name: "tiny", systemDirectories: ["/usr/share/datasets/tiny"])
        try tiny.write(into: root, "cwd/data/tiny")
        try tiny.write(into: root, "sys/usr/share/datasets/tiny")
        #expect(
            try DatasetLocation.find(dataset, in: search(root)).directory
                == DataDirectory(path: root.path + "/cwd/data/tiny", origin: .workingDirectory))
        try tiny.write(into: root, "env/tiny")
        let found = try DatasetLocation.find(dataset, in: search(root))
        #expect(found.directory == DataDirectory(path: root.path + "/env/tiny", origin: .environment))
        #expect(found.paths == dataset.files.map { root.path + "/env/tiny/" + $0.name })
    }

    @Test func systemCopyIsTheLastResort() throws {
        let root = try TemporaryDirectory()
        let dataset = tiny.dataset(name: "tiny", systemDirectories: ["/usr/share/datasets/tiny"])
        try tiny.write(into: root, "sys/usr/share/datasets/tiny", gzipped: false)
        let found = try DatasetLocation.find(dataset, in: search(root, trackerData: nil))
        #expect(found.directory == DataDirectory(path: root.path + "/sys/usr/share/datasets/tiny", origin: .system))
        #expect(found.paths.first == root.path + "/sys/usr/share/datasets/tiny/train-images-idx3-ubyte")
    }

    /// An explicit directory may hold the files or a NAME subdirectory; nothing else is searched.
    @Test func explicitDirectoryIsTheOnlyPlaceSearched() throws {
        let root = try TemporaryDirectory()
        try tiny.write(into: root, "env/tiny")
        try tiny.write(into: root, "mine/tiny")
        try tiny.write(into: root, "flat")
        #expect(
            try DatasetLocation.find(tiny.dataset, in: search(root, explicit: root.path + "/mine")).directory.path
                == root.path + "/mine/tiny")
        #expect(
            try DatasetLocation.find(tiny.dataset, in: search(root, explicit: "../flat/")).directory.path
                == root.path + "/flat")
        let error = #expect(throws: DatasetError.self) {
            try DatasetLocation.find(tiny.dataset, in: search(root, explicit: root.path + "/elsewhere"))
        }
        #expect(
            error?.description == "tiny not found; searched \(root.path)/elsewhere: no such directory; "
                + "\(root.path)/elsewhere/tiny: no such directory. Get it with `tracker data fetch tiny --data-dir \(root.path)/elsewhere`, "
                + "or put train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and "
                + "t10k-labels-idx1-ubyte.gz (gzipped or not) in one of those directories")
    }

    @Test func decompressedFilesArePreferredAndMayMixWithGzipped() throws {
        let root = try TemporaryDirectory()
        try tiny.write(into: root, "env/tiny", gzipped: true)
        try tiny.write(into: root, "env/tiny", gzipped: false, only: [0, 3])
        let found = try DatasetLocation.find(tiny.dataset, in: search(root))
        #expect(
            found.paths.map { String($0.dropFirst(root.path.count)) } == [
                "/env/tiny/train-images-idx3-ubyte", "/env/tiny/train-labels-idx1-ubyte.gz",
                "/env/tiny/t10k-images-idx3-ubyte.gz", "/env/tiny/t10k-labels-idx1-ubyte",
            ])
    }

    /// Incomplete directories are passed over and reported; the error says how to get the files.
    @Test func notFoundListsEveryPlaceAndWhatItLacks() throws {
        let root = try TemporaryDirectory()
        let dataset = tiny.dataset(name: "tiny", systemDirectories: ["/usr/share/datasets/tiny"])
        try tiny.write(into: root, "env/tiny", only: [0, 1])
        _ = try root.makeDirectory("cwd/data/tiny")
        let error = #expect(throws: DatasetError.self) { try DatasetLocation.find(dataset, in: search(root)) }
        #expect(
            error?.description == "tiny not found; searched "
                + "\(root.path)/env/tiny ($TRACKER_DATA): 2 of 4 files, missing t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz; "
                + "\(root.path)/cwd/data/tiny (./data): 0 of 4 files, missing train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
                + "t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz; "
                + "\(root.path)/sys/usr/share/datasets/tiny (system package): no such directory. "
                + "Get it with `tracker data fetch tiny`, or put train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
                + "t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz (gzipped or not) in one of those directories"
        )
    }

    @Test func relativeAndEmptyTrackerData() {
        let relative = DataSearchPath(trackerData: "shared/./data/", workingDirectory: "/work/x")
        #expect(relative.candidates(for: .mnist).map(\.path) == ["/work/x/shared/data/mnist", "/work/x/data/mnist"])
        let empty = DataSearchPath(trackerData: "", workingDirectory: "/work/x")
        #expect(empty.trackerData == nil)
        #expect(
            empty.candidates(for: .fashionMNIST).map(\.description) == [
                "/work/x/data/fashion-mnist (./data)", "/usr/share/datasets/fashion-mnist (system package)",
            ])
    }

    @Test func fetchDestinationFollowsTheSameOrder() {
        let base = DataSearchPath(workingDirectory: "/w")
        #expect(base.fetchDestination(for: .mnist) == "/w/data/mnist")
        var withData = base
        withData.trackerData = "/srv/data"
        #expect(withData.fetchDestination(for: .mnist) == "/srv/data/mnist")
        withData.explicitDirectory = "downloads"
        #expect(withData.fetchDestination(for: .mnist) == "/w/downloads")
    }
}
