import TextOutput

/// A line chart drawn with braille characters for a terminal, with axes, tick labels,
/// axis titles and a legend.
///
///     Loss per epoch
///     loss (nats)
///     2.0┤⢣
///     1.5┤⠈⢆
///     …
///        └┬────┬────┬
///         2    4    6
///             epoch
///
/// Lines are drawn at 2 × 4 dots per character. With two series or more, each series
/// also shows its marker glyph (`o`, `#`, `^`, `*`, `v`) at some of its points, at least
/// six columns apart, and the legend names them: the series stay apart without colour.
/// Bands are not drawn (the text is too coarse for them); isolated points get a marker.
/// Labels are cleaned of control characters, and widths count East Asian wide characters
/// as two columns. The same chart always gives the same text.
@dynamicMemberLookup
public struct TextChart: Sendable, Equatable {
    /// What is drawn: the same description as an SVG chart. Its properties can also be
    /// read and set on the text chart itself (`textChart.title`).
    public var chart: LineChart

    public init(title: String, xAxis: Axis, yAxis: Axis, secondaryYAxis: Axis? = nil, series: [Series]) {
        chart = LineChart(title: title, xAxis: xAxis, yAxis: yAxis, secondaryYAxis: secondaryYAxis, series: series)
    }

    /// The text version of an SVG chart.
    public init(_ chart: LineChart) {
        self.chart = chart
    }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<LineChart, Value>) -> Value {
        get { chart[keyPath: keyPath] }
        set { chart[keyPath: keyPath] = newValue }
    }

    /// The chart in `width` columns and `height` lines (a plot of at least 2 lines and
    /// 4 columns is kept, even if that overflows a smaller size), lines separated by
    /// newlines without trailing spaces. With `colors`, series are coloured with ANSI
    /// escape codes. Precondition: `width` and `height` are positive.
    public func render(width: Int = 80, height: Int = 24, colors: Bool = false) -> String {
        precondition(width > 0 && height > 0, "bad size \(width)×\(height)")
        let plotted = chart.plottedSeries
        let legend = TextLegend(series: plotted, width: width, colors: colors)
        let title = DisplayWidth.sanitize(chart.title)
        let axisTitles = [chart.yAxis.title, chart.secondaryYAxis?.title ?? ""].map(DisplayWidth.sanitize)
        let xTitle = DisplayWidth.sanitize(chart.xAxis.title)
        let fixedLines =
            (title.isEmpty ? 0 : 1) + (axisTitles.allSatisfy(\.isEmpty) ? 0 : 1) + 2
            + (xTitle.isEmpty ? 0 : 1) + legend.lines.count
        let rows = max(2, height - fixedLines)
        let (y, y2) = chart.yScales(plotted, maxTicks: rows / 3 + 1)
        let gutter = y.ticks.map { DisplayWidth.of($0.label) }.max() ?? 0
        let rightGutter = y2.map { 1 + ($0.ticks.map { DisplayWidth.of($0.label) }.max() ?? 0) } ?? 0
        let columns = max(4, width - gutter - 1 - rightGutter)
        let x = chart.xScale(plotted, length: Double(columns), maxTicks: columns / 8 + 1, gap: 2) {
            Double(DisplayWidth.of($0))
        }
        let plot = TextPlot(plotted: plotted, columns: columns, rows: rows, x: x, y: y, y2: y2)
        var lines: [String] = []
        if !title.isEmpty { lines.append(TextLine.centered(title, in: width)) }
        if !axisTitles.allSatisfy(\.isEmpty) {
            var line = TextLine(width: width)
            line.put(DisplayWidth.truncate(axisTitles[0], to: width), at: 0)
            let right = DisplayWidth.truncate(axisTitles[1], to: width / 2)
            line.put(right, at: width - DisplayWidth.of(right))
            lines.append(line.text)
        }
        lines.append(contentsOf: plot.rows(gutter: gutter, rightGutter: rightGutter, colors: colors))
        lines.append(plot.axisLine(gutter: gutter))
        lines.append(plot.tickLabels(gutter: gutter, width: width))
        if !xTitle.isEmpty {
            lines.append(TextLine.centered(xTitle, in: columns, offset: gutter + 1))
        }
        lines.append(contentsOf: legend.lines)
        return lines.joined(separator: "\n")
    }
}
