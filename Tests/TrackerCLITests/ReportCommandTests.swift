import Foundation
import Plots
import Reports
import RunQueries
import Store
import TestSupport
import Testing
import TextOutput
import Training

/// `tracker report` end to end: the built binary writes the files, and the commands the
/// report prints, run in a shell, give its numbers.
@Suite("tracker report")
struct ReportCommandTests {
    let fixture: FixtureDatabase

    init() throws {
        fixture = try FixtureDatabase()
    }

    /// `wrote …` as the command prints it for the file `name` of the fixture's folder.
    func summary(_ name: String, figures: String? = nil) throws -> String {
        let bytes = try fixture.directory.read(name).count
        return "wrote \(name) (\(NumberText.fixed(Double(bytes) / 1024, decimals: 1)) KiB)"
            + (figures.map { " and \($0)" } ?? "")
            + "\n"
    }

    @Test func htmlByDefaultIntoReportHTML() throws {
        let outcome = try fixture.tracker(["report", "--experiment", "regularization"])
        #expect(outcome == .init(status: 0, stdout: try summary("report.html"), stderr: ""))
        let html = String(decoding: try fixture.directory.read("report.html"), as: UTF8.self)
        let page = try MarkupTree.parse(html)
        #expect(page.all("h2").map(\.text) == ["Contents", "1. regularization"])
        #expect(page.all("figure").count == 5 && page.all("svg").count == 5)
        #expect(!html.contains("http://") && !html.contains("https://") && page.all("script").isEmpty)
    }

    @Test func markdownWithItsFiguresBesideIt() throws {
        try fixture.directory.makeDirectory("docs")
        let outcome = try fixture.tracker([
            "report", "--format", "markdown", "--out", "docs/results.md", "--experiment", "activation", "--experiment",
            "batch-size", "--title", "Seed study",
        ])
        #expect(
            outcome
                == .init(
                    status: 0, stdout: try summary("docs/results.md", figures: "10 figures in docs/figures/"),
                    stderr: ""))
        let markdown = String(decoding: try fixture.directory.read("docs/results.md"), as: UTF8.self)
        #expect(markdown.contains("\n# Seed study\n"))
        let links = markdown.split(separator: "\n").filter { $0.hasPrefix("![Figure ") }.compactMap {
            $0.split(separator: "(").last.map { String($0.dropLast()) }
        }
        #expect(links.count == 10)
        for link in links {
            #expect(
                try MarkupTree.parse(String(decoding: try fixture.directory.read("docs/" + link), as: UTF8.self)).name
                    == "svg")
        }
    }

    /// Every command a report prints, run by a shell where `tracker` is the built binary
    /// and `queries/` the project's: each succeeds, and prints the report's numbers.
    @Test func theCommandsBesideEachTableRecomputeIt() throws {
        let outcome = try fixture.tracker(["report", "--format", "markdown", "--out", "report.md"])
        #expect(outcome.status == 0)
        let markdown = String(decoding: try fixture.directory.read("report.md"), as: UTF8.self)
        let blocks = markdown.components(separatedBy: "```sh\n").dropFirst().map {
            $0.components(separatedBy: "\n```")[0]
        }
        #expect(blocks.count == 3)
        let bin = try fixture.directory.makeDirectory("bin")
        try FileManager.default.createSymbolicLink(
            atPath: bin + "/tracker", withDestinationPath: try BuiltExecutable.url("tracker").path)
        try FileManager.default.createSymbolicLink(
            atPath: fixture.directory.path("queries"),
            withDestinationPath: packageRoot.appendingPathComponent("queries").path)
        // The comparison tables, not the list of runs that did not complete.
        let tables = markdownTables(markdown).filter { $0.header.first == "architecture" }.map(\.rows)
        #expect(tables.count == 3)
        for (block, table) in zip(blocks, tables) {
            for command in block.split(separator: "\n").map(String.init) {
                let output = try ChildProcess.run(
                    URL(fileURLWithPath: "/bin/sh"), ["-c", command], environment: ["PATH": bin + ":/usr/bin:/bin"],
                    directory: fixture.directory.path)
                #expect(output.status == 0 && output.stderr == "", "\(command): \(output.stderr)")
                // Lines as words: a table's or sqlite3's box, columns and padding dropped.
                let lines = output.stdout.split(separator: "\n").map { line in
                    line.split(whereSeparator: { $0 == " " || $0 == "│" }).joined(separator: " ")
                }
                for row in table {
                    let keys = row[0] + " " + row[1] + " "
                    let line = try #require(lines.first { $0.hasPrefix(keys) }, "\(command) has no line for \(keys)")
                    let numbers = line.dropFirst(keys.count).split(whereSeparator: { " ±".contains($0) }).compactMap {
                        Double($0)
                    }
                    for cell in row[3...5] {
                        for part in cell.split(separator: " ± ").compactMap({ Double($0) }) {
                            #expect(numbers.contains { abs($0 - part) < 0.0051 }, "\(command): \(part) of \(row)")
                        }
                    }
                }
            }
        }
    }

    /// The header and rows of each table of a Markdown report.
    func markdownTables(_ markdown: String) -> [(header: [String], rows: [[String]])] {
        var tables: [(header: [String], rows: [[String]])] = []
        var current: [[String]] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("| ") {
                current.append(line.dropFirst(2).dropLast(2).components(separatedBy: " | "))
            } else if let header = current.first {
                tables.append((header, Array(current.dropFirst(2))))
                current = []
            }
        }
        return tables
    }

    @Test(arguments: [
        (["--status", "done"], QueryInputError.unknownStatus("done").description),
        (
            ["--where", "activation>3"],
            "invalid --where 'activation>3': activation is text: compare it with =, !=, in or not in"
        ),
        (
            ["--where", "speed=3"],
            "invalid --where 'speed=3': unknown key 'speed'; keys: \(GroupKey.allValueStrings.joined(separator: ", "))"
        ),
        (
            ["--baseline", "tag:opt=sgd"],
            "invalid --baseline 'tag:opt=sgd': reports group runs by their settings, not by tags"
        ),
        (["--baseline", ""], "invalid --baseline '': it needs a value, as in --baseline relu"),
        (["--baseline", "activation="], "invalid --baseline 'activation=': it needs a value, as in --baseline relu"),
        (["--out", ""], "--out needs a path"), (["--figures", ""], "--figures needs a path"),
        (["--experiment", ""], "--experiment needs a name"),
    ])
    func refusals(arguments: [String], message: String) throws {
        let before = try fixture.snapshot()
        let outcome = try fixture.tracker(["report"] + arguments)
        #expect(outcome == .init(status: 64, stdout: "", stderr: "Error: \(message)\n"))
        #expect(try fixture.snapshot() == before)
    }

    @Test func anUnknownFormatListsTheFormats() throws {
        let outcome = try fixture.tracker(["report", "--format", "pdf"])
        #expect(
            outcome
                == .init(
                    status: 64, stdout: "",
                    stderr:
                        "Error: The value 'pdf' is invalid for '--format <format>'. Please provide one of 'html' and "
                        + "'markdown'.\n"))
    }

    @Test(arguments: [
        (["--experiment", "nope"], "no experiment named 'nope'; experiments: activation, batch-size, regularization"),
        (["--out", "missing/report.html"], "cannot write 'missing/report.html': No such file or directory"),
        (
            ["--format", "markdown", "--out", "r.md", "--figures", "fixture.db/figures"],
            "cannot write 'fixture.db/figures': Not a directory"
        ),
        (["--notes", "missing.md"], "missing.md: cannot read the file (missing, unreadable or not UTF-8)"),
    ])
    func failures(arguments: [String], message: String) throws {
        let before = try fixture.directory.contents()
        let outcome = try fixture.tracker(["report"] + arguments)
        #expect(outcome == .init(status: 1, stdout: "", stderr: "Error: \(message)\n"))
        #expect(try fixture.directory.contents() == before)
    }

    @Test func aDatabaseWithoutRunsHasNothingToReport() throws {
        let folder = try TemporaryDirectory()
        _ = try TrackerStore(path: folder.path("empty.db"))
        let outcome = try TrackerProcess.run(["report", "--db", "empty.db"], in: folder.path)
        // An answer, as compare and runs give it on an empty database.
        #expect(outcome == .init(status: 0, stdout: "no completed runs; no report was written\n", stderr: ""))
        #expect(try folder.contents().filter { !$0.hasPrefix("empty.db") }.isEmpty)
    }
}
