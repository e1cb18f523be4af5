import Testing

@testable import tracker

/// `tracker tag`, `note`, `rename-experiment`, `experiments` and `compare --only-varied`:
/// every option parsed, every kind of refusal, before any database is opened.
@Suite struct LabelParseTests {
    @Test func tagTakesRunsPairsAndRemovals() throws {
        let tag = try Parsing.command(
            ["tag", "3", "4", "lr=high", "note=a=b c", "--remove", "draft", "--db", "runs.db"], as: TagCommand.self)
        #expect(tag.items == ["3", "4", "lr=high", "note=a=b c"] && tag.remove == ["draft"])
        #expect(tag.database.db == "runs.db")
    }

    @Test(arguments: [
        (["tag"], "tag needs the runs to label, by id, as in tag 3 4 lr=high"),
        (["tag", "3"], "tag needs key=value to set or --remove KEY"),
        (["tag", "lr=high"], "tag needs the runs to label, by id, as in tag 3 4 lr=high"),
        (["tag", "-3", "lr=high"], "a run id is a positive number, not -3"),
        (["tag", "x", "lr=high"], "The value 'x' is invalid for '<run>'"),
        (["tag", "3", "=high"], "\"=high\": expected key=value with a non-empty key"),
        (
            ["tag", "3", "a b=1"],
            "tag key \"a b\" holds ' ': a tag key is letters, digits and _ - . : / (as --where reads it)"
        ),
        (["tag", "3", "a=x\ty"], "tag value \"x\\ty\" holds a control character (U+0009)"),
        (
            ["tag", "3", "a=" + String(repeating: "é", count: 201)],
            "tag value \"\(String(repeating: "é", count: 40))…\" is 201 characters long; the limit is 200"
        ),
        (["tag", "3", "a=1", "--remove", "a"], "tag key \"a\" is given twice: set or remove it once"),
        (["tag", "3", "a=1", "a=2"], "tag key \"a\" is given twice: set or remove it once"),
        (
            ["tag", "3", "--remove", "a;b"],
            "tag key \"a;b\" holds ';': a tag key is letters, digits and _ - . : / (as --where reads it)"
        ),
        (["tag", "3", "a=1", "--bogus"], "Unknown option '--bogus'"),
        (["tag", "3", "a=1", "--remove"], "Missing value for '--remove <key>'"),
    ])
    func tagRefuses(arguments: [String], message: String) {
        #expect(Parsing.refusal(arguments) == .usage(message))
    }

    @Test func noteTakesARunAndItsText() throws {
        let note = try Parsing.command(["note", "5", "lr too high", "--db", "runs.db"], as: NoteCommand.self)
        #expect(try note.runID.parsed() == (5, "lr too high") && !note.clear && note.database.db == "runs.db")
        let dashed = try Parsing.command(["note", "5", "--", "-0.1 was too low"], as: NoteCommand.self)
        #expect(try dashed.runID.parsed() == (5, "-0.1 was too low"))
        let clear = try Parsing.command(["note", "5", "--clear"], as: NoteCommand.self)
        #expect(try clear.runID.parsed() == (5, nil) && clear.clear)
    }

    @Test(arguments: [
        (["note"], "Missing expected argument '<run>'"),
        (["note", "5"], "note needs the text to write, or --clear"),
        (["note", "-5", "text"], "a run id is a positive number, not -5"),
        (["note", "5", "a", "b"], "Unexpected argument 'b': quote the note to give it as one argument"),
        (["note", "5", "text", "--clear"], "--clear removes the note: give no text with it"),
        (["note", "5", "--bogus"], "Unknown option '--bogus' (a note that starts with - goes after --)"),
        (["note", "5", "  "], "a note needs some text (--clear removes one)"),
        (["note", "5", "two\nlines"], "note \"two\\nlines\" holds a control character (U+000A)"),
        (
            ["note", "5", String(repeating: "n", count: 1001)],
            "note \"\(String(repeating: "n", count: 40))…\" is 1001 characters long; the limit is 1000"
        ),
    ])
    func noteRefuses(arguments: [String], message: String) {
        #expect(Parsing.refusal(arguments) == .usage(message))
    }

    @Test func renameTakesTwoNames() throws {
        let rename = try Parsing.command(["rename-experiment", "a", "b"], as: RenameExperimentCommand.self)
        #expect(rename.old == "a" && rename.new == "b")
    }

    @Test(arguments: [
        (["rename-experiment"], "Missing expected argument '<old>'"),
        (["rename-experiment", "a"], "Missing expected argument '<new>'"),
        (["rename-experiment", "a", " "], "the new name must not be empty"),
        (["rename-experiment", "a", "b\nc"], "experiment name \"b\\nc\" holds a control character (U+000A)"),
        (["rename-experiment", "a", "b", "c"], "Unexpected argument 'c'"),
    ])
    func renameRefuses(arguments: [String], message: String) {
        #expect(Parsing.refusal(arguments) == .usage(message))
    }

    @Test func experimentsTakesAFormat() throws {
        #expect(try Parsing.command(["experiments", "--format", "csv"], as: ExperimentsCommand.self).format == .csv)
        #expect(Parsing.refusal(["experiments", "extra"]) == .usage("Unexpected argument 'extra'"))
    }

    @Test func compareTakesOnlyVaried() throws {
        let compare = try Parsing.command(
            ["compare", "--group", "activation", "--only-varied"], as: CompareCommand.self)
        #expect(compare.onlyVaried)
        #expect(!(try Parsing.command(["compare", "--group", "activation"], as: CompareCommand.self).onlyVaried))
    }
}
