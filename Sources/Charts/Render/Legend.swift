/// The legend box: one entry per named series, in series order, each with a sample of
/// the line (dash, marker and band as drawn) and the name.
struct Legend {
    struct Entry {
        let name: String
        let style: LineStyle
        let showsLine: Bool
        let showsMarker: Bool
        let showsBand: Bool
    }

    static let swatchWidth = 24.0
    static let rowHeight = 17.0
    static let inset = 7.0
    /// Distance kept between the legend and the plot frame or the data.
    static let margin = 6.0

    let entries: [Entry]
    let width: Double
    let height: Double

    /// Entries for the named series; names are cut with `…` beyond `maxNameWidth`.
    init(series: [PlottedSeries], maxNameWidth: Double) {
        entries = series.filter { !$0.name.isEmpty }.map { plotted in
            Entry(
                name: TextMetrics.truncate(plotted.legendName, toWidth: maxNameWidth, fontSize: Theme.legendFontSize),
                style: plotted.style,
                showsLine: !plotted.lines.isEmpty || plotted.markers.isEmpty,
                showsMarker: !plotted.markers.isEmpty,
                showsBand: plotted.hasBand)
        }
        let textWidth = entries.map { TextMetrics.width(of: $0.name, fontSize: Theme.legendFontSize) }.max() ?? 0
        width = 2 * Self.inset + Self.swatchWidth + 6 + textWidth
        height = 2 * Self.inset + Double(entries.count) * Self.rowHeight - 4
    }

    var isEmpty: Bool { entries.isEmpty }

    /// The four corners of `plot` where the legend could sit, each with the number of
    /// `samples` it would cover; the emptiest first, ties in the order top right, top
    /// left, bottom right, bottom left (where curves that fall or rise leave room).
    func corners(of plot: Rect, covering samples: [Point]) -> [(frame: Rect, covered: Int)] {
        let left = plot.x + Self.margin
        let right = plot.maxX - Self.margin - width
        let top = plot.y + Self.margin
        let bottom = plot.maxY - Self.margin - height
        let frames = [(right, top), (left, top), (right, bottom), (left, bottom)].map {
            Rect(x: $0.0, y: $0.1, width: width, height: height)
        }
        let scored = frames.map { frame in
            let zone = frame.insetBy(-Self.margin)
            return (frame: frame, covered: samples.count(where: zone.contains))
        }
        return scored.enumerated().sorted { ($0.element.covered, $0.offset) < ($1.element.covered, $1.offset) }
            .map(\.element)
    }

    func element(in frame: Rect) -> SVGElement {
        var group = SVGElement(
            "g",
            [
                "class": "legend",
                "transform": SVGValue("translate(\(PathData.number(frame.x)),\(PathData.number(frame.y)))"),
                "font-size": SVGValue(Theme.legendFontSize),
            ])
        group.append(
            SVGElement(
                "rect",
                [
                    "width": SVGValue(width), "height": SVGValue(height), "fill": "#FFFFFF",
                    "fill-opacity": 0.9, "stroke": "#BBBBBB", "stroke-width": 0.8, "rx": 2,
                ]))
        for (row, entry) in entries.enumerated() {
            group.append(self.entry(entry, centerY: Self.inset + Double(row) * Self.rowHeight + 6.5))
        }
        return group
    }

    private func entry(_ entry: Entry, centerY y: Double) -> SVGElement {
        let color = SVGValue(entry.style.color.hex)
        let x0 = Self.inset
        var group = SVGElement("g", ["class": "legend-entry"])
        if entry.showsBand {
            group.append(
                SVGElement(
                    "rect",
                    [
                        "x": SVGValue(x0), "y": SVGValue(y - 5), "width": SVGValue(Self.swatchWidth), "height": 10,
                        "fill": color, "fill-opacity": SVGValue(Theme.bandOpacity),
                    ]))
        }
        if entry.showsLine {
            var line = SVGElement(
                "path",
                [
                    "d": SVGValue("M\(PathData.number(x0)) \(PathData.number(y))h\(PathData.number(Self.swatchWidth))"),
                    "stroke": color, "stroke-width": SVGValue(Theme.lineWidth), "fill": "none",
                ])
            if let dash = entry.style.dash.pattern { line.setAttribute("stroke-dasharray", SVGValue(dash)) }
            group.append(line)
        }
        if entry.showsMarker {
            let center = Point(x: x0 + Self.swatchWidth / 2, y: y)
            group.append(
                SVGElement(
                    "path",
                    [
                        "d": SVGValue(MarkerShape.path(entry.style.marker, at: center, radius: Theme.markerRadius)),
                        "fill": color, "stroke": "#FFFFFF", "stroke-width": 0.8,
                    ]))
        }
        group.append(
            SVGElement(
                "text",
                [
                    "x": SVGValue(x0 + Self.swatchWidth + 6),
                    "y": SVGValue(y + Theme.centringShift(Theme.legendFontSize)),
                    "fill": SVGValue(Theme.textColor),
                ],
                text: entry.name))
        return group
    }
}
