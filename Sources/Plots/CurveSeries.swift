import Charts
import RunQueries

/// The panels of per-epoch curves: each group's mean with its ± 1 std band and, on
/// request, each run's own line under it in its group's colour.
///
/// Several groups and several measures make one panel per measure, each with a line per
/// group (the seed's Figure 3: train and dev loss side by side); otherwise one panel
/// holds every line.
public enum CurveSeries {
    /// The panels for `measures` of `groups` named by `labels`; `runs`, when given, are
    /// matched to their group by their key values and drawn first, unnamed, so that the
    /// means lie on top and the legend lists groups only. A single panel takes `title`,
    /// several are titled by their measure.
    public static func panels(
        title: String, groups: [GroupCurves], labels: [String], measures: [CurveMeasure], runs: [RunCurves]? = nil
    ) -> [LineChart] {
        let split = groups.count > 1 && measures.count > 1
        return (split ? measures.map { [$0] } : [measures]).map { shown in
            var under: [Series] = []
            var means: [Series] = []
            for (g, group) in groups.enumerated() {
                for measure in shown {
                    let m = measures.firstIndex(of: measure) ?? 0
                    let style = SeriesStyle.of(group: g, measure: m, groups: groups.count)
                    for run in runs ?? [] where run.values == group.values {
                        under.append(Series("", points: run.points(measure), style: SeriesStyle.run(of: style)))
                    }
                    let name = SeriesStyle.name(
                        group: labels[g], measure: measure, groups: groups.count, measures: measures.count)
                    means.append(Series(name, points: group.points(measure), style: style))
                }
            }
            return LineChart(
                title: split ? shown[0].name : title, xAxis: epochAxis, yAxis: shown[0].axis, series: under + means)
        }
    }

    /// The panels of single runs, each run a line named by its id.
    public static func panels(title: String, runs: [RunCurves], measures: [CurveMeasure]) -> [LineChart] {
        let groups = runs.map { run in
            GroupCurves(
                values: [.integer(Int64(run.id))], runs: 1, epochs: run.epochs,
                statistics: run.measures.mapValues { $0.map { MetricStatistics(mean: $0, standardDeviation: nil) } })
        }
        return panels(title: title, groups: groups, labels: runs.map { "run \($0.id)" }, measures: measures)
    }

    /// The x axis of every per-epoch chart.
    static let epochAxis = Axis("epoch", format: .integer)
}
