/// A line chart: series of (x, y) points against one or two y axes, with bands,
/// markers, a legend and a title, drawn as SVG.
///
///     let chart = LineChart(
///         title: "Loss per epoch",
///         xAxis: Axis("epoch", format: .integer),
///         yAxis: Axis("loss", unit: "nats"),
///         series: [Series("train", x: [1, 2, 3], y: [0.9, 0.5, 0.4])])
///     let svg = chart.svg(width: 640, height: 400)
///
/// The same chart always gives the same bytes. Axes fit the data (y axes start and end
/// on a tick, x axes leave 2% on each side) unless given a fixed domain, in which case
/// data outside it is clipped. The legend goes in the plot corner that covers the least
/// data, or to the right of the plot when every corner would hide some.
public struct LineChart: Sendable, Equatable, SVGRenderable {
    public var title: String
    public var xAxis: Axis
    public var yAxis: Axis
    /// A second y axis on the right, for series whose `axis` is `.right`. Without it,
    /// every series is measured against `yAxis`.
    public var secondaryYAxis: Axis?
    public var series: [Series]

    public init(title: String, xAxis: Axis, yAxis: Axis, secondaryYAxis: Axis? = nil, series: [Series]) {
        self.title = title
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.secondaryYAxis = secondaryYAxis
        self.series = series
    }

    public func svgElement(width: Double, height: Double) -> SVGElement {
        SVGDocument.root(width: width, height: height, title: title, panel: panel(width: width, height: height))
    }
}
