import TestSupport
import Testing

@testable import Charts

/// Where the legend goes: the plot corner that hides the least data, or outside.
@Suite struct LegendPlacementTests {
    /// The legend's top left corner and the plot frame, read back from the SVG.
    private func placement(_ chart: LineChart) throws -> (
        legend: (x: Double, y: Double), plot: (x: Double, maxX: Double, y: Double)
    ) {
        let tree = try MarkupTree.parse(chart.svg(width: 640, height: 400))
        let transform = try #require(tree.all(withClass: "legend").first?.attributes["transform"])
        let legend = transform.dropFirst("translate(".count).dropLast().split(separator: ",").compactMap { Double($0) }
        let frame = try #require(tree.all(withClass: "frame").first?.attributes["d"])
        // The frame path starts "M{x} {y}H{maxX}V…".
        let numbers = frame.prefix { $0 != "V" }.split(whereSeparator: { "MH ".contains($0) }).compactMap { Double($0) }
        return ((legend[0], legend[1]), (numbers[0], numbers[2], numbers[1]))
    }

    private func chart(_ series: [Series]) -> LineChart {
        LineChart(title: "t", xAxis: Axis("x"), yAxis: Axis("y"), series: series)
    }

    @Test func fallingCurvesLeaveTheTopRight() throws {
        let result = try placement(
            chart([
                Series("loss", x: [0, 1, 2, 3, 4], y: [4, 1, 0.5, 0.3, 0.2]), Series("dev", x: [0, 4], y: [4.5, 0.4]),
            ]))
        #expect(result.legend.x > (result.plot.x + result.plot.maxX) / 2)
        #expect(result.legend.x < result.plot.maxX)
        #expect(result.legend.y < 100)
    }

    @Test func risingLinesLeaveTheTopLeft() throws {
        let result = try placement(
            chart([Series("acc", x: [0, 10], y: [0, 10]), Series("dev", x: [0, 10], y: [0, 9.5])]))
        #expect(result.legend.x < (result.plot.x + result.plot.maxX) / 2)
        #expect(result.legend.y < 100)
    }

    @Test func legendMovesOutsideWhenEveryCornerHasData() throws {
        let flat = (0..<5).map { level in Series("level \(level)", x: [0, 10], y: [Double(level), Double(level)]) }
        let result = try placement(chart(flat))
        #expect(result.legend.x > result.plot.maxX)
    }
}
