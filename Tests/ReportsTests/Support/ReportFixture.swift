import Foundation
import SQLite
import Store
import TestSupport
import TextOutput
import TrackerFixtures

@testable import Reports
@testable import RunQueries

/// The fixture's completed runs grouped as a report groups them, and the cells a
/// report's table must hold for them, computed here without tracker's formatting.
enum ReportFixture {
    /// The completed runs of `experiment` whose values of `keys` are `values`.
    static func runs(_ experiment: String, _ keys: [GroupKey], _ values: [Cell]) -> [FixtureRun] {
        CompareFixture.completed.map(\.run).filter { run in
            run.experiment == experiment && keys.map { run.value(of: $0) } == values
        }
    }

    /// `91.37 ± 0.05`, or `33.28` for one run: the mean and sample deviation in percent.
    static func percent(_ values: [Double]) -> String {
        let (mean, deviation) = meanAndDeviation(values)
        let text = String(format: "%.2f", displayed(mean))
        return deviation.map { text + " ± " + String(format: "%.2f", displayed($0)) } ?? text
    }

    /// A fraction in percent rounded as tables round: to two decimals, halves away from
    /// zero, a half short by binary rounding error (a few ulps) still a half.
    static func displayed(_ fraction: Double) -> Double {
        ((fraction * 10000 * 1e6).rounded() / 1e6).rounded(.toNearestOrAwayFromZero) / 100
    }

    /// A difference of fractions in points with its sign: `+0.93`.
    static func points(_ difference: Double) -> String {
        String(format: "%+.2f", displayed(difference))
    }

    /// The cells of an accuracy table's row for `runs`: runs, train, dev, test, gap and,
    /// against `baseline` runs, Δ test and p.
    static func accuracyCells(_ runs: [FixtureRun], baseline: [FixtureRun]?) -> [String] {
        let train = runs.map(\.final.train)
        let test = runs.map(\.final.test)
        var cells = [String(runs.count), percent(train), percent(runs.map(\.final.dev)), percent(test)]
        cells.append(points(meanAndDeviation(train).mean - meanAndDeviation(test).mean))
        guard let baseline else { return cells }
        if baseline.map(\.final.test) == test { return cells + ["baseline", "-"] }
        let base = baseline.map(\.final.test)
        cells.append(points(meanAndDeviation(test).mean - meanAndDeviation(base).mean))
        guard let welch = WelchTest(SampleSummary(test), against: SampleSummary(base)) else { return cells + ["-"] }
        let p = welch.p < 0.001 ? "<0.001" : String(format: "%.3f", welch.p)
        return cells + [p + (welch.p < 0.05 ? "*" : "")]
    }

    /// A report of the fixture's three experiments.
    static func report(_ store: TrackerStore, showsRuns: Bool = false) throws -> Report {
        try Report(
            ReportRequest(experiments: ["activation", "regularization", "batch-size"], showsRuns: showsRuns),
            store: store)
    }
}
