import Datasets
import Foundation
import TestSupport
import Testing
import TextOutput

@testable import Training

/// Fetching from a local HTTP server on 127.0.0.1 that each test starts.
@Suite("Dataset fetcher")
struct DatasetFetcherTests {
    private let names = Dataset.mnist.files.map(\.name)

    @Test func downloadsEveryFileAndVerifiesIt() throws {
        let server = try LocalHTTPServer(routes: FetchFixture.routes())
        let directory = try TemporaryDirectory()
        let destination = directory.path + "/new/tiny"
        let recorder = Recorder()
        let fetcher = DatasetFetcher(dataset: FetchFixture.dataset(mirrors: [server.baseURL]), destination: destination)
        let downloaded = try fetcher.run(observer: recorder.record)
        #expect(downloaded == names)
        #expect(try directory.contents("new/tiny") == names.sorted())
        for (name, body) in zip(names, FetchFixture.bodies) {
            #expect(try directory.read("new/tiny/" + name) == body)
        }
        #expect(server.requests == names.map { "/" + $0 })
        let milestones = recorder.events.filter { if case .progress = $0 { false } else { true } }
        #expect(milestones.count == 8)
        #expect(milestones.first == .started(file: names[0], url: server.baseURL + names[0]))
        if case .finished(let file, let bytes, _) = milestones[1] {
            #expect(file == names[0] && bytes == Int64(FetchFixture.bodies[0].count))
        } else {
            Issue.record("expected the first file to finish, got \(milestones[1])")
        }
        let progress = recorder.events.compactMap { event -> Int64? in
            if case .progress(names[0], let received, let expected, _) = event, expected == received {
                return received
            } else {
                return nil
            }
        }
        #expect(progress == [Int64(FetchFixture.bodies[0].count)])
    }

    @Test func filesAlreadyPresentAreNotDownloadedAgain() throws {
        let server = try LocalHTTPServer(routes: FetchFixture.routes())
        let directory = try TemporaryDirectory()
        try directory.write("tiny/train-labels-idx1-ubyte", [1, 2, 3])
        try directory.write("tiny/t10k-images-idx3-ubyte.gz", [4, 5])
        let recorder = Recorder()
        let fetcher = DatasetFetcher(
            dataset: FetchFixture.dataset(mirrors: [server.baseURL]), destination: directory.path + "/tiny")
        #expect(try fetcher.run(observer: recorder.record) == [names[0], names[3]])
        #expect(server.requests == ["/" + names[0], "/" + names[3]])
        #expect(
            recorder.events.contains(.present(file: names[1], path: directory.path + "/tiny/train-labels-idx1-ubyte")))
        #expect(try directory.read("tiny/t10k-images-idx3-ubyte.gz") == [4, 5])
    }

    @Test func theNextMirrorIsTriedWhenOneLacksTheFile() throws {
        let empty = try LocalHTTPServer(routes: [:])
        let full = try LocalHTTPServer(routes: FetchFixture.routes(prefix: "/data"))
        let directory = try TemporaryDirectory()
        let recorder = Recorder()
        let mirrors = [empty.baseURL, full.baseURL + "data/"]
        let fetcher = DatasetFetcher(dataset: FetchFixture.dataset(mirrors: mirrors), destination: directory.path)
        try fetcher.run(observer: recorder.record)
        #expect(try directory.contents() == names.sorted())
        #expect(
            recorder.events.contains(.mirrorFailed(file: names[2], url: empty.baseURL + names[2], reason: "HTTP 404")))
    }

    /// A checksum mismatch names the file, both checksums, and leaves nothing behind.
    @Test func checksumMismatchDiscardsTheDownload() throws {
        var routes = FetchFixture.routes()
        routes["/" + names[1]] = Array("hello".utf8)
        let server = try LocalHTTPServer(routes: routes)
        let directory = try TemporaryDirectory()
        let dataset = FetchFixture.dataset(mirrors: [server.baseURL])
        let error = #expect(throws: FetchError.self) {
            try DatasetFetcher(dataset: dataset, destination: directory.path).run()
        }
        #expect(
            error?.description == "train-labels-idx1-ubyte.gz from \(server.baseURL)train-labels-idx1-ubyte.gz "
                + "has md5 5d41402abc4b2a76b9719d911017c592, expected \(MD5.digest(FetchFixture.bodies[1])); the download was discarded"
        )
        #expect(try directory.contents() == [names[0]])
    }

    @Test func missingEverywhereIsReportedPerMirror() throws {
        let server = try LocalHTTPServer(routes: [:])
        let directory = try TemporaryDirectory()
        let destination = directory.path + "/tiny"
        let error = #expect(throws: FetchError.self) {
            try DatasetFetcher(dataset: FetchFixture.dataset(mirrors: [server.baseURL]), destination: destination).run()
        }
        #expect(
            error?.description
                == "no mirror could serve train-images-idx3-ubyte.gz (\(server.baseURL)train-images-idx3-ubyte.gz: HTTP 404)"
        )
        #expect(try directory.contents() == [], "the directory created for the fetch is removed again")
    }

    /// Nothing listening: the error says the mirrors are unreachable and where to put the files.
    @Test func unreachableMirrorsExplainTheOfflineWay() throws {
        let port = try LocalHTTPServer.closedPort()
        let directory = try TemporaryDirectory()
        let mirrors = ["http://127.0.0.1:\(port)/a/", "http://127.0.0.1:\(port)/b/"]
        let recorder = Recorder()
        let error = #expect(throws: FetchError.self) {
            try DatasetFetcher(dataset: FetchFixture.dataset(mirrors: mirrors), destination: directory.path).run(
                observer: recorder.record)
        }
        let base = "http://127.0.0.1:\(port)"
        let attempts = "\(base)/a/\(names[0]): connection refused; \(base)/b/\(names[0]): connection refused"
        let files =
            "train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz"
        let expected =
            "could not reach any mirror of tiny (\(attempts)). Without a network, copy \(files) (gzipped or not) into \(directory.path)"
        #expect(error?.description == expected)
        #expect(recorder.events.count == 4)
        #expect(try directory.contents() == [])
    }

    @Test func destinationThatCannotBeCreated() throws {
        let directory = try TemporaryDirectory()
        try directory.write("file", [0])
        let error = #expect(throws: FetchError.self) {
            try DatasetFetcher(dataset: FetchFixture.dataset(mirrors: []), destination: directory.path + "/file/tiny")
                .run()
        }
        #expect(error?.description == "cannot create \(directory.path)/file/tiny: Not a directory")
        let occupied = #expect(throws: FetchError.self) {
            try DatasetFetcher(dataset: FetchFixture.dataset(mirrors: []), destination: directory.path + "/file").run()
        }
        #expect(occupied?.description == "cannot create \(directory.path)/file: File exists")
    }

    @Test func mirrorArgumentsAreCheckedAndNormalised() throws {
        #expect(try DatasetFetcher.mirror(from: "http://127.0.0.1:8000") == "http://127.0.0.1:8000/")
        #expect(try DatasetFetcher.mirror(from: "HTTPS://example.org/mnist/") == "HTTPS://example.org/mnist/")
        for garbage in ["", "127.0.0.1:8000", "ftp://example.org/", "http://", "file:///tmp/mnist", "not a url"] {
            let error = #expect(throws: FetchError.self) { try DatasetFetcher.mirror(from: garbage) }
            #expect(error?.description == "--mirror must be an http:// or https:// URL, got '\(garbage)'")
        }
    }

    /// The real MNIST files, copied to the server, arrive byte for byte and load.
    @Test(.enabled(if: RealDatasets.mnist != nil, RealDatasets.skipReason))
    func realMNISTFromALocalMirror() throws {
        let source = try #require(RealDatasets.mnist)
        let bodies = try names.map { Array(try Data(contentsOf: URL(fileURLWithPath: source + "/" + $0))) }
        let server = try LocalHTTPServer(
            routes: Dictionary(uniqueKeysWithValues: zip(names.map { "/mnist/" + $0 }, bodies)))
        let directory = try TemporaryDirectory()
        let output = Recorder()
        let search = DataSearchPath(trackerData: directory.path, workingDirectory: directory.path)
        try DatasetCommands.fetch(
            name: "mnist", mirror: server.baseURL + "mnist", search: search,
            output: StatusLine(isTerminal: false, write: output.write))
        #expect(try directory.contents("mnist") == names.sorted())
        let splits = try DatasetSplits.load(.mnist, search: search, trainLimit: 100)
        #expect(splits.matchesPublished && splits.test.labels.prefix(5) == [7, 2, 1, 0, 4])
        let lines = output.text.split(separator: "\n").map(String.init)
        #expect(lines.count == 9)
        #expect(lines.first == "downloading \(server.baseURL)mnist/train-images-idx3-ubyte.gz")
        #expect(
            lines[1].hasPrefix("train-images-idx3-ubyte.gz: 9.9 MB in ") && lines[1].hasSuffix(" MB/s, md5 verified"))
        #expect(lines.last == "mnist: 4 files in \(directory.path)/mnist (4 downloaded)")
    }
}
