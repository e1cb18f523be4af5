import RunQueries
import Store

/// What every part of an experiment's section needs: the experiment, its runs, how they
/// are grouped, and how commands and files are named.
struct SectionContext {
    let experiment: String
    let request: ReportRequest
    let store: TrackerStore
    /// Every run of the experiment, whatever its status: what was run.
    let setup: RunSurvey
    /// The runs tables and curves read, and how they are grouped.
    let survey: RunSurvey
    let design: ExperimentDesign
    let reproduction: Reproduction
    /// The experiment's name as it starts figure file names: `batch-size`.
    let slug: String

    /// The runs tables and curves read.
    var selection: RunSelection { request.selection(experiment) }

    /// The experiments the section pools, as its heading and captions name them:
    /// `weight-decay + dropout`.
    var title: String { ReportRequest.members(of: experiment).joined(separator: " + ") }

    /// The number of groups the section's runs form by `keys`.
    func groupCount(_ keys: [GroupKey]) throws -> Int {
        try Self.groupCount(keys, selection: selection, store: store)
    }

    /// The number of groups the runs `selection` picks form by `keys` (no keys: one).
    static func groupCount(_ keys: [GroupKey], selection: RunSelection, store: TrackerStore) throws -> Int {
        guard !keys.isEmpty else { return 1 }
        return try Comparison(ComparisonRequest(groups: keys, selection: selection), store: store).rows.count
    }

    /// `batch-size-loss.svg`.
    func fileName(_ figure: String) -> String {
        "\(slug)-\(figure).svg"
    }

    /// Lowercase letters and digits of `name`, other runs of characters as one `-`:
    /// `Weight decay (0.001)` → `weight-decay-0-001`; `experiment` when nothing is left.
    static func slug(_ name: String) -> String {
        var slug = ""
        for character in name.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                slug.append(character)
            } else if !slug.isEmpty && slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug.isEmpty ? "experiment" : slug
    }
}

/// The numbers of tables and figures, counted through the whole report as the seed does.
struct Numbering {
    private(set) var tables = 0
    private(set) var figures = 0

    mutating func nextTable() -> Int {
        tables += 1
        return tables
    }

    mutating func nextFigure() -> Int {
        figures += 1
        return figures
    }
}
