import TestSupport
import Testing

@testable import Datasets

@Suite("Dataset survey")
struct DatasetSurveyTests {
    let tiny = TinyDataset()

    @Test func verifiesEachFileOfTheDirectoryInUse() throws {
        let root = try TemporaryDirectory()
        try tiny.write(into: root, "env/tiny")
        // A valid file with other content, and a broken one.
        try root.write("env/tiny/t10k-images-idx3-ubyte.gz", IDXFixture.images(count: 5, rows: 2, columns: 3, seed: 1))
        let broken = try root.write(
            "env/tiny/t10k-labels-idx1-ubyte.gz", Array(Gzip.stored(tiny.contents[3]).dropLast(3)))
        let search = DataSearchPath(trackerData: root.path + "/env", workingDirectory: root.path)
        let survey = DatasetSurvey(tiny.dataset, search: search)
        #expect(survey.location?.directory.path == root.path + "/env/tiny")
        #expect(survey.scans.map(\.exists) == [true, false])
        #expect(
            survey.checks.map(\.bytes) == [
                Gzip.stored(tiny.contents[0]).count, Gzip.stored(tiny.contents[1]).count, 16 + 30,
                Gzip.stored(tiny.contents[3]).count - 3,
            ])
        #expect(survey.checks[0].status == .verified)
        #expect(survey.checks[1].status == .verified)
        #expect(
            survey.checks[2].status
                == .differs(actual: MD5.digest(IDXFixture.images(count: 5, rows: 2, columns: 3, seed: 1))))
        #expect(
            survey.checks[3].status
                == .invalid(DataFileError(path: broken, fault: .corruptGzip("unexpected end of file"))))
    }

    @Test func aMissingDatasetHasNoChecks() throws {
        let root = try TemporaryDirectory()
        try tiny.write(into: root, "cwd/data/tiny", only: [2])
        let survey = DatasetSurvey(tiny.dataset, search: DataSearchPath(workingDirectory: root.path + "/cwd"))
        #expect(survey.location == nil && survey.checks.isEmpty)
        #expect(
            survey.scans.map(\.description) == [
                "\(root.path)/cwd/data/tiny (./data): 1 of 4 files, missing train-images-idx3-ubyte.gz, "
                    + "train-labels-idx1-ubyte.gz, t10k-labels-idx1-ubyte.gz"
            ])
    }
}
