/// The layout of a line chart inside a `width` × `height` box.
///
/// Top to bottom: padding, title, plot, x axis (ticks, labels, title), padding. Left to
/// right: padding, y axis title and labels, plot, right axis, legend (when outside),
/// padding. The y axes are resolved first (their tick count depends on the plot height
/// only), then the x axis for the width that remains, with fewer ticks until its labels
/// no longer overlap.
extension LineChart {
    func panel(width: Double, height: Double) -> Panel {
        let plotted = plottedSeries
        let top = Theme.padding + (title.isEmpty ? Theme.tickFontSize / 2 : Theme.titleFontSize + 12)
        let plotHeight = max(1, height - top - Theme.padding - AxesDrawing.horizontalAxisHeight(xAxis))
        let yTicks = min(10, Int(plotHeight / 40) + 1)
        let (yScale, y2Scale) = yScales(plotted, maxTicks: yTicks)
        let left = Theme.padding + AxesDrawing.verticalAxisWidth(yScale)
        let rightAxis = y2Scale.map(AxesDrawing.verticalAxisWidth) ?? 0
        func layout(right: Double) -> (Rect, AxisScale) {
            let plot = Rect(x: left, y: top, width: max(1, width - left - right), height: plotHeight)
            // One tick per 60 pixels at most, labels 8 pixels apart at least.
            let x = xScale(plotted, length: plot.width, maxTicks: min(12, Int(plot.width / 60) + 1), gap: 8) {
                TextMetrics.width(of: $0, fontSize: Theme.tickFontSize)
            }
            return (plot, x)
        }
        var right = Theme.padding + max(rightAxis, 10)
        var (plot, x) = layout(right: right)
        var layers = SeriesLayers(series: plotted, projections: projections(plotted, plot, x, yScale, y2Scale))
        let legend = Legend(series: plotted, maxNameWidth: width * 0.3)
        var legendFrame: Rect?
        if !legend.isEmpty {
            let best = legend.corners(of: plot, covering: layers.samples(spacing: 3))[0]
            let outside = right + legend.width + 2 * Legend.margin
            if best.covered == 0 || width - left - outside < width * 0.45 {
                legendFrame = best.frame
            } else {
                right = outside
                (plot, x) = layout(right: right)
                layers = SeriesLayers(series: plotted, projections: projections(plotted, plot, x, yScale, y2Scale))
                legendFrame = Rect(
                    x: plot.maxX + rightAxis + 2 * Legend.margin, y: plot.y, width: legend.width, height: legend.height)
            }
        }
        let axes = AxesDrawing(plot: plot, x: x, y: yScale, y2: y2Scale)
        var panel = Panel(elements: [axes.grid], clipPaths: [])
        panel.elements.append(contentsOf: dataElements(layers, plot: plot, clipPaths: &panel.clipPaths))
        if plotted.allSatisfy({ $0.runs.isEmpty }) {
            panel.elements.append(SVGElement(
                "text", ["class": "no-data", "x": SVGValue(plot.midX), "y": SVGValue(plot.midY), "text-anchor": "middle",
                         "fill": "#888888", "font-size": SVGValue(Theme.axisTitleFontSize)],
                text: "no data"))
        }
        panel.elements.append(contentsOf: axes.elements)
        if !title.isEmpty {
            panel.elements.append(SVGElement(
                "text", ["class": "title", "x": SVGValue(width / 2), "y": SVGValue(Theme.padding + Theme.titleFontSize),
                         "text-anchor": "middle", "font-size": SVGValue(Theme.titleFontSize), "font-weight": "bold",
                         "fill": SVGValue(Theme.textColor)],
                text: TextMetrics.truncate(
                    title, toWidth: width - 2 * Theme.padding, fontSize: Theme.titleFontSize, bold: true)))
        }
        if let legendFrame { panel.elements.append(legend.element(in: legendFrame)) }
        return panel
    }

    private func projections(
        _ plotted: [PlottedSeries], _ plot: Rect, _ x: AxisScale, _ y: AxisScale, _ y2: AxisScale?
    ) -> [Projection] {
        plotted.map { Projection(rect: plot, x: x, y: $0.side == .right ? (y2 ?? y) : y) }
    }

    /// The data layers, inside a clip to the plot when a fixed range cuts some data.
    /// The clip's id names its rectangle, so equal ids always mean equal clips, even
    /// across several charts inlined in one HTML page.
    private func dataElements(_ layers: SeriesLayers, plot: Rect, clipPaths: inout [SVGElement]) -> [SVGElement] {
        guard layers.needsClipping else { return layers.elements }
        let id = "clip-" + [plot.x, plot.y, plot.width, plot.height]
            .map { String(PathData.number($0).map { $0 == "." ? "_" : $0 }) }.joined(separator: "-")
        clipPaths.append(SVGElement(
            "clipPath", ["id": SVGValue(id)],
            children: [SVGElement("rect", ["x": SVGValue(plot.x), "y": SVGValue(plot.y),
                                           "width": SVGValue(plot.width), "height": SVGValue(plot.height)])]))
        return [SVGElement("g", ["clip-path": SVGValue("url(#\(id))")], children: layers.elements)]
    }
}
