import Charts
import RunQueries
import Store
import TextOutput

/// Final results against a numeric setting (the seed's Figure 4: dev accuracy against
/// batch size): one line per group of the other keys and measure, each point the mean
/// ± 1 std of a `tracker compare` row, and optionally the mean training time of the
/// same runs on a right axis.
public struct SweepChart {
    public let plot: Plot
    /// The comparison whose rows the points are: groups `keys + [x]`.
    let comparison: Comparison
    /// Mean training seconds of each row's runs, when asked for.
    let times: [[Cell]: Double]

    /// - Throws: `PlotError.noRuns` when no run has results; `SQLiteError`.
    public init(
        selection: RunSelection, keys: [GroupKey], x: RunAttribute, measure: PlotMeasure, withTime: Bool,
        store: TrackerStore
    ) throws {
        let groups = keys + [.attribute(x)]
        let includesLoss = measure.measures.contains { if case .loss = $0 { true } else { false } }
        comparison = try Comparison(
            ComparisonRequest(groups: groups, selection: selection, includesLoss: includesLoss), store: store)
        guard !comparison.rows.isEmpty else { throw PlotError.noRuns(selection.summary) }
        let times = withTime ? try Self.trainingTimes(groups: groups, selection: selection, store: store) : [:]
        self.times = times
        let runs = comparison.rows.map(\.runs).reduce(0, +)
        let title =
            PlotTitle.capitalized(measure.name) + " against " + Self.label(x) + " — " + PlotTitle.scope(selection)
            + PlotTitle.grouping(keys) + " " + PlotTitle.statistics(runs: runs)
            + (withTime ? ", with training time" : "")
        plot = Self.plot(
            title: title, rows: comparison.rows, keys: keys, x: x, measures: measure.measures,
            times: withTime ? times : nil)
    }

    /// One line per group of the other keys (in each panel of a measure), and the
    /// training time of each on the right axis when `times` are given.
    static func plot(
        title: String, rows: [ComparisonRow], keys: [GroupKey], x: RunAttribute, measures: [CurveMeasure],
        times: [[Cell]: Double]?
    ) -> Plot {
        var lines: [(values: [Cell], rows: [ComparisonRow])] = []
        for row in rows {
            let values = Array(row.values.dropLast())
            if let index = lines.firstIndex(where: { $0.values == values }) {
                lines[index].rows.append(row)
            } else {
                lines.append((values, [row]))
            }
        }
        let labels = GroupLabel.labels(keys: keys, values: lines.map(\.values))
        let split = lines.count > 1 && measures.count > 1
        let xValues = rows.compactMap { $0.values.last?.double }
        let logarithmic = (xValues.min() ?? 0) > 0 && (xValues.max() ?? 0) >= 10 * (xValues.min() ?? 0)
        let xAxis = Axis(label(x), scale: logarithmic ? .log : .linear, format: x.kind == .integer ? .integer : .number)
        let panels = (split ? measures.map { [$0] } : [measures]).map { shown in
            var series: [Series] = []
            for (g, line) in lines.enumerated() {
                for measure in shown {
                    let m = measures.firstIndex(of: measure) ?? 0
                    series.append(
                        Series(
                            SeriesStyle.name(
                                group: labels[g], measure: measure, groups: lines.count, measures: measures.count),
                            points: line.rows.map { point($0, measure) }, showsMarkers: true,
                            style: SeriesStyle.of(group: g, measure: m, groups: lines.count)))
                }
            }
            for (g, line) in lines.enumerated() where times != nil {
                let color = lines.count > 1 ? SeriesStyle.of(group: g, measure: 0, groups: lines.count).color : .black
                series.append(
                    Series(
                        lines.count > 1 ? "training time · " + labels[g] : "training time",
                        points: line.rows.map { row in
                            DataPoint(x: row.values.last?.double ?? .nan, y: times?[row.values] ?? .nan)
                        },
                        axis: .right, showsMarkers: true, style: LineStyle(color: color, dash: .dashed, marker: .square)
                    ))
            }
            return LineChart(
                title: split ? shown[0].name : title, xAxis: xAxis, yAxis: shown[0].axis,
                secondaryYAxis: times == nil ? nil : Axis("training time", unit: "s"), series: series)
        }
        return Plot(title: title, panels: panels)
    }

    /// `batch size`, from `batch-size`.
    static func label(_ x: RunAttribute) -> String {
        x.rawValue.replacing("-", with: " ")
    }

    /// A row's mean ± std of `measure` at its value of x; the gap has no spread.
    private static func point(_ row: ComparisonRow, _ measure: CurveMeasure) -> DataPoint {
        let x = row.values.last?.double ?? .nan
        let metric: Metric
        switch measure {
        case .gap: return DataPoint(x: x, y: row.gap ?? .nan)
        case .accuracy(.train): metric = .train
        case .accuracy(.dev): metric = .dev
        case .accuracy(.test): metric = .test
        case .loss(.train): metric = .trainLoss
        case .loss(.dev): metric = .devLoss
        case .loss(.test): metric = .testLoss
        }
        let statistics = row.statistics[metric]
        return DataPoint(x: x, y: statistics?.mean ?? .nan, spread: statistics?.standardDeviation)
    }

    /// The mean training time of the runs of each group that have results, keyed by the
    /// groups' values: the same runs as the comparison's rows.
    static func trainingTimes(groups: [GroupKey], selection: RunSelection, store: TrackerStore) throws
        -> [[Cell]: Double]
    {
        let rows = try TimingStatistics.load(groups: groups, selection: selection, store: store)
        return Dictionary(rows.map { ($0.values, $0.trainSeconds) }, uniquingKeysWith: { first, _ in first })
    }
}
