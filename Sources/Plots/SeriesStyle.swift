import Charts
import RunQueries

/// Names and styles of a plot's lines. A chart shows either several groups (each its
/// own style, the same in every panel) or one group's measures (each its own style):
/// several groups and several measures are split into one panel per measure.
enum SeriesStyle {
    /// The style of line `group` (when there are several groups) or `measure`.
    static func of(group: Int, measure: Int, groups: Int) -> LineStyle {
        .automatic(groups > 1 ? group : measure)
    }

    /// A single run's line under its group's mean: the group's colour, dotted.
    static func run(of style: LineStyle) -> LineStyle {
        LineStyle(color: style.color, dash: .dotted, marker: style.marker, symbol: style.symbol)
    }

    /// The name of a line: the group's label, or the measure's split, or the measure.
    static func name(group: String, measure: CurveMeasure, groups: Int, measures: Int) -> String {
        if groups > 1 { return group }
        return measures > 1 ? measure.splitName : measure.name
    }
}
