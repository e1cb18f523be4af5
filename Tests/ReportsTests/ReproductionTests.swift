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
            elsewhere.query("curves", experiment: "it's")
                == #"tracker query curves --db 'runs/my db.sqlite' --param 'experiment=it'\''s'"#)
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

    /// The query command's words reach tracker as they were: the experiment's name whole,
    /// whatever it holds, the database named only when it is not the default.
    @Test func theShellPassesTheQueryCommandsWordsWhole() throws {
        for name in ["800-800", "it's", #"a "b" \c"#, "$HOME"] {
            for (database, words) in [
                (DatabaseReference(path: "a b.db", isDefault: false), ["--db", "a b.db"]),
                (DatabaseReference(path: "tracker.db", isDefault: true), []),
            ] {
                let command = Reproduction(database: database).query("echo", experiment: name)
                let script = "set -- " + command.dropFirst("tracker ".count) + #"; printf '%s\0' "$@""#
                let output = try ChildProcess.run(URL(fileURLWithPath: "/bin/sh"), ["-c", script])
                let expected = ["query", "echo"] + words + ["--param", "experiment=" + name]
                #expect(output.status == 0)
                #expect(
                    output.stdout.split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
                        == expected, "\(command)")
            }
        }
    }
}
