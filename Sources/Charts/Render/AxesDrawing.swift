/// The frame, grid lines, ticks, tick labels and axis titles around a plot rectangle.
struct AxesDrawing {
    let plot: Rect
    let x: AxisScale
    let y: AxisScale
    let y2: AxisScale?

    /// Horizontal space the labels and title of a vertical axis take beside the frame.
    static func verticalAxisWidth(_ scale: AxisScale) -> Double {
        let labels = scale.ticks.map { TextMetrics.width(of: $0.label, fontSize: Theme.tickFontSize) }.max() ?? 0
        let title = scale.axis.title.isEmpty ? 0 : Theme.axisTitleFontSize + 6
        return Theme.tickLength + Theme.tickLabelGap + labels + title
    }

    /// Vertical space below the frame: tick marks, labels and the x axis title.
    static func horizontalAxisHeight(_ axis: Axis) -> Double {
        Theme.tickLength + Theme.tickLabelGap + Theme.tickFontSize
            + (axis.title.isEmpty ? 0 : 8 + Theme.axisTitleFontSize)
    }

    /// Light lines at the ticks of the x and left y axes, under the data.
    var grid: SVGElement {
        var path = PathData()
        for tick in x.ticks {
            let position = xPosition(tick.value)
            path.move(to: Point(x: position, y: plot.y))
            path.line(to: Point(x: position, y: plot.maxY))
        }
        for tick in y.ticks {
            let position = yPosition(tick.value, on: y)
            path.move(to: Point(x: plot.x, y: position))
            path.line(to: Point(x: plot.maxX, y: position))
        }
        return SVGElement(
            "path",
            [
                "class": "grid", "d": SVGValue(path.text), "stroke": SVGValue(Theme.gridColor),
                "stroke-width": 1, "fill": "none",
            ])
    }

    /// The frame with tick marks, tick labels and axis titles, over the data.
    var elements: [SVGElement] {
        var marks = PathData()
        marks.append(rectangle(plot))
        var labels: [SVGElement] = []
        for (ticks, length) in [(x.ticks.map(\.value), Theme.tickLength), (x.minorTicks, Theme.tickLength * 0.6)] {
            for value in ticks { marks.append("M\(n(xPosition(value))) \(n(plot.maxY))v\(n(length))") }
        }
        let xBaseline = plot.maxY + Theme.tickLength + Theme.tickLabelGap + Theme.tickFontSize * 0.8
        labels.append(
            textGroup(
                "x-ticks", anchor: "middle",
                x.ticks.map { tick in
                    (Point(x: xPosition(tick.value), y: xBaseline), tick.label)
                }))
        labels.append(contentsOf: verticalAxis(y, side: -1, marks: &marks))
        if let y2 { labels.append(contentsOf: verticalAxis(y2, side: 1, marks: &marks)) }
        if !x.axis.title.isEmpty {
            let title = TextMetrics.truncate(x.axis.title, toWidth: plot.width, fontSize: Theme.axisTitleFontSize)
            labels.append(
                SVGElement(
                    "text",
                    [
                        "class": "x-title", "x": SVGValue(plot.midX),
                        "y": SVGValue(xBaseline + 8 + Theme.axisTitleFontSize),
                        "text-anchor": "middle", "font-size": SVGValue(Theme.axisTitleFontSize),
                    ],
                    text: title))
        }
        let frame = SVGElement(
            "path",
            [
                "class": "frame", "d": SVGValue(marks.text), "stroke": SVGValue(Theme.axisColor),
                "stroke-width": 1, "fill": "none",
            ])
        return [frame, SVGElement("g", ["fill": SVGValue(Theme.textColor)], children: labels)]
    }

    /// Ticks, labels and title of a vertical axis; `side` −1 is the left, +1 the right.
    private func verticalAxis(_ scale: AxisScale, side: Double, marks: inout PathData) -> [SVGElement] {
        let edge = side < 0 ? plot.x : plot.maxX
        for (values, length) in [
            (scale.ticks.map(\.value), Theme.tickLength), (scale.minorTicks, Theme.tickLength * 0.6),
        ] {
            for value in values { marks.append("M\(n(edge)) \(n(yPosition(value, on: scale)))h\(n(side * length))") }
        }
        let labelX = edge + side * (Theme.tickLength + Theme.tickLabelGap)
        let shift = Theme.centringShift(Theme.tickFontSize)
        var elements = [
            textGroup(
                side < 0 ? "y-ticks" : "y2-ticks", anchor: side < 0 ? "end" : "start",
                scale.ticks.map { (Point(x: labelX, y: yPosition($0.value, on: scale) + shift), $0.label) })
        ]
        if !scale.axis.title.isEmpty {
            let labelWidth =
                scale.ticks.map { TextMetrics.width(of: $0.label, fontSize: Theme.tickFontSize) }.max() ?? 0
            // The baseline of a title turned by ∓90° is its inner edge; descenders need ~0.25 em.
            let baseline = labelX + side * (labelWidth + 6 + Theme.axisTitleFontSize * 0.25)
            let title = TextMetrics.truncate(scale.axis.title, toWidth: plot.height, fontSize: Theme.axisTitleFontSize)
            let angle = side < 0 ? -90 : 90
            elements.append(
                SVGElement(
                    "text",
                    [
                        "class": side < 0 ? "y-title" : "y2-title", "x": SVGValue(baseline), "y": SVGValue(plot.midY),
                        "transform": SVGValue("rotate(\(angle) \(n(baseline)) \(n(plot.midY)))"),
                        "text-anchor": "middle", "font-size": SVGValue(Theme.axisTitleFontSize),
                    ],
                    text: title))
        }
        return elements
    }

    private func textGroup(_ name: String, anchor: String, _ labels: [(Point, String)]) -> SVGElement {
        SVGElement(
            "g", ["class": SVGValue(name), "text-anchor": SVGValue(anchor), "font-size": SVGValue(Theme.tickFontSize)],
            children: labels.map { position, label in
                SVGElement("text", ["x": SVGValue(position.x), "y": SVGValue(position.y)], text: label)
            })
    }

    private func rectangle(_ rect: Rect) -> String {
        "M\(n(rect.x)) \(n(rect.y))H\(n(rect.maxX))V\(n(rect.maxY))H\(n(rect.x))Z"
    }

    private func xPosition(_ value: Double) -> Double { plot.x + x.fraction(value) * plot.width }

    private func yPosition(_ value: Double, on scale: AxisScale) -> Double {
        plot.maxY - scale.fraction(value) * plot.height
    }

    private func n(_ value: Double) -> String { PathData.number(value) }
}
