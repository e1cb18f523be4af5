import TestSupport
import Testing

@testable import Charts

@Suite struct LineChartTests {
    static let epochs: [Double] = [1, 2, 3, 4, 5, 6]

    /// Loss curves of two groups with bands, a lone test point and a gap in dev.
    static let loss = LineChart(
        title: "Loss per epoch",
        xAxis: Axis("epoch", format: .integer),
        yAxis: Axis("loss", unit: "nats"),
        series: [
            Series("train", x: epochs, y: [2.0, 1.2, 0.8, 0.6, 0.5, 0.45], spread: [0.2, 0.1, 0.1, 0.05, 0.05, 0.05]),
            Series("dev", x: epochs, y: [2.1, 1.4, nil, 0.8, 0.75, 0.7], spread: [0.2, 0.1, 0.1, 0.1, 0.1, 0.1]),
            Series("test", x: [6], y: [0.72]),
        ])

    @Test func outputParsesAsXMLWithTheLabelsIntact() throws {
        let nasty = #"<b>"loss" & 'acc'</b> — é 模型 🙂"#
        let chart = LineChart(
            title: nasty + "\u{1B}[2J", xAxis: Axis(nasty, unit: "µs"), yAxis: Axis("y < 1 & y > 0"),
            series: [Series(nasty, x: [1, 2], y: [0.5, 0.7])])
        let tree = try MarkupTree.parse(chart.svg(width: 900, height: 400))
        #expect(tree.name == "svg")
        #expect(tree.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(tree.all("title").first?.text == nasty + "[2J")
        #expect(tree.all(withClass: "x-title").first?.text == nasty + " (µs)")
        #expect(tree.all(withClass: "y-title").first?.text == "y < 1 & y > 0")
        #expect(tree.all(withClass: "legend-entry").first?.all("text").first?.text == nasty)
    }

    @Test func sameChartSameBytes() {
        let first = Self.loss.svg(width: 640, height: 400)
        let rebuilt = LineChart(
            title: Self.loss.title, xAxis: Self.loss.xAxis, yAxis: Self.loss.yAxis, series: Self.loss.series)
        #expect(first == Self.loss.svg(width: 640, height: 400))
        #expect(first == rebuilt.svg(width: 640, height: 400))
        #expect(first != Self.loss.svg(width: 641, height: 400))
    }

    @Test func numbersAreNeverExponentialOrNegativeZero() {
        let chart = LineChart(
            title: "tiny", xAxis: Axis("x"), yAxis: Axis("y"),
            series: [Series("s", x: [1e-9, 2e-9, 3e-9], y: [-1e-12, 0, 1e-12], spread: [1e-13, 1e-13, 1e-13])])
        for document in [chart.svg(width: 640, height: 400), Self.loss.svg(width: 333.333, height: 211.1)] {
            let svg = document.replacing(/#[0-9A-F]{6}/, with: "")
            #expect(svg.firstMatch(of: /\d[eE][-+]?\d/) == nil)
            #expect(svg.firstMatch(of: /(^|[^\d.])-0(?![.\d])/) == nil)
            #expect(svg.firstMatch(of: /\d\.\d{3}/) == nil)
        }
    }

    @Test func onePathPerSeriesWithGapsAsSubpaths() throws {
        let tree = try MarkupTree.parse(Self.loss.svg())
        let lines = tree.all(withClass: "line")
        #expect(lines.map { $0.attributes["stroke"] } == ["#0072B2", "#D55E00"])
        #expect(lines.map { $0.attributes["d"]?.count(where: { $0 == "M" }) } == [1, 2])
        #expect(lines[0].attributes["stroke-dasharray"] == nil)
        #expect(lines[1].attributes["stroke-dasharray"] == "6 4")
        // The lone test point is a marker (the third marker shape, a triangle), not a line.
        let markers = tree.all(withClass: "markers")
        #expect(markers.map { $0.attributes["fill"] } == ["#009E73"])
        #expect(markers.first?.attributes["d"]?.count(where: { $0 == "Z" }) == 1)
    }

    @Test func bandsAreClosedAreasUnderTheLines() throws {
        let tree = try MarkupTree.parse(Self.loss.svg())
        let bands = tree.all(withClass: "band")
        #expect(bands.count == 2)
        let areas = bands.map { $0.children.first?.attributes["d"] ?? "" }
        // train: one run of six points, 12 vertices; dev: runs of 2 and 3 points.
        #expect(areas[0].count(where: { $0 == "Z" }) == 1)
        #expect(areas[0].count(where: { $0 == "L" }) == 11)
        #expect(areas[1].count(where: { $0 == "Z" }) == 2)
        let layers = tree.descendants.compactMap(\.attributes["class"]).filter { $0.hasSuffix("-layer") }
        #expect(layers == ["band-layer", "line-layer", "marker-layer"])
    }

    @Test func aBandOfOnePointIsAnErrorBar() throws {
        let chart = LineChart(
            title: "", xAxis: Axis("x"), yAxis: Axis("y"),
            series: [Series("a", x: [1, 2, 3], y: [1, nil, 2], spread: [0.5, nil, 0.5])])
        let band = try #require(MarkupTree.parse(chart.svg()).all(withClass: "band").first)
        #expect(band.children.count == 1)
        #expect(band.children[0].attributes["fill"] == "none")
        #expect(band.children[0].attributes["d"]?.count(where: { $0 == "M" }) == 6)
    }

    @Test func legendListsNamedSeriesInOrder() throws {
        var chart = Self.loss
        chart.series.append(Series("", x: [1, 2], y: [1, 1]))
        let tree = try MarkupTree.parse(chart.svg())
        let entries = tree.all(withClass: "legend-entry")
        #expect(entries.map { $0.all("text").map(\.text) } == [["train"], ["dev"], ["test"]])
        // train and dev show a band swatch, a line; test a marker only.
        #expect(entries.map { $0.all("rect").count } == [1, 1, 0])
        #expect(entries.map { $0.all("path").count } == [1, 1, 1])
    }

    @Test func longLabelsAreCutToFit() throws {
        let long = String(repeating: "very long title ", count: 40)
        let chart = LineChart(
            title: long, xAxis: Axis(long), yAxis: Axis("y"), series: [Series(long, x: [1, 2], y: [1, 2])])
        let tree = try MarkupTree.parse(chart.svg(width: 400, height: 300))
        let title = try #require(tree.all(withClass: "title").first?.text)
        #expect(title.hasSuffix("…"))
        #expect(TextMetrics.width(of: title, fontSize: Theme.titleFontSize, bold: true) <= 380)
        #expect(tree.all(withClass: "x-title").first?.text.hasSuffix("…") == true)
        let entry = tree.all(withClass: "legend-entry").first?.all("text").first
        #expect(entry?.text.hasSuffix("…") == true)
    }

    @Test func secondaryAxisGetsItsOwnTicksOnTheRight() throws {
        let batch: [Double] = [1, 10, 100, 1000]
        let chart = LineChart(
            title: "Dev accuracy against batch size",
            xAxis: Axis("batch size", scale: .log, format: .si),
            yAxis: Axis("dev accuracy", format: .percent),
            secondaryYAxis: Axis("training time", unit: "s"),
            series: [
                Series("dev accuracy", x: batch, y: [0.96, 0.95, 0.92, 0.85], showsMarkers: true),
                Series("training time", x: batch, y: [900, 120, 30, 12], axis: .right, showsMarkers: true),
            ])
        let tree = try MarkupTree.parse(chart.svg())
        #expect(tree.all(withClass: "x-ticks").first?.children.map(\.text) == ["1", "10", "100", "1k"])
        #expect(
            tree.all(withClass: "y-ticks").first?.children.map(\.text)
                == ["84%", "86%", "88%", "90%", "92%", "94%", "96%"])
        #expect(
            tree.all(withClass: "y2-ticks").first?.children.map(\.text) == [
                "0", "200", "400", "600", "800", "1000",
            ])
        #expect(tree.all(withClass: "y2-title").first?.text == "training time (s)")
        #expect(
            tree.all(withClass: "legend-entry").flatMap { $0.all("text").map(\.text) }
                == ["dev accuracy", "training time (right axis)"])
        #expect(tree.all(withClass: "markers").count == 2)
    }

    @Test func dataBeyondAFixedRangeIsClipped() throws {
        let series = [
            Series("sigmoid", x: [1, 2, 3], y: [0.3, 0.35, 0.4]), Series("relu", x: [1, 2, 3], y: [0.9, 0.95, 0.97]),
        ]
        let fixed = LineChart(
            title: "", xAxis: Axis("epoch"), yAxis: Axis("accuracy", format: .percent, domain: 0.9...1), series: series)
        let tree = try MarkupTree.parse(fixed.svg())
        let clip = try #require(tree.all("clipPath").first)
        let id = try #require(clip.attributes["id"])
        #expect(id.hasPrefix("clip-"))
        #expect(tree.descendants.filter { $0.attributes["clip-path"] == "url(#\(id))" }.count == 1)
        let free = LineChart(title: "", xAxis: Axis("epoch"), yAxis: Axis("accuracy"), series: series)
        #expect(try MarkupTree.parse(free.svg()).all("clipPath").isEmpty)
    }

    @Test func chartsWithoutDataSaySo() throws {
        let charts = [
            LineChart(title: "none", xAxis: Axis("x"), yAxis: Axis("y"), series: []),
            LineChart(
                title: "nan", xAxis: Axis("x"), yAxis: Axis("y"), series: [Series("a", x: [1, 2], y: [nil, nil])]),
            LineChart(
                title: "log", xAxis: Axis("x"), yAxis: Axis("y", scale: .log), series: [Series("a", x: [1], y: [-1])]),
        ]
        for chart in charts {
            let tree = try MarkupTree.parse(chart.svg())
            #expect(tree.all(withClass: "no-data").map(\.text) == ["no data"])
            #expect(tree.all(withClass: "line").isEmpty)
        }
    }

    @Test(arguments: [(1.0, 1.0), (50, 30), (120, 80), (0.5, 4000)])
    func anySizeGivesAValidDocument(width: Double, height: Double) throws {
        let tree = try MarkupTree.parse(Self.loss.svg(width: width, height: height))
        #expect(tree.attributes["viewBox"] == "0 0 \(SVGValue(width).text) \(SVGValue(height).text)")
        #expect(tree.all(withClass: "line").count == 2)
    }

    @Test func inlineSVGLeavesTheNamespaceToHTML() throws {
        let inline = Self.loss.inlineSVG(width: 500, height: 300)
        #expect(inline.hasPrefix(#"<svg width="500" height="300" viewBox="0 0 500 300""#))
        #expect(!inline.contains("http"))
        #expect(Self.loss.svg(width: 500, height: 300).hasSuffix("</svg>\n"))
    }
}
