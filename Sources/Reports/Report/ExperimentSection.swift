import RunQueries
import Store

/// The section of a report on one experiment: what was run, the comparison table with
/// its significance note and reproducing commands, the curves, the generalisation gap,
/// and the runs that did not complete.
struct ExperimentSection {
    let context: SectionContext

    /// A table with more rows than this is split into one table per varied setting.
    static let rowLimit = 40

    func blocks(number: Int, numbering: inout Numbering) throws -> [ReportBlock] {
        var blocks: [ReportBlock] = [
            .heading(level: 2, text: "\(number). \(context.title)", anchor: context.slug)
        ]
        let members = ReportRequest.members(of: context.experiment)
        for experiment in try context.store.experiments() where members.contains(experiment.name) {
            guard let description = experiment.description, !description.isEmpty else { continue }
            blocks.append(.paragraph(RichText(members.count > 1 ? "\(experiment.name): \(description)" : description)))
        }
        blocks.append(.heading(level: 3, text: "What was run", anchor: context.slug + "-setup"))
        blocks.append(.fields(SetupFields.fields(context.setup)))

        blocks.append(.heading(level: 3, text: "Results", anchor: context.slug + "-results"))
        let results = try ResultsPart(context: context).blocks(numbering: &numbering)
        blocks += results.blocks
        if let notes = context.request.notes?.text.sections[context.experiment], !notes.paragraphs.isEmpty {
            blocks.append(.heading(level: 3, text: "Notes", anchor: context.slug + "-notes"))
            blocks += notes.paragraphs.map { $0.reportBlock(level: 4, anchorPrefix: context.slug + "-") }
        }

        if results.hasRuns {
            blocks += try curveBlocks(results, members: members, numbering: &numbering)
        }
        return blocks + (try unfinishedBlocks(numbering: &numbering)) + (try runNoteBlocks())
    }

    /// The notes written on the runs with `tracker note`, if any.
    private func runNoteBlocks() throws -> [ReportBlock] {
        let notes = try RunNotes(selection: context.selection, store: context.store).notes
        guard !notes.isEmpty else { return [] }
        return [
            .heading(level: 3, text: "Notes on runs", anchor: context.slug + "-run-notes"),
            .list(notes.map { RichText("run \($0.run): \($0.text)") }),
        ]
    }

    /// The curves, where their values come from, and the generalisation gap.
    private func curveBlocks(
        _ results: ResultsPart.Output, members: [String], numbering: inout Numbering
    ) throws -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        blocks.append(.heading(level: 3, text: "Curves", anchor: context.slug + "-curves"))
        let figures = CurveFigures(context: context)
        let loaded = try figures.load()
        if let x = context.design.sweep {
            blocks.append(.figure(try figures.sweep(x, curveKeys: loaded.keys, numbering: &numbering)))
        }
        blocks += figures.byGroup(loaded, numbering: &numbering).map(ReportBlock.figure)
        blocks += figures.eachGroup(loaded, numbering: &numbering).map(ReportBlock.figure)
        // queries/curves.sql takes one experiment.
        let query =
            members.count == 1
            ? " or " + RichText.code(context.reproduction.query("curves", experiment: members[0])) : ""
        blocks.append(
            .paragraph(
                "Every epoch of every run, the values behind these curves: "
                    + .code(context.reproduction.export(context.selection)) + query + "."))

        blocks.append(.heading(level: 3, text: "Generalisation gap", anchor: context.slug + "-gap"))
        if let summary = GapSummary.text(results.comparison) { blocks.append(.paragraph(summary)) }
        blocks.append(.figure(figures.gap(loaded, numbering: &numbering)))
        return blocks
    }

    /// The runs that did not complete, or the sentence that says every run did.
    private func unfinishedBlocks(numbering: inout Numbering) throws -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        blocks.append(.heading(level: 3, text: "Runs that did not complete", anchor: context.slug + "-unfinished"))
        let unfinished = try UnfinishedRuns(
            selection: context.selection, keys: context.design.keys, store: context.store)
        if !unfinished.runs.isEmpty {
            blocks.append(
                .table(
                    unfinished.table(
                        number: numbering.nextTable(), experiment: context.title,
                        counted: context.request.status == .any)))
            blocks.append(
                .paragraph(
                    "Each one's epochs and error: " + .code("tracker show RUN") + "; to continue one from its last "
                        + "epoch: " + .code("tracker resume RUN") + "."))
        } else {
            blocks.append(.paragraph("Every run completed."))
        }
        return blocks
    }
}
