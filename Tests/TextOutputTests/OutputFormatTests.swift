import Foundation
import Testing

@testable import TextOutput

/// Escaping, empty outputs, number text, colour detection and error lines.
@Suite struct OutputFormatTests {
    static let awkward = CellTable(
        columns: ["name", "value", "note"],
        rows: [
            [.text("a,b"), .real(0.1), .text("say \"hi\"")],
            [.text(" padded "), .integer(-3), .text("line\nbreak|pipe")],
            [.null, .real(.infinity), .json(#"{"k":[1,2]}"#)],
            [.text("tab\there\u{1}"), .real(1e-05), .text("ünïcødé ±")],
        ])

    @Test func csvQuotesWhatItMust() {
        #expect(
            OutputFormat.csv.render(Self.awkward) == """
                name,value,note
                "a,b",0.1,"say ""hi\"\"\"
                " padded ",-3,"line
                break|pipe"
                ,,"{""k"":[1,2]}"
                tab\there\u{1},1e-05,ünïcødé ±

                """)
    }

    @Test func jsonEscapesAndEmbeds() throws {
        #expect(
            OutputFormat.json.render(Self.awkward) == """
                [
                  {"name":"a,b","value":0.1,"note":"say \\"hi\\""},
                  {"name":" padded ","value":-3,"note":"line\\nbreak|pipe"},
                  {"name":null,"value":null,"note":{"k":[1,2]}},
                  {"name":"tab\\there\\u0001","value":1e-05,"note":"ünïcødé ±"}
                ]

                """)
        let lines = OutputFormat.jsonl.render(Self.awkward).split(separator: "\n")
        #expect(lines.count == 4)
        for line in lines {
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        }
        #expect(try JSONSerialization.jsonObject(with: Data(OutputFormat.json.render(Self.awkward).utf8)) is [Any])
    }

    @Test func markdownEscapesPipesAndBreaks() {
        #expect(
            OutputFormat.markdown.render(Self.awkward) == """
                | name     | value | note             |
                | -------- | ----: | ---------------- |
                | a,b      |   0.1 | say "hi"         |
                |  padded  |    -3 | line break\\|pipe |
                |          |       | {"k":[1,2]}      |
                | tab\there\u{1}  | 1e-05 | ünïcødé ±        |

                """)
    }

    @Test func emptyOutputsStayValid() {
        let empty = CellTable(columns: ["a", "b"], rows: [])
        #expect(OutputFormat.csv.render(empty) == "a,b\n")
        #expect(OutputFormat.json.render(empty) == "[]\n")
        #expect(OutputFormat.jsonl.render(empty) == "")
        #expect(OutputFormat.markdown.render(empty) == "| a   | b   |\n| --- | --- |\n")
    }

    /// Halves of the last decimal round away from zero, also when binary arithmetic left
    /// them a few ulps short: 0.62025 × 10000 is 6202.5, but 0.62025 × 100 is
    /// 62.02499999999999, which C's `%.2f` rounds down. `queries/` round alike.
    @Test func halvesRoundAwayFromZero() {
        #expect(String(format: "%.2f", ((0.6202 + 0.6203) / 2) * 100) == "62.02")
        #expect(NumberText.percent((0.6202 + 0.6203) / 2) == "62.03")
        #expect(NumberText.percent((0.6204 + 0.6205) / 2) == "62.05")
        #expect(NumberText.percent(0.620249) == "62.02")
        #expect(NumberText.points(-0.003849999999999909) == "-0.39")
        #expect(NumberText.points(0.00005) == "+0.01")
        #expect(NumberText.fixed(0.125, decimals: 2) == "0.13")
        #expect(NumberText.fixed(2.5, decimals: 0) == "3")
        #expect(NumberText.fixed(-2.5, decimals: 0) == "-3")
        #expect(NumberText.fixed(1e20, decimals: 2) == "100000000000000000000.00")
        #expect(NumberText.fixed(.infinity, decimals: 2) == "-")
    }

    /// Markdown is the table for people, rounded as it is; machine formats keep every digit.
    @Test func markdownIsTheTableInMarkdown() {
        let table = TextTable(
            columns: [TextTable.Column("group"), TextTable.Column("test %", alignsRight: true)],
            rows: [["a|b", TextTable.Entry(NumberText.percent(0.9136500000000001), tint: .green)]])
        #expect(table.markdown == "| group | test % |\n| ----- | -----: |\n| a\\|b  |  91.37 |\n")
        let sink = TextSink()
        let printer = Printer(sink: sink, style: .plain) { _ in }
        let cells = CellTable(columns: ["test_mean"], rows: [[.real(0.9136500000000001)]])
        try? printer.print(cells, table: table, format: .markdown, empty: "none")
        #expect(sink.text == table.markdown)
        #expect(OutputFormat.csv.render(cells) == "test_mean\n0.9136500000000001\n")
    }

    @Test func numbersForPeople() {
        #expect(NumberText.percent(0.91333) == "91.33")
        #expect(NumberText.percent(0.999999) == "100.00")
        #expect(NumberText.percent(nil) == "-")
        #expect(NumberText.points(0.0085) == "+0.85")
        #expect(NumberText.points(-0.012) == "-1.20")
        #expect(NumberText.points(-0.00001) == "0.00")
        #expect(NumberText.fixed(-0.0004, decimals: 3) == "0.000")
        #expect(NumberText.fixed(.nan, decimals: 2) == "-")
        #expect(NumberText.pValue(0.0421) == "0.042")
        #expect(NumberText.pValue(0.0009) == "<0.001")
        #expect(NumberText.pValue(nil) == "-")
        #expect(NumberText.setting(0.5) == "0.5")
        #expect(NumberText.setting(100) == "100")
        #expect(NumberText.setting(0.001) == "0.001")
        #expect(NumberText.duration(0.42) == "0.4s")
        #expect(NumberText.duration(59.96) == "1m00s")
        #expect(NumberText.duration(245) == "4m05s")
        #expect(NumberText.duration(7380) == "2h03m")
        #expect(NumberText.duration(nil) == "-")
    }

    @Test(arguments: [
        ([:], true, true), (["NO_COLOR": "1"], true, false), (["NO_COLOR": ""], true, true),
        (["TERM": "dumb"], true, false), ([:], false, false), (["TERM": "xterm-256color"], false, false),
    ])
    func colourOnlyForTerminals(environment: [String: String], isTerminal: Bool, usesColor: Bool) {
        let style = TerminalStyle.detect(environment: environment, isTerminal: isTerminal)
        #expect(style.usesColor == usesColor)
        #expect(style.isTerminal == isTerminal)
        #expect(style.apply(.red, to: "x") == (usesColor ? "\u{1B}[31mx\u{1B}[0m" : "x"))
    }

    @Test func sinkWritesThroughItsBuffer() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sink-\(UUID().uuidString)")
        let line = String(repeating: "x", count: 999) + "\n"
        let count = try OutputFile.write(to: directory.path) { sink in
            for _ in 0..<200 { sink.write(line) }
            return 200
        }
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(count == 200)
        #expect(try String(contentsOf: directory, encoding: .utf8) == String(repeating: line, count: 200))
    }

    @Test func fullDisk() throws {
        let descriptor = open("/dev/full", O_WRONLY)
        try #require(descriptor >= 0, "no /dev/full")
        defer { close(descriptor) }
        let sink = TextSink(descriptor: descriptor, target: "standard output")
        sink.write("a line\n")
        #expect(throws: OutputError(target: "standard output", reason: "No space left on device")) { try sink.flush() }
        #expect(
            OutputError(target: "standard output", reason: "No space left on device").description
                == "cannot write standard output: No space left on device")
    }

    @Test func outputFileLeavesNothingOnFailure() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try OutputFile.write(to: folder.appendingPathComponent("a.csv").path) { sink in
                sink.write("partial")
                throw Stop()
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        #expect(throws: OutputError(target: "'\(folder.path)/missing/a.csv'", reason: "No such file or directory")) {
            try OutputFile.write(to: folder.path + "/missing/a.csv") { _ in }
        }
    }

    @Test func errorLineIsOneLine() {
        #expect(
            ErrorLine("--dropout 1.5: expected a probability in [0, 1)").description
                == "Error: --dropout 1.5: expected a probability in [0, 1)")
        // ArgumentParser's refusal of a value of a set of six or more, and a Windows line end.
        let listed =
            "The value 'x' is invalid for '--key <key>'. Please provide one of the following:\n  - a\n  - b c\r\n\n"
        #expect(
            ErrorLine(listed).description
                == "Error: The value 'x' is invalid for '--key <key>'. Please provide one of the following: - a - b c")
        #expect(ErrorLine("").description == "Error: ")
    }
}
