import RunQueries
import Store
import TextOutput

/// The results of an experiment section: its comparison table (or, when that would be
/// too long, one table per varied setting), the significance note, and the commands
/// that recompute each table.
struct ResultsPart {
    let context: SectionContext

    struct Output {
        var blocks: [ReportBlock]
        /// The comparison of the main table: by every key.
        var comparison: Comparison
        /// Whether any run has results.
        var hasRuns: Bool
    }

    func blocks(numbering: inout Numbering) throws -> Output {
        let design = context.design
        let full = try Comparison(
            ComparisonRequest(
                groups: design.keys, selection: context.selection, metricSelection: context.request.metricSelection),
            store: context.store)
        guard !full.rows.isEmpty else {
            return Output(
                blocks: [.paragraph(RichText("No \(context.selection.summary) with results: nothing to compare."))],
                comparison: full, hasRuns: false)
        }
        guard full.rows.count > ExperimentSection.rowLimit else {
            return Output(
                blocks: try table(keys: design.keys, sweep: design.sweep, numbering: &numbering, comparison: full),
                comparison: full, hasRuns: true)
        }
        let split = RichText(
            "The \(full.rows.count) combinations of \(ResultTable.keyWords(design.keys)) are too many to read in one "
                + "table: each table below groups the runs by one setting, averaged over the others. Every combination: "
        )
        var blocks: [ReportBlock] = [
            .paragraph(split + .code(context.reproduction.compare(full.request)) + RichText("."))
        ]
        for key in design.variedKeys {
            blocks += try table(
                keys: [key], sweep: key == design.sweep.map(GroupKey.attribute) ? design.sweep : nil,
                numbering: &numbering, testsSignificance: false)
        }
        return Output(blocks: blocks, comparison: full, hasRuns: true)
    }

    /// A table by `keys`, its note and its commands; `comparison`, when given, is the
    /// comparison by `keys` already computed.
    private func table(
        keys: [GroupKey], sweep: RunAttribute?, numbering: inout Numbering, testsSignificance: Bool = true,
        comparison computed: Comparison? = nil
    ) throws -> [ReportBlock] {
        var request = ComparisonRequest(
            groups: keys, selection: context.selection, metricSelection: context.request.metricSelection)
        let scope = context.title
        let table: ReportTable
        var note: RichText?
        var comparison = try computed ?? Comparison(request, store: context.store)
        if sweep != nil {
            let timings = try TimingStatistics.load(groups: keys, selection: context.selection, store: context.store)
            table = ResultTable.sweep(comparison, timings: timings, number: numbering.nextTable(), scope: scope)
        } else {
            if testsSignificance, let baseline = baseline(for: comparison) {
                request.baseline = baseline
                comparison = try comparison.compared(with: baseline)
                note = SignificanceNote.note(comparison)
            }
            table = ResultTable.accuracies(comparison, number: numbering.nextTable(), scope: scope)
        }
        var blocks: [ReportBlock] = [.table(table)]
        if let note { blocks.append(.paragraph(note)) }
        var commands = [context.reproduction.compare(request)]
        if let query = Reproduction.namedQuery(for: request, sweep: sweep != nil),
            let experiment = request.selection.experiments.first
        {
            commands.append(context.reproduction.query(query, experiment: experiment))
        }
        blocks.append(.paragraph("Table \(table.number) is recomputed by:"))
        blocks.append(.commands(commands))
        if commands.count == 1 {
            blocks.append(
                .details(
                    summary: "The SQL of Table \(table.number), for sqlite3 -box \(context.request.database.path)",
                    code: comparison.query.shellScript))
        }
        return blocks
    }

    /// The group every other is compared with: the `--baseline` group when the table
    /// has it; else, for a table of activations, regularizations or noise (the first
    /// such key that varies, in that order), ReLU, no regularization or no noise, or
    /// the key's first value when that is missing. None when no such key varies.
    private func baseline(for comparison: Comparison) -> Baseline? {
        let keys = comparison.request.groups
        let rows = comparison.rows
        // A --baseline of another key or value leaves this table to the automatic choice.
        if let text = context.request.baseline, let given = try? Baseline(parsing: text, groups: keys),
            rows.contains(where: { given.matches($0.values[given.keyIndex]) })
        {
            return given
        }
        for (attribute, value) in Self.preferredBaselines {
            guard let index = keys.firstIndex(of: .attribute(attribute)) else { continue }
            let values = rows.map { $0.values[index] }
            guard Set(values).count > 1 else { continue }
            let candidate = Baseline(keyIndex: index, value: value)
            if values.contains(where: candidate.matches) { return candidate }
            return values.first.map { Baseline(keyIndex: index, value: NumberText.value($0)) }
        }
        return nil
    }

    /// The keys a table compares against a baseline, and the baseline's value.
    static let preferredBaselines: [(RunAttribute, String)] = [
        (.activation, "relu"), (.regularization, "none"), (.setting(.labelNoise), "0"), (.setting(.inputNoise), "0"),
    ]
}
