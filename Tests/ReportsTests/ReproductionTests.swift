import Foundation
import Plots
import TestSupport
import Testing
import TextOutput

@testable import Reports
@testable import RunQueries

/// The commands reports print: quoted so that a shell reads back every word as it was.
@Suite struct ReproductionTests {
    @Test(arguments: [
        ("activation", "activation"), ("architecture,activation", "architecture,activation"),
        ("a b", "'a b'"), ("it's", #"'it'\''s'"#), ("", "''"), ("$HOME", "'$HOME'"), ("é", "'é'"),
    ])
    func words(word: String, quoted: String) {
        #expect(ShellWords.quote(word) == quoted)
    }

    @Test func doubleQuotesEscapeWhatTheShellWouldExpand() {
        #expect(ShellWords.doubleQuoted(#"a"b$c`d\e'f"#) == #""a\"b\$c\`d\\e'f""#)
    }

    /// Each text, quoted both ways, comes back from `sh` byte for byte.
    @Test func theShellReadsBackEveryWord() throws {
        let texts = [
            "plain", "two words", "it's", #"quote " and \ backslash"#, "$(rm -rf /) `x` ${y}", "tab\there",
            "new\nline", "ünïcödé ✓", "*.sql", "-n",
        ]
        let script = texts.map { "printf '%s\\0' " + ShellWords.quote($0) + " " + ShellWords.doubleQuoted($0) }
            .joined(separator: "\n")
        let output = try ChildProcess.run(URL(fileURLWithPath: "/bin/sh"), ["-c", script])
        #expect(output.status == 0)
        #expect(
            output.stdout.split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
                == texts.flatMap { [$0, $0] })
    }

    @Test func commandsNameTheDatabaseUnlessItIsTheDefault() throws {
        let elsewhere = Reproduction(database: DatabaseReference(path: "runs/my db.sqlite", isDefault: false))
        let selection = RunSelection(
            experiments: ["it's"], status: .any, conditions: [try ConditionParser.parse("batch-size <= 100")])
        let request = ComparisonRequest(
            groups: [.attribute(.architecture), .attribute(.activation)], selection: selection,
            baseline: Baseline(keyIndex: 0, value: "128-128"))
        #expect(
            elsewhere.compare(request)
                == #"tracker compare --db 'runs/my db.sqlite' --experiment 'it'\''s' --status all --where "#
                + #"'batch-size <= 100' --group architecture,activation --baseline architecture=128-128"#)
        #expect(
            elsewhere.sqlite(query: "curves", experiment: "it's")
                == #"sqlite3 -box -cmd ".parameter set :experiment \"'it''s'\"" 'runs/my db.sqlite' < queries/curves.sql"#
        )
        #expect(
            elsewhere.export(RunSelection(experiments: ["a"], status: .only(.completed)))
                == "tracker export --db 'runs/my db.sqlite' --experiment a --status completed --epochs")
        let measure = PlotMeasure([.accuracy(.dev), .accuracy(.test)])
        #expect(
            elsewhere.plot(
                RunSelection(experiments: ["a"], status: .only(.failed)), keys: [.attribute(.batchSize)],
                measure: measure,
                showsRuns: true, file: "a b.svg")
                == "tracker plot --db 'runs/my db.sqlite' --experiment a --status failed --group batch-size "
                + "--metric accuracy --split dev,test --runs --out 'a b.svg'")
        let standard = Reproduction(database: DatabaseReference(path: "tracker.db", isDefault: true))
        #expect(
            standard.plot(
                RunSelection(experiments: ["b"], status: .only(.completed)), keys: [],
                measure: PlotMeasure([.accuracy(.dev)]),
                x: .batchSize, withTime: true, file: "b.svg")
                == "tracker plot --experiment b --metric dev-accuracy --x batch-size --with-time --out b.svg")
    }

    @Test func theSQLiteShellReadsTheExperimentAsText() throws {
        // `800-800` unquoted would be the number 0 to the shell's .parameter set.
        _ = try #require(ChildProcess.onPath("sqlite3"), "the sqlite3 shell is not installed")
        let folder = try TemporaryDirectory()
        try folder.write("queries/echo.sql", "SELECT :experiment, typeof(:experiment);\n")
        for name in ["800-800", "it's", #"a "b" \c"#] {
            let command = Reproduction(database: DatabaseReference(path: ":memory:", isDefault: false))
                .sqlite(query: "echo", experiment: name)
            let output = try ChildProcess.run(
                URL(fileURLWithPath: "/bin/sh"), ["-c", command.replacing("-box", with: "-list")],
                directory: folder.path)
            #expect(output == ProcessOutput(status: 0, stdout: name + "|text\n", stderr: ""), "\(command)")
        }
    }
}
