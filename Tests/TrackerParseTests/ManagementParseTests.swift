import Testing

@testable import tracker

/// `tracker delete`, `data list`, `data fetch` and `db info`: every option parsed, every
/// kind of refusal.
@Suite struct ManagementParseTests {
    @Test func deleteTakesIDsOrASelection() throws {
        let byID = try Parsing.command(["delete", "3", "7", "--yes", "--db", "runs.db"], as: DeleteCommand.self)
        #expect(byID.ids == [3, 7] && byID.yes && byID.database.db == "runs.db" && byID.filters.givenOptions.isEmpty)
        let selected = try Parsing.command(
            ["delete", "--experiment", "a", "--status", "failed", "--where", "epochs>=2"], as: DeleteCommand.self)
        #expect(selected.ids.isEmpty && !selected.yes && selected.filters.experiments == ["a"])
        #expect(selected.filters.status == "failed" && selected.filters.conditions == ["epochs>=2"])
        #expect(selected.filters.givenOptions == ["--experiment", "--status", "--where"])
    }

    @Test(arguments: [
        (["delete"], "choose the runs to delete: run ids, or --experiment, --status or --where"),
        (["delete", "--yes"], "choose the runs to delete: run ids, or --experiment, --status or --where"),
        (["delete", "0"], "a run id is a positive number, not 0"),
        (["delete", "2", "-3"], "a run id is a positive number, not -3"),
        (["delete", "2", "x"], "The value 'x' is invalid for '<run>'"),
        (
            ["delete", "1", "--where", "epochs>=2"],
            "run ids and --experiment, --status or --where both choose runs: give one or the other"
        ),
        (["delete", "--experiment", " "], "--experiment needs a name"),
        (["delete", "1", "--bogus"], "Unknown option '--bogus'"),
        (["delete", "1", "--yes=1"], "The option '--yes' does not take any value, but '1' was specified."),
    ])
    func deleteRefuses(arguments: [String], message: String) {
        #expect(Parsing.refusal(arguments) == .usage(message))
    }

    @Test func dataListAndFetchTakeEveryOption() throws {
        let list = try Parsing.command(["data", "list", "--data-dir", "data"], as: DataCommand.List.self)
        #expect(list.dataDir == "data" && list.legacy.dir == nil)
        // The old name still works, out of the help.
        #expect(try Parsing.command(["data", "list", "--dir", "old"], as: DataCommand.List.self).legacy.dir == "old")
        #expect(try Parsing.command(["data", "list"], as: DataCommand.List.self).dataDir == nil)
        let fetch = try Parsing.command(
            ["data", "fetch", "fashion-mnist", "--mirror", "http://127.0.0.1:8000/", "--data-dir", "data"],
            as: DataCommand.Fetch.self)
        #expect(fetch.name == "fashion-mnist" && fetch.mirror == "http://127.0.0.1:8000/" && fetch.dataDir == "data")
        let plain = try Parsing.command(["data", "fetch", "mnist"], as: DataCommand.Fetch.self)
        #expect(plain.mirror == nil && plain.dataDir == nil)
    }

    @Test(arguments: [
        (["data", "fetch"], "Missing expected argument '<name>'"),
        (["data", "list", "--data-dir"], "Missing value for '--data-dir <data-dir>'"),
        (
            ["data", "list", "--dir", "a", "--data-dir", "b"],
            "--dir is the old name of --data-dir: give --data-dir alone"
        ),
        (["data", "list", "extra"], "Unexpected argument 'extra'"),
        (["data", "bogus"], "Unexpected argument 'bogus'"),
        (["data", "fetch", "mnist", "--bogus"], "Unknown option '--bogus'"),
    ])
    func dataRefuses(arguments: [String], message: String) {
        #expect(Parsing.refusal(arguments) == .usage(message))
    }

    @Test func dbInfoTakesADatabase() throws {
        #expect(
            try Parsing.command(["db", "info", "--db", "runs.db"], as: DBCommand.Info.self).database.db == "runs.db")
        #expect(try Parsing.command(["db", "info"], as: DBCommand.Info.self).database.db == nil)
    }

    @Test(arguments: [
        (["db", "info", "--db", ""], "--db needs a file path"),
        (["db", "info", "--db"], "Missing value for '--db <path>'"),
        (["db", "info", "--bogus"], "Unknown option '--bogus'"),
        (["db", "bogus"], "Unexpected argument 'bogus'"),
    ])
    func dbRefuses(arguments: [String], message: String) {
        #expect(Parsing.refusal(arguments) == .usage(message))
    }
}
