import Testing

@testable import Charts

@Suite struct PlottedSeriesTests {
    private func plotted(
        _ series: Series, index: Int = 0, side: Series.AxisSide = .left, x: Axis.Scale = .linear,
        y: Axis.Scale = .linear
    ) -> PlottedSeries {
        PlottedSeries(series, index: index, side: side, xScale: x, yScale: y)
    }

    @Test func missingValuesSplitTheLineIntoRuns() {
        let series = plotted(Series("dev", x: [1, 2, 3, 4, 5, 6], y: [1, nil, 3, 4, .infinity, .nan]))
        #expect(series.runs.map { $0.map(\.x) } == [[1], [3, 4]])
        #expect(series.lines.map { $0.map(\.x) } == [[3, 4]])
        #expect(series.markers.map(\.x) == [1])
    }

    @Test func pointsAreSortedByXAndPointsWithoutXDropped() {
        let series = plotted(Series("a", x: [3, 1, .nan, 2, 1], y: [30, 10, 99, 20, 11]))
        #expect(series.runs.map { $0.map(\.y) } == [[10, 11, 20, 30]])
    }

    @Test func nonPositiveValuesAreGapsOnLogAxes() {
        let series = plotted(Series("a", x: [0, 1, 2, 3, 4], y: [5, 6, 0, 7, 8]), x: .log, y: .log)
        #expect(series.runs.map { $0.map(\.x) } == [[1], [3, 4]])
        #expect(series.xValues == [1, 3, 4])
    }

    @Test func bandsFollowTheRunsWithAUsableSpread() {
        let series = plotted(
            Series(
                "a", x: [1, 2, 3, 4, 5, 6], y: [1, 2, 3, 4, 5, 6], spread: [0.1, nil, 0.2, 0.2, -1, .nan]))
        #expect(series.bandRuns.map { $0.map(\.x) } == [[1], [3, 4]])
        #expect(series.hasBand)
        #expect(!plotted(Series("b", x: [1, 2], y: [1, 2])).hasBand)
    }

    @Test func yValuesIncludeBandEdgesThatFitTheScale() {
        let series = plotted(Series("a", x: [1, 2], y: [1, 4], spread: [0.5, 8]))
        #expect(series.yValues(on: .linear) == [1, 0.5, 1.5, 4, -4, 12])
        #expect(series.yValues(on: .log) == [1, 0.5, 1.5, 4, 12])
    }

    @Test func markersEverywhereWhenAsked() {
        let series = plotted(Series("a", x: [1, 2, 3], y: [1, nil, 3], showsMarkers: true))
        #expect(series.markers.map(\.x) == [1, 3])
    }

    @Test func stylesComeFromThePaletteUnlessGiven() {
        #expect(plotted(Series("a", points: []), index: 8).style == LineStyle.automatic(8))
        // 8 = 7 + 1 = 5 + 3: the second colour, the fourth dash and marker, the ninth symbol.
        #expect(
            LineStyle.automatic(8) == LineStyle(color: .vermillion, dash: .dashDot, marker: .diamond, symbol: "@"))
        let custom = LineStyle(color: .black, dash: .dotted, marker: .square)
        #expect(plotted(Series("a", points: [], style: custom), index: 3).style == custom)
    }

    @Test func thirtyFiveSeriesLookDifferent() {
        let styles = (0..<35).map(LineStyle.automatic)
        let distinct = Set(styles.map { "\($0.color)-\($0.dash)-\($0.marker)" })
        #expect(distinct.count == 35)
        #expect(styles.allSatisfy { $0.color.hex.count == 7 && $0.color.hex.hasPrefix("#") })
    }

    @Test func seriesOnTheRightSayWhichAxisTheyUse() {
        #expect(plotted(Series("time", points: []), side: .right).legendName == "time (right axis)")
        #expect(plotted(Series("time", points: []), side: .left).legendName == "time")
    }

    @Test func withoutASecondaryAxisEverySeriesIsOnTheLeft() {
        let series = [Series("a", x: [1], y: [1]), Series("b", x: [1], y: [-5], axis: .right)]
        let single = LineChart(title: "", xAxis: Axis("x"), yAxis: Axis("y"), series: series)
        #expect(single.plottedSeries.map(\.side) == [.left, .left])
        var double = single
        double.secondaryYAxis = Axis("z", scale: .log)
        #expect(double.plottedSeries.map(\.side) == [.left, .right])
        // The right series is read on the log axis, where -5 cannot be placed.
        #expect(double.plottedSeries[1].runs.isEmpty)
    }
}
