/// The layout of a line chart inside a `width` × `height` box.
///
/// Top to bottom: padding, title, plot, x axis (ticks, labels, title), padding. Left to
/// right: padding, y axis title and labels, plot, right axis, legend (when outside),
/// padding. The y axes are resolved first (their tick count depends on the plot height
/// only), then the x axis for the width that remains, with fewer ticks until its labels
/// no longer overlap.
extension LineChart {
    /// Where everything goes: the plot rectangle, its axes and data, and the legend.
    private struct Arrangement {
        var plot: Rect
        var x: AxisScale
        let y: AxisScale
        let y2: AxisScale?
        var layers: SeriesLayers
        let legend: Legend
        var legendFrame: Rect?
    }

    func panel(width: Double, height: Double) -> Panel {
        let arrangement = arrange(width: width, height: height)
        let plot = arrangement.plot
        let axes = AxesDrawing(plot: plot, x: arrangement.x, y: arrangement.y, y2: arrangement.y2)
        var panel = Panel(elements: [axes.grid], clipPaths: [])
        panel.elements.append(contentsOf: dataElements(arrangement.layers, plot: plot, clipPaths: &panel.clipPaths))
        if arrangement.layers.series.allSatisfy({ $0.runs.isEmpty }) {
            panel.elements.append(
                SVGElement(
                    "text",
                    [
                        "class": "no-data", "x": SVGValue(plot.midX), "y": SVGValue(plot.midY), "text-anchor": "middle",
                        "fill": "#888888", "font-size": SVGValue(Theme.axisTitleFontSize),
                    ],
                    text: "no data"))
        }
        panel.elements.append(contentsOf: axes.elements)
        if !title.isEmpty {
            panel.elements.append(
                SVGElement(
                    "text",
                    [
                        "class": "title", "x": SVGValue(width / 2), "y": SVGValue(Theme.padding + Theme.titleFontSize),
                        "text-anchor": "middle", "font-size": SVGValue(Theme.titleFontSize), "font-weight": "bold",
                        "fill": SVGValue(Theme.textColor),
                    ],
                    text: TextMetrics.truncate(
                        title, toWidth: width - 2 * Theme.padding, fontSize: Theme.titleFontSize, bold: true)))
        }
        if let frame = arrangement.legendFrame { panel.elements.append(arrangement.legend.element(in: frame)) }
        return panel
    }

    private func arrange(width: Double, height: Double) -> Arrangement {
        let plotted = plottedSeries
        let top = Theme.padding + (title.isEmpty ? Theme.tickFontSize / 2 : Theme.titleFontSize + 12)
        let plotHeight = max(1, height - top - Theme.padding - AxesDrawing.horizontalAxisHeight(xAxis))
        // One y tick per 40 pixels at most.
        let (y, y2) = yScales(plotted, maxTicks: min(10, Int(plotHeight / 40) + 1))
        let left = Theme.padding + AxesDrawing.verticalAxisWidth(y)
        let rightAxis = y2.map(AxesDrawing.verticalAxisWidth) ?? 0
        func plot(right: Double) -> (Rect, AxisScale, SeriesLayers) {
            let plot = Rect(x: left, y: top, width: max(1, width - left - right), height: plotHeight)
            // One x tick per 60 pixels at most, labels 8 pixels apart at least.
            let x = xScale(plotted, length: plot.width, maxTicks: min(12, Int(plot.width / 60) + 1), gap: 8) {
                TextMetrics.width(of: $0, fontSize: Theme.tickFontSize)
            }
            let projections = plotted.map { Projection(rect: plot, x: x, y: $0.side == .right ? (y2 ?? y) : y) }
            return (plot, x, SeriesLayers(series: plotted, projections: projections))
        }
        let right = Theme.padding + max(rightAxis, 10)
        let (rect, x, layers) = plot(right: right)
        var arrangement = Arrangement(
            plot: rect, x: x, y: y, y2: y2, layers: layers, legend: Legend(series: plotted, maxNameWidth: width * 0.3))
        guard !arrangement.legend.isEmpty else { return arrangement }
        // Inside, in the corner that hides the least data; outside on the right when every
        // corner hides some and the plot keeps at least 45% of the width.
        let legend = arrangement.legend
        let best = legend.corners(of: rect, covering: layers.samples(spacing: 3))[0]
        let outside = right + legend.width + 2 * Legend.margin
        if best.covered == 0 || width - left - outside < width * 0.45 {
            arrangement.legendFrame = best.frame
        } else {
            (arrangement.plot, arrangement.x, arrangement.layers) = plot(right: outside)
            arrangement.legendFrame = Rect(
                x: arrangement.plot.maxX + rightAxis + 2 * Legend.margin, y: top,
                width: legend.width, height: legend.height)
        }
        return arrangement
    }

    /// The data layers, inside a clip to the plot when a fixed range cuts some data.
    /// The clip's id names its rectangle, so equal ids always mean equal clips, even
    /// across several charts inlined in one HTML page.
    private func dataElements(_ layers: SeriesLayers, plot: Rect, clipPaths: inout [SVGElement]) -> [SVGElement] {
        guard layers.needsClipping else { return layers.elements }
        let id =
            "clip-"
            + [plot.x, plot.y, plot.width, plot.height]
            .map { String(PathData.number($0).map { $0 == "." ? "_" : $0 }) }.joined(separator: "-")
        clipPaths.append(
            SVGElement(
                "clipPath", ["id": SVGValue(id)],
                children: [
                    SVGElement(
                        "rect",
                        [
                            "x": SVGValue(plot.x), "y": SVGValue(plot.y),
                            "width": SVGValue(plot.width), "height": SVGValue(plot.height),
                        ])
                ]))
        return [SVGElement("g", ["clip-path": SVGValue("url(#\(id))")], children: layers.elements)]
    }
}
