import RunQueries
public import Store

/// A report on experiments, read from the database: a section per experiment with what
/// was run, the comparison tables, the curves, the generalisation gap and the runs that
/// did not complete, each table and figure with the commands that recompute it.
public struct Report: Sendable {
    public var document: ReportDocument
    /// The experiments reported on, in section order.
    public var experiments: [String]

    /// - Throws: `ReportError` for an experiment the database does not have or a
    ///   database without runs; `SQLiteError` when the database fails.
    public init(_ request: ReportRequest, store: TrackerStore) throws {
        let known = try store.experiments().map(\.name)
        for name in request.experiments.flatMap(ReportRequest.members(of:)) where !known.contains(name) {
            throw ReportError.unknownExperiment(name, available: known)
        }
        let names = request.experiments.isEmpty ? known : request.experiments
        var surveys: [(name: String, setup: RunSurvey)] = []
        for name in names where !surveys.contains(where: { $0.name == name }) {
            var every = request.selection(name)
            every.status = .any
            let setup = try RunSurvey(every, store: store)
            if setup.runs > 0 || !request.experiments.isEmpty { surveys.append((name, setup)) }
        }
        guard surveys.contains(where: { $0.setup.runs > 0 }) else { throw ReportError.noRuns }
        experiments = surveys.map(\.name)
        if let notes = request.notes { try notes.text.check(against: experiments, file: notes.file) }

        var used: Set<String> = []
        let contexts = try surveys.map { name, setup in
            var slug = SectionContext.slug(name)
            var suffix = 2
            while used.contains(slug) || slug == "top" {
                slug = SectionContext.slug(name) + "-\(suffix)"
                suffix += 1
            }
            used.insert(slug)
            let selection = request.selection(name)
            let survey = try RunSurvey(selection, store: store)
            let design = try ExperimentDesign(survey).droppingDependentSweep { keys in
                try SectionContext.groupCount(keys, selection: selection, store: store)
            }
            return SectionContext(
                experiment: name, request: request, store: store, setup: setup, survey: survey, design: design,
                reproduction: Reproduction(database: request.database), slug: slug)
        }
        // Sections may pool experiments and share them: count each run and experiment once.
        var all = request.selection(surveys.map(\.name).joined(separator: ","))
        all.status = .any
        let total = (runs: try RunSurvey.count(all, store: store), experiments: all.experiments.count)
        var blocks = Self.header(request, contexts: contexts, total: total)
        var numbering = Numbering()
        for (index, context) in contexts.enumerated() {
            blocks += try ExperimentSection(context: context).blocks(number: index + 1, numbering: &numbering)
        }
        document = ReportDocument(title: request.title, blocks: blocks)
    }

    /// The title, where the numbers come from, and the list of sections.
    private static func header(
        _ request: ReportRequest, contexts: [SectionContext], total: (runs: Int, experiments: Int)
    ) -> [ReportBlock] {
        let (runs, experiments) = total
        var scope = "every run"
        if case .only(let status) = request.status { scope = "the \(status.rawValue) runs" }
        if !request.conditions.isEmpty {
            scope += " where " + request.conditions.map(\.text).joined(separator: " and ")
        }
        let summary =
            RichText("Read from ") + .code(request.database.path) + RichText(" by ")
            + .code("tracker " + TrackerVersion.current)
            + RichText(
                ": \(runs) run\(runs == 1 ? "" : "s") in \(experiments) experiment\(experiments == 1 ? "" : "s"). "
                    + "Tables and curves are computed from \(scope); each table is followed by the commands that "
                    + "recompute it, each figure by the command that draws it.")
        let contents = contexts.enumerated().map { index, context in
            RichText([.link("\(index + 1). \(context.title)", anchor: context.slug)])
                + RichText(" — " + SetupFields.runs(context.setup))
        }
        return [.heading(level: 1, text: request.title, anchor: "top"), .paragraph(summary)]
            + (request.notes?.text.introduction ?? []).map { $0.reportBlock(level: 2, anchorPrefix: "") }
            + [.heading(level: 2, text: "Contents", anchor: "contents"), .list(contents)]
    }
}

extension Report {
    /// The report as the one self-contained HTML page `tracker report` writes.
    public var html: String { HTMLReport.render(document) }
}
