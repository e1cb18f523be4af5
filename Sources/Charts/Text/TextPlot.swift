import TextOutput

/// The plot area of a text chart and the axes around it: the series drawn on a braille
/// canvas, y tick labels in a gutter on the left (and right), the x axis line and its
/// labels.
struct TextPlot {
    let columns: Int
    let rows: Int
    let x: AxisScale
    let y: AxisScale
    let y2: AxisScale?
    private let canvas: BrailleCanvas
    private let colors: [LineStyle.Color]
    private let isEmpty: Bool

    /// Markers of one series are kept at least this many columns apart.
    static let markerSpacing = 6

    init(plotted: [PlottedSeries], columns: Int, rows: Int, x: AxisScale, y: AxisScale, y2: AxisScale?) {
        self.columns = columns
        self.rows = rows
        self.x = x
        self.y = y
        self.y2 = y2
        colors = plotted.map(\.style.color)
        isEmpty = plotted.allSatisfy { $0.runs.isEmpty }
        var canvas = BrailleCanvas(columns: columns, rows: rows)
        let marked = plotted.filter { !$0.runs.isEmpty }.count >= 2
        for (index, series) in plotted.enumerated() {
            let scale = series.side == .right ? (y2 ?? y) : y
            func dot(_ point: DataPoint) -> (x: Int, y: Int) {
                (
                    Self.dot(x.fraction(point.x), count: canvas.dotColumns),
                    canvas.dotRows - 1 - Self.dot(scale.fraction(point.y), count: canvas.dotRows)
                )
            }
            for run in series.runs {
                let dots = run.map(dot)
                canvas.plot(x: dots[0].x, y: dots[0].y, series: index)
                for (start, end) in zip(dots, dots.dropFirst()) { canvas.line(from: start, to: end, series: index) }
            }
            var lastMarker: Int?
            let spacing = marked ? Self.markerSpacing : 2
            for run in series.runs where marked || series.showsMarkers || run.count == 1 {
                for point in run {
                    let position = dot(point)
                    guard run.count == 1 || lastMarker.map({ position.x / 2 - $0 >= spacing }) ?? true
                    else { continue }
                    canvas.mark(x: position.x, y: position.y, glyph: series.style.symbol, series: index)
                    lastMarker = position.x / 2
                }
            }
        }
        self.canvas = canvas
    }

    /// The dot index of `fraction` along `count` dots; far-off values are held close.
    static func dot(_ fraction: Double, count: Int) -> Int {
        Int((min(11, max(-10, fraction)) * Double(count - 1)).rounded())
    }

    /// The plot lines, each with its y tick label and axis character.
    func rows(gutter: Int, rightGutter: Int, colors useColors: Bool) -> [String] {
        let left = tickRows(y)
        let right = y2.map(tickRows) ?? [:]
        return (0..<rows).map { row in
            var line = String(repeating: " ", count: gutter - DisplayWidth.of(left[row] ?? "")) + (left[row] ?? "")
            line += left[row] == nil ? "│" : "┤"
            var current: LineStyle.Color?
            for column in 0..<columns {
                let cell = canvas.cell(column: column, row: row)
                let color = useColors ? cell.series.map { colors[$0] } : nil
                if color != current {
                    line += ANSI.set(color)
                    current = color
                }
                line.append(cell.character)
            }
            if current != nil { line += ANSI.set(nil) }
            if isEmpty && row == rows / 2 {
                line = String(line.prefix(gutter + 1)) + TextLine.centered("no data", in: columns)
            }
            if y2 != nil { line += (right[row] == nil ? "│" : "├") + (right[row] ?? "") }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// `└──┬───┬──` with a `┬` at each x tick (and `┘` under a right axis).
    func axisLine(gutter: Int) -> String {
        let ticks = Set(x.ticks.map(tickColumn))
        return String(repeating: " ", count: gutter) + "└"
            + String((0..<columns).map { ticks.contains($0) ? "┬" : "─" }) + (y2 == nil ? "" : "┘")
    }

    /// The x tick labels centred under their ticks, moved in at the ends of the line; a
    /// label that would touch the previous one is left out.
    func tickLabels(gutter: Int, width: Int) -> String {
        var line = TextLine(width: max(width, gutter + 1 + columns))
        var end = -1
        for tick in x.ticks {
            let size = DisplayWidth.of(tick.label)
            let centred = gutter + 1 + tickColumn(tick) - (size - 1) / 2
            let start = max(0, min(centred, line.width - size))
            if start > end && line.put(tick.label, at: start) { end = start + size }
        }
        return line.text
    }

    private func tickColumn(_ tick: AxisScale.Tick) -> Int {
        Self.dot(x.fraction(tick.value), count: canvas.dotColumns) / 2
    }

    /// The row of each tick label; the first tick wins when two share a row.
    private func tickRows(_ scale: AxisScale) -> [Int: String] {
        var rows: [Int: String] = [:]
        for tick in scale.ticks {
            let row = (canvas.dotRows - 1 - Self.dot(scale.fraction(tick.value), count: canvas.dotRows)) / 4
            if (0..<self.rows).contains(row) && rows[row] == nil { rows[row] = tick.label }
        }
        return rows
    }
}

/// ANSI SGR escape sequences for the series colours.
enum ANSI {
    /// The sequence that switches to `color`, or back to the default for `nil`.
    static func set(_ color: LineStyle.Color?) -> String {
        "\u{1B}[\(color?.ansiCode ?? 0)m"
    }
}
