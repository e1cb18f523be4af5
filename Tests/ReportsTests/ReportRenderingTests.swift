import Foundation
import Plots
import TestSupport
import Testing
import TextOutput
import TrackerFixtures

@testable import Reports
@testable import RunQueries

/// Reports written as HTML and Markdown: well-formed, self-contained, faithful to the
/// document, and safe whatever the names of experiments hold.
@Suite struct ReportRenderingTests {
    let fixture: ScratchStore
    let report: Report

    init() throws {
        fixture = try ScratchStore(contents: CompareFixture.write)
        report = try ReportFixture.report(fixture.store)
    }

    @Test func htmlIsWellFormedAndHoldsEveryTableAndFigure() throws {
        let html = HTMLReport.render(report.document)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n"))
        let page = try MarkupTree.parse(html)
        #expect(page.name == "html")
        #expect(page.all("head").first?.all("title").map(\.text) == ["Experiment report"])
        #expect(page.all("style").count == 1)
        #expect(page.all("h1").map(\.text) == ["Experiment report"])
        #expect(page.all("h2").map(\.text) == ["Contents", "1. activation", "2. regularization", "3. batch-size"])
        let tables = page.all("table")
        #expect(tables.count == report.document.tables.count)
        for (element, table) in zip(tables, report.document.tables) {
            #expect(element.all("caption").first?.text == "Table \(table.number). \(table.caption)")
            #expect(element.all("th").map(\.text) == table.columns.map(\.header))
            #expect(element.all("tr").dropFirst().map { $0.all("td").map(\.text) } == table.rows)
        }
        let figures = page.all("figure")
        #expect(figures.count == report.document.figures.count)
        for (element, figure) in zip(figures, report.document.figures) {
            #expect(element.attributes["id"] == "figure-\(figure.number)")
            #expect(element.all("svg").count == 1)
            #expect(element.all("figcaption").first?.text.hasPrefix("Figure \(figure.number). ") == true)
        }
    }

    @Test func htmlNeedsNothingFromTheNetworkNorAScript() throws {
        let html = HTMLReport.render(report.document)
        #expect(!html.contains("http://") && !html.contains("https://"))
        let page = try MarkupTree.parse(html)
        #expect(page.all("script").isEmpty && page.all("link").isEmpty && page.all("img").isEmpty)
        #expect(page.all("iframe").isEmpty && page.all("object").isEmpty && page.all("image").isEmpty)
        let ids = Set(page.descendants.compactMap { $0.attributes["id"] })
        for element in page.descendants {
            for (name, value) in element.attributes
            where ["href", "src", "xlink:href", "srcset", "action"].contains(name) {
                // Links go to places in the page only.
                #expect(value.hasPrefix("#") && ids.contains(String(value.dropFirst())), "\(name)=\(value)")
            }
            #expect(!(element.attributes["style"] ?? "").contains("url("))
        }
        #expect(!(page.all("style").first?.text ?? "").contains("url(") && !html.contains("@import"))
    }

    @Test func namesThatLookLikeMarkupStayText() throws {
        let name = #"<script>alert("x")</script> & 'q' | *b* `c` \d"#
        try FixtureRun(name, [16], "relu", seed: 1, epochs: [(0.5, 0.6, 0.7), (0.6, 0.7, 0.8)]).write(to: fixture.store)
        try FixtureRun(name, [16], "tanh", seed: 1, epochs: [(0.5, 0.6, 0.7), (0.6, 0.7, 0.8)]).write(to: fixture.store)
        let report = try Report(ReportRequest(experiments: [name], title: "R&D <1>"), store: fixture.store)
        let page = try MarkupTree.parse(HTMLReport.render(report.document))
        #expect(page.all("script").isEmpty)
        #expect(page.all("head").first?.all("title").map(\.text) == ["R&D <1>"])
        #expect(page.all("h2").map(\.text) == ["Contents", "1. " + name])
        #expect(page.all("a").map { $0.attributes["href"] } == ["#script-alert-x-script-q-b-c-d"])
        let markdown = MarkdownReport.render(report.document, figureFolder: "figures")
        #expect(markdown.contains(#"## 1. \<script\>alert("x")\</script\> & 'q' \| \*b\* \`c\` \\d"#))
        #expect(markdown.contains("![Figure 1](figures/script-alert-x-script-q-b-c-d-loss.svg)"))
    }

    @Test func markdownHasTheTablesFiguresAndCommands() throws {
        let markdown = MarkdownReport.render(report.document, figureFolder: "../figures")
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(
            lines.firstIndex(of: "| architecture | activation | runs | train % | dev % | test % | gap | Δ test | p |"))
        #expect(lines[header + 1] == "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        #expect(lines[header + 2] == "| " + report.document.tables[0].rows[0].joined(separator: " | ") + " |")
        #expect(lines[header - 2].hasPrefix("**Table 1.** activation: final accuracy by architecture and activation"))
        #expect(lines.contains("![Figure 1](../figures/activation-loss.svg)"))
        #expect(lines.filter { $0.hasPrefix("![Figure ") }.count == report.document.figures.count)
        #expect(
            lines.contains("tracker compare --experiment activation --group architecture,activation --baseline relu"))
        #expect(lines.contains("<a id=\"activation\"></a>") && lines.contains("## 1. activation"))
        #expect(lines.contains("- [1. activation](#activation) — 12 runs (10 completed, 1 failed, 1 diverged)"))
        #expect(!markdown.contains("http://") && !markdown.contains("https://"))
    }

    @Test(arguments: [
        ("plain", "`plain`"), ("a`b", "``a`b``"), ("``", "``` `` ```"), ("`x", "`` `x ``"),
    ])
    func markdownCodeIsFencedBeyondItsBackquotes(text: String, code: String) {
        #expect(MarkdownReport.code(text) == code)
    }

    @Test func escapingDropsControlCharactersAndKeepsOtherText() {
        #expect(HTMLReport.escape("a\u{0}b\u{7}c\u{85}d é ✓") == "abcd é ✓")
        #expect(HTMLReport.escape(#"<a href="x">&</a>"#) == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;")
        #expect(MarkdownReport.escape("2*3 [x](y) #1 a_b") == ##"2\*3 \[x\](y) \#1 a\_b"##)
    }
}
