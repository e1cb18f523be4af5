import Plots
import Testing
import TextOutput
import TrackerFixtures

@testable import Reports
@testable import RunQueries

/// The author's notes beside a report's computed tables.
@Suite struct ReportNotesTests {
    static let text = """
        An introduction in two
        lines.

        A second paragraph with `tracker compare`.
        ## activation
        Tanh beats ReLU here, as in the seed.

        ##   batch-size  
        """

    @Test func paragraphsGoToTheIntroductionAndToTheirExperiment() throws {
        let notes = try ReportNotes.parse(Self.text, file: "notes.md")
        #expect(
            notes.introduction == [
                .paragraph(RichText("An introduction in two lines.")),
                .paragraph(RichText([.text("A second paragraph with "), .code("tracker compare"), .text(".")])),
            ])
        #expect(
            notes.sections["activation"]?.paragraphs == [.paragraph(RichText("Tanh beats ReLU here, as in the seed."))])
        #expect(notes.sections["activation"]?.line == 5)
        #expect(notes.sections["batch-size"]?.paragraphs == [])
        #expect(Set(notes.sections.keys) == ["activation", "batch-size"])
    }

    @Test func webLinksAndHeadings() throws {
        let notes = try ReportNotes.parse(
            """
            ### Findings
            As [Zhang et al. 2017](https://arxiv.org/abs/1611.03530) found, see `[x](https://a.b)`.
            [not a link](javascript:alert(1)) and [bare](arxiv.org) stay text.
            ## activation
            ###   What holds  
            text
            """, file: "notes.md")
        #expect(
            notes.introduction == [
                .heading("Findings"),
                .paragraph(
                    RichText([
                        .text("As "), .web("Zhang et al. 2017", url: "https://arxiv.org/abs/1611.03530"),
                        .text(" found, see "), .code("[x](https://a.b)"),
                        .text(". [not a link](javascript:alert(1)) and [bare](arxiv.org) stay text."),
                    ])),
            ])
        #expect(notes.sections["activation"]?.paragraphs == [.heading("What holds"), .paragraph("text")])
    }

    @Test func linksAndHeadingsInBothFormats() throws {
        let fixture = try ScratchStore(contents: CompareFixture.write)
        let notes = try ReportNotes.parse(
            "### Findings\nSee [the <paper>](https://example.org/a?b=1&c=2).\n## activation\n### Why\nBecause.\n",
            file: "notes.md")
        let report = try Report(
            ReportRequest(experiments: ["activation"], notes: (notes, "notes.md")), store: fixture.store)
        let markdown = MarkdownReport.render(report.document, figureFolder: "")
        let findings = try #require(
            markdown.range(of: "## Findings\n\nSee [the \\<paper\\>](https://example.org/a?b=1&c=2)."))
        let contents = try #require(markdown.range(of: "## Contents"))
        #expect(findings.upperBound < contents.lowerBound)
        #expect(markdown.contains("### Notes\n\n<a id=\"activation-why\"></a>\n\n#### Why\n\nBecause."))
        let html = report.html
        #expect(html.contains("<a href=\"https://example.org/a?b=1&amp;c=2\">the &lt;paper&gt;</a>"))
        #expect(html.contains("<h2 id=\"findings\">Findings</h2>"))
        #expect(html.contains("<h4 id=\"activation-why\">Why</h4>"))
    }

    @Test(arguments: [
        ("intro\n##\ntext\n", "notes.md:2: a section heading needs an experiment name"),
        ("## a\nx\n## a\ny\n", "notes.md:3: a second section for 'a'"),
    ])
    func brokenNotes(text: String, message: String) {
        #expect(throws: ReportNotesError.self) { try ReportNotes.parse(text, file: "notes.md") }
        do {
            _ = try ReportNotes.parse(text, file: "notes.md")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func aMissingFileIsNamed() {
        #expect(
            throws: ReportNotesError(
                file: "/nowhere/notes.md", line: nil, message: "cannot read the file (missing, unreadable or not UTF-8)"
            )
        ) {
            try ReportNotes.load(path: "/nowhere/notes.md")
        }
    }

    @Test func notesStandAfterTheirExperimentsResultsAndTheIntroductionAfterTheSummary() throws {
        let fixture = try ScratchStore(contents: CompareFixture.write)
        let notes = try ReportNotes.parse(
            Self.text.replacingOccurrences(of: "batch-size", with: "regularization"),
            file: "notes.md")
        let report = try Report(
            ReportRequest(experiments: ["activation", "regularization"], notes: (notes, "notes.md")),
            store: fixture.store)
        let markdown = MarkdownReport.render(report.document, figureFolder: "")
        let introduction = try #require(markdown.range(of: "An introduction in two lines."))
        let contents = try #require(markdown.range(of: "## Contents"))
        #expect(introduction.upperBound < contents.lowerBound)
        let activationNotes = try #require(markdown.range(of: "### Notes\n\nTanh beats ReLU here, as in the seed."))
        let firstTable = try #require(markdown.range(of: "**Table 1.**"))
        let curves = try #require(markdown.range(of: "### Curves"))
        #expect(firstTable.upperBound < activationNotes.lowerBound && activationNotes.upperBound < curves.lowerBound)
        // An empty section adds no heading.
        #expect(markdown.components(separatedBy: "### Notes").count == 2)
    }

    @Test func aSectionForAnExperimentOutsideTheReportIsRefused() throws {
        let fixture = try ScratchStore(contents: CompareFixture.write)
        let notes = try ReportNotes.parse("## activatoin\ntypo\n", file: "notes.md")
        #expect(
            throws: ReportNotesError(
                file: "notes.md", line: 1,
                message: "'## activatoin' names no experiment of the report (experiments: activation)")
        ) {
            try Report(ReportRequest(experiments: ["activation"], notes: (notes, "notes.md")), store: fixture.store)
        }
    }
}
