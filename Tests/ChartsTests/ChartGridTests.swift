import TestSupport
import Testing

@testable import Charts

@Suite struct ChartGridTests {
    private func panel(_ title: String, fixed: Bool = false) -> LineChart {
        LineChart(
            title: title, xAxis: Axis("epoch"),
            yAxis: Axis("accuracy", format: .percent, domain: fixed ? 0.9...1 : nil),
            series: [Series("train", x: [1, 2, 3], y: [0.5, 0.8, 0.95])])
    }

    @Test func panelsFillRowsLeftToRightUnderTheTitle() throws {
        let grid = ChartGrid(title: "Seed study", panels: ["a", "b", "c"].map { panel($0) }, columns: 2)
        #expect(grid.rows == 2)
        let tree = try MarkupTree.parse(grid.svg(width: 1000, height: 829))
        let panels = tree.all(withClass: "panel")
        // Title band: 10 + 15 + 4 = 29 pixels; panels 500 × 400.
        #expect(
            panels.map { $0.attributes["transform"] } == [
                "translate(0,29)", "translate(500,29)", "translate(0,429)",
            ])
        #expect(panels.map { $0.all(withClass: "title").first?.text } == ["a", "b", "c"])
        #expect(tree.all(withClass: "grid-title").first?.text == "Seed study")
        #expect(tree.all("title").first?.text == "Seed study")
    }

    @Test func fewerPanelsThanColumnsShareTheWidth() throws {
        let grid = ChartGrid(panels: [panel("loss"), panel("accuracy")], columns: 3)
        let tree = try MarkupTree.parse(grid.svg(width: 900, height: 300))
        #expect(
            tree.all(withClass: "panel").map { $0.attributes["transform"] } == [
                "translate(0,0)", "translate(450,0)",
            ])
    }

    @Test func panelsOfOneSizeShareTheirClipPath() throws {
        let grid = ChartGrid(panels: [panel("a", fixed: true), panel("b", fixed: true)], columns: 2)
        let tree = try MarkupTree.parse(grid.svg(width: 1000, height: 400))
        let clips = tree.all("clipPath")
        #expect(clips.count == 1)
        let reference = "url(#\(clips[0].attributes["id"] ?? ""))"
        #expect(tree.descendants.filter { $0.attributes["clip-path"] == reference }.count == 2)
    }

    @Test func panelsCanShareOneYRange() throws {
        func accuracy(_ title: String, _ values: [Double?]) -> LineChart {
            LineChart(
                title: title, xAxis: Axis("epoch"), yAxis: Axis("accuracy", format: .percent),
                series: [Series("dev", x: [1, 2, 3], y: values)])
        }
        let panels = [accuracy("relu", [0.90, 0.95, 0.97]), accuracy("sigmoid", [0.2, 0.3, 0.4])]
        func yLabels(_ grid: ChartGrid) throws -> [[String]] {
            try MarkupTree.parse(grid.svg(width: 1000, height: 400)).all(withClass: "y-ticks").map {
                $0.children.map(\.text)
            }
        }
        let separate = try yLabels(ChartGrid(panels: panels))
        #expect(separate[0] != separate[1])
        // Over 0.2…0.97 with 6 ticks at most: steps of 0.2 from 0.2 to 1.0.
        let shared = try yLabels(ChartGrid(panels: panels, sharesYRange: true))
        #expect(shared == [["20%", "40%", "60%", "80%", "100%"], ["20%", "40%", "60%", "80%", "100%"]])
    }

    @Test func anEmptyGridIsStillADocument() throws {
        let tree = try MarkupTree.parse(ChartGrid(panels: []).svg(width: 200, height: 100))
        #expect(tree.all(withClass: "panel").isEmpty)
        #expect(tree.all(withClass: "background").count == 1)
    }

    @Test func gridsAreDeterministic() {
        let grid = ChartGrid(title: "g", panels: [panel("a"), panel("b", fixed: true)])
        #expect(grid.svg(width: 800, height: 300) == grid.svg(width: 800, height: 300))
    }
}
