/// Several line charts in one SVG, as a grid of equal panels (small multiples): loss and
/// accuracy side by side, or one panel per group.
///
/// Panels fill the grid row by row; `columns` panels per row, as many rows as needed.
/// Each panel is laid out like a chart of the panel's size, with its own axes, legend
/// and title; the grid's title spans the top.
public struct ChartGrid: Sendable, Equatable, SVGRenderable {
    public var title: String
    public var panels: [LineChart]
    public var columns: Int
    /// Gives the left y axes of all panels one range, the nice range over all their data,
    /// so that panels of the same quantity (one per group) compare at a glance. Panels
    /// with a fixed domain, or another scale than the first panel's, keep their own.
    public var sharesYRange: Bool

    /// Precondition: `columns ≥ 1`.
    public init(title: String = "", panels: [LineChart], columns: Int = 2, sharesYRange: Bool = false) {
        precondition(columns >= 1, "a grid needs at least one column")
        self.title = title
        self.panels = panels
        self.columns = columns
        self.sharesYRange = sharesYRange
    }

    public var rows: Int { (panels.count + columns - 1) / columns }

    public func svgElement(width: Double, height: Double) -> SVGElement {
        let titleHeight = title.isEmpty ? 0 : Theme.padding + Theme.titleFontSize + 4
        let usedColumns = max(1, min(columns, panels.count))
        let panelWidth = width / Double(usedColumns)
        let panelHeight = max(1, height - titleHeight) / Double(max(1, rows))
        var grid = Panel(elements: [], clipPaths: [])
        if !title.isEmpty {
            grid.elements.append(
                SVGElement(
                    "text",
                    [
                        "class": "grid-title", "x": SVGValue(width / 2),
                        "y": SVGValue(Theme.padding + Theme.titleFontSize),
                        "text-anchor": "middle", "font-size": SVGValue(Theme.titleFontSize + 1), "font-weight": "bold",
                        "fill": SVGValue(Theme.textColor),
                    ],
                    text: TextMetrics.truncate(
                        title, toWidth: width - 2 * Theme.padding, fontSize: Theme.titleFontSize + 1, bold: true)))
        }
        for (index, chart) in alignedPanels.enumerated() {
            let x = Double(index % usedColumns) * panelWidth
            let y = titleHeight + Double(index / usedColumns) * panelHeight
            let panel = chart.panel(width: panelWidth, height: panelHeight)
            grid.clipPaths.append(contentsOf: panel.clipPaths)
            grid.elements.append(
                SVGElement(
                    "g",
                    [
                        "class": "panel",
                        "transform": SVGValue("translate(\(PathData.number(x)),\(PathData.number(y)))"),
                    ],
                    children: panel.elements))
        }
        return SVGDocument.root(width: width, height: height, title: title, panel: grid)
    }

    /// The panels, with one y range when `sharesYRange`.
    private var alignedPanels: [LineChart] {
        guard sharesYRange, let scale = panels.first?.yAxis.scale else { return panels }
        let shared = panels.indices.filter { panels[$0].yAxis.domain == nil && panels[$0].yAxis.scale == scale }
        let values = shared.flatMap { panels[$0].yValues(panels[$0].plottedSeries, side: .left) }
        guard !values.isEmpty else { return panels }
        let range = AxisScale(axis: panels[shared[0]].yAxis, values: values, fit: .nice, maxTicks: 6)
        var aligned = panels
        for index in shared { aligned[index].yAxis.domain = range.lower...range.upper }
        return aligned
    }
}
