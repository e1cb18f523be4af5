import Foundation
import TestSupport
import Testing

/// Databases that cannot be written or are damaged: read commands work where they can,
/// every refusal is one line naming the file, and the file is left byte for byte as it
/// was, with nothing created beside it.
@Suite("tracker: damaged and read-only databases")
struct DatabasePlaceTests {
    /// Where `report` writes, away from the database's directory.
    static let reports = try? TemporaryDirectory()

    static let readCommands: [[String]] = [
        ["runs"], ["show", "1"], ["compare", "--group", "activation"], ["export"], ["db", "info"],
        ["plot", "--experiment", "activation"], ["experiments"], ["diff", "1", "2"],
        ["report", "--experiment", "activation", "--out", reports?.path("report.html") ?? "/dev/null"],
    ]

    /// `run` checks its data before it opens the database, so it needs the real files.
    static let writeCommands: [[String]] =
        [["delete", "1", "--yes"]]
        + (RealDatasets.root == nil ? [] : [["run", "--hidden", "4", "--epochs", "1", "--train-limit", "100"]])
    static let environment = RealDatasets.root.map { ["TRACKER_DATA": $0] } ?? [:]

    /// What a read command prints on a read-only database: the same, but that `db info`
    /// says how it opened the file.
    static func readOnly(_ output: ProcessOutput, _ arguments: [String]) -> ProcessOutput {
        guard arguments == ["db", "info"] else { return output }
        var output = output
        output.stdout = output.stdout.replacing(
            "journal mode:   wal\n", with: "journal mode:   wal (opened read-only)\n")
        return output
    }

    /// Pages in the middle of the file overwritten, as a failing disk or a stray write
    /// would leave them.
    @Test func aDamagedDatabaseIsRefusedByEveryCommand() throws {
        let fixture = try FixtureDatabase()
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: fixture.path))
        try handle.seek(toOffset: 4096 * 4)
        try handle.write(contentsOf: Data(repeating: 0xFF, count: 4096 * 8))
        try handle.close()
        let before = try fixture.snapshot()
        let line =
            "Error: 'fixture.db' is damaged (SQLite reports the database disk image is malformed); nothing was "
            + "written to it; recover what it holds with: sqlite3 'fixture.db' .recover | sqlite3 recovered.db\n"
        for arguments in Self.readCommands + Self.writeCommands {
            let outcome = try fixture.tracker(arguments, environment: Self.environment)
            #expect(outcome == .init(status: 1, stdout: "", stderr: line), "\(arguments)")
            #expect(try fixture.snapshot() == before, "\(arguments)")
        }
    }

    @Test(.enabled(if: Immutable.isAvailable))
    func aDirectoryNoOneMayWriteIsReadButNotWritten() throws {
        let fixture = try FixtureDatabase()
        let expected = try Self.readCommands.map { try fixture.tracker($0) }
        let before = try fixture.snapshot()
        try Immutable.with(fixture.directory.path) { () throws in
            for (arguments, wanted) in zip(Self.readCommands, expected) {
                #expect(try fixture.tracker(arguments) == Self.readOnly(wanted, arguments), "\(arguments)")
            }
            let line =
                "Error: cannot write to 'fixture.db': its directory '.' is not writable (SQLite keeps its journal "
                + "there); nothing was changed\n"
            for arguments in Self.writeCommands {
                #expect(
                    try fixture.tracker(arguments, environment: Self.environment)
                        == .init(status: 1, stdout: "", stderr: line), "\(arguments)")
            }
        }
        #expect(try fixture.snapshot() == before)
    }

    @Test(.enabled(if: Immutable.isAvailable))
    func aReadOnlyFileIsReadWithNothingLeftBesideIt() throws {
        let fixture = try FixtureDatabase()
        let expected = try Self.readCommands.map { try fixture.tracker($0) }
        let before = try fixture.snapshot()
        try Immutable.with(fixture.path) { () throws in
            for (arguments, wanted) in zip(Self.readCommands, expected) {
                #expect(try fixture.tracker(arguments) == Self.readOnly(wanted, arguments), "\(arguments)")
                #expect(try fixture.directory.contents() == ["fixture.db"], "\(arguments)")
            }
            let line = "Error: cannot write to 'fixture.db': the file is read-only; nothing was changed\n"
            for arguments in Self.writeCommands {
                #expect(
                    try fixture.tracker(arguments, environment: Self.environment)
                        == .init(status: 1, stdout: "", stderr: line), "\(arguments)")
            }
        }
        #expect(try fixture.snapshot() == before)
    }

    /// An empty file is a valid, empty SQLite database: a read command must not make it
    /// a tracker database.
    @Test func anEmptyFileIsNotTurnedIntoADatabase() throws {
        let directory = try TemporaryDirectory()
        try directory.write("empty.db", [])
        let line = "Error: 'empty.db' is empty, not a tracker database; it was left unchanged\n"
        for arguments in Self.readCommands {
            let outcome = try TrackerProcess.run(arguments + ["--db", "empty.db"], in: directory.path)
            #expect(outcome == .init(status: 1, stdout: "", stderr: line), "\(arguments)")
        }
        #expect(try fileBytes(directory.path("empty.db")).isEmpty)
        #expect(try directory.contents() == ["empty.db"])
    }
}
