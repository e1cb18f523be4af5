import Foundation
import Plots
import TestSupport
import Testing
import TextOutput
import TrackerFixtures

@testable import Reports
@testable import RunQueries

/// Reports and their figures on disk: where each file goes, links that resolve, figures
/// that parse, and the line that says what could not be written.
@Suite struct ReportFilesTests {
    let fixture: ScratchStore
    let report: Report
    let folder: TemporaryDirectory

    init() throws {
        fixture = try ScratchStore(contents: CompareFixture.write)
        report = try ReportFixture.report(fixture.store)
        folder = try TemporaryDirectory()
    }

    @Test func markdownLinksFiguresWrittenBesideIt() throws {
        let path = try folder.makeDirectory("docs") + "/results.md"
        let written = try ReportFiles.write(report, format: .markdown, to: path, figures: nil)
        #expect(written.report == path && written.figures == 15)
        #expect(written.figureFolder == folder.path("docs/figures") + "/")
        #expect(try folder.contents("docs") == ["figures", "results.md"])
        #expect(try folder.contents("docs/figures") == report.document.figures.map(\.fileName).sorted())
        let markdown = String(decoding: try folder.read("docs/results.md"), as: UTF8.self)
        #expect(written.bytes == markdown.utf8.count)
        let links = markdown.split(separator: "\n").filter { $0.hasPrefix("![Figure ") }.compactMap { line in
            line.split(separator: "(").last.map { String($0.dropLast()) }
        }
        #expect(links.count == 15)
        for link in links {
            #expect(link.hasPrefix("figures/"))
            let svg = String(decoding: try folder.read("docs/" + link), as: UTF8.self)
            let root = try MarkupTree.parse(svg)
            #expect(root.name == "svg" && root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        }
    }

    @Test func figuresElsewhereAreLinkedByTheirRelativePath() throws {
        let docs = try folder.makeDirectory("site/docs")
        let written = try ReportFiles.write(
            report, format: .markdown, to: docs + "/report.md", figures: folder.path("site/images"))
        #expect(written.figures == 15)
        let markdown = String(decoding: try folder.read("site/docs/report.md"), as: UTF8.self)
        #expect(markdown.contains("![Figure 1](../images/activation-loss.svg)"))
        #expect(try folder.contents("site/images").count == 15)
    }

    @Test func htmlIsOneFileUnlessFiguresAreAskedFor() throws {
        let alone = try ReportFiles.write(report, format: .html, to: folder.path("report.html"), figures: nil)
        #expect(alone.figureFolder == nil && alone.figures == 0)
        #expect(try folder.contents() == ["report.html"])
        #expect(
            alone.summary
                == "wrote \(folder.path("report.html")) (\(NumberText.fixed(Double(alone.bytes) / 1024, decimals: 1)) KiB)"
        )
        let both = try ReportFiles.write(
            report, format: .html, to: folder.path("page.html"), figures: folder.path("svg"))
        #expect(both.figures == 15)
        #expect(try folder.contents("svg").count == 15)
        #expect(both.summary.hasSuffix(" and 15 figures in \(folder.path("svg"))/"))
    }

    @Test func aFolderThatCannotBeMadeIsNamedWithTheReason() throws {
        try folder.write("figures", "a file, not a folder")
        #expect(throws: OutputError(target: "'\(folder.path("figures"))'", reason: "File exists")) {
            try ReportFiles.write(report, format: .markdown, to: folder.path("report.md"), figures: nil)
        }
        #expect(try folder.contents() == ["figures"])
        #expect(
            throws: OutputError(target: "'\(folder.path("missing/report.html"))'", reason: "No such file or directory")
        ) {
            try ReportFiles.write(report, format: .html, to: folder.path("missing/report.html"), figures: nil)
        }
    }

    @Test(arguments: [
        ("docs", "docs/figures", "figures"), ("docs", "figures", "../figures"), ("a/b", "a/b", ""),
        ("/x/y", "/z", "../../z"), ("/x/./y/", "/x/y/../y/f", "f"),
    ])
    func relativePaths(base: String, target: String, expected: String) {
        #expect(RelativePath.from(base, to: target) == expected)
    }
}
