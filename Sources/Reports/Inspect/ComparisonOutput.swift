import RunQueries
import TextOutput

/// A comparison written out: every column, unrounded, for machine formats; an aligned
/// table with percentages for people.
extension Comparison {
    /// The machine formats' columns: the group keys (`batch_size`, `tag:NAME`), `runs`,
    /// then per metric `_mean` and `_std` (and with `--stats full`, `_min`, `_max` and,
    /// for accuracies, `_ci_low` and `_ci_high`), `gap` after test, and with
    /// `--baseline`, `test_diff` and `test_p`. Accuracies are fractions.
    public var cellTable: CellTable {
        let full = request.detail == .full
        var columns = request.groups.map(\.column) + ["runs"]
        for metric in request.metrics {
            columns += ["mean", "std"].map { "\(metric.rawValue)_\($0)" }
            if full {
                columns += ["min", "max"].map { "\(metric.rawValue)_\($0)" }
                if metric.isAccuracy { columns += ["ci_low", "ci_high"].map { "\(metric.rawValue)_\($0)" } }
            }
            if metric == .test { columns.append("gap") }
        }
        if request.baseline != nil { columns += ["test_diff", "test_p"] }

        let rows = rows.map { row -> [Cell] in
            var cells = row.values + [Cell(row.runs)]
            for metric in request.metrics {
                let value = row.statistics[metric]
                cells += [Cell(value?.mean), Cell(value?.standardDeviation)]
                if full {
                    cells += [Cell(value?.minimum), Cell(value?.maximum)]
                    if metric.isAccuracy {
                        cells += [
                            Cell(value?.confidenceInterval?.lowerBound), Cell(value?.confidenceInterval?.upperBound),
                        ]
                    }
                }
                if metric == .test { cells.append(Cell(row.gap)) }
            }
            if request.baseline != nil {
                cells += [Cell(row.baseline?.difference), Cell(row.baseline?.p)]
            }
            return cells
        }
        return CellTable(columns: columns, rows: rows)
    }

    /// The table for people: accuracies in percent with two decimals as `mean ± std`,
    /// the gap and differences in percentage points, losses with four decimals;
    /// `-` where a value is missing (the deviation of a single run).
    public var textTable: TextTable {
        var table = TextTable(columns: request.groups.map { TextTable.Column($0.description) })
        table.rows = rows.map { row in row.values.map { TextTable.Entry(NumberText.value($0)) } }
        table.append("runs", rows.map { TextTable.Entry(String($0.runs)) })
        for metric in request.metrics {
            addColumns(of: metric, to: &table)
            if metric == .test { table.append("gap", rows.map { TextTable.Entry(NumberText.points($0.gap)) }) }
        }
        if request.baseline != nil {
            table.append(
                "test diff",
                rows.map { row in
                    row.baseline?.isBaseline == true
                        ? TextTable.Entry("baseline", tint: .dim)
                        : TextTable.Entry(NumberText.points(row.baseline?.difference))
                })
            table.append(
                "p",
                rows.map { row in
                    let p = row.baseline?.p
                    return TextTable.Entry(NumberText.pValue(p), tint: p.map { $0 < 0.05 } == true ? .green : nil)
                })
        }
        return table
    }

    /// `mean ± std` of `metric`, then with `--stats full` its min, max and 95% CI.
    private func addColumns(of metric: Metric, to table: inout TextTable) {
        let format = { (value: Double?) in
            metric.isAccuracy ? NumberText.percent(value) : NumberText.fixed(value, decimals: 4)
        }
        let name = metric.rawValue.replacing("_", with: " ")
        let values = rows.map { $0.statistics[metric] }
        table.append(
            metric.isAccuracy ? name + " %" : name,
            Self.meanAndDeviation(values, format: format).map { TextTable.Entry($0) })
        guard request.detail == .full else { return }
        table.append(name + " min", values.map { TextTable.Entry(format($0?.minimum)) })
        table.append(name + " max", values.map { TextTable.Entry(format($0?.maximum)) })
        guard metric.isAccuracy else { return }
        table.append(
            name + " 95% CI",
            values.map { value in
                let interval = value?.confidenceInterval
                return TextTable.Entry(interval.map { format($0.lowerBound) + "–" + format($0.upperBound) } ?? "-")
            })
    }

    /// `mean ± std` cells, the deviations padded so that the ± line up.
    static func meanAndDeviation(_ values: [MetricStatistics?], format: (Double?) -> String) -> [String] {
        let deviations = values.map { format($0?.standardDeviation) }
        let width = deviations.map(\.count).max() ?? 0
        return zip(values, deviations).map { value, deviation in
            format(value?.mean) + " ± " + pad(deviation, to: width, right: true)
        }
    }
}
