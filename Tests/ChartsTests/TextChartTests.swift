import Testing
import TextOutput

@testable import Charts

@Suite struct TextChartTests {
    /// Two flat series: train at 1, dev at 3, epochs 1…4.
    ///
    /// Hand layout for 24 × 10: title, y title, 4 plot rows, axis, tick labels, x title and
    /// legend. The y axis gets at most 2 ticks: 0 and 5 (step 5). The plot is 22 columns
    /// (44 dots) by 4 rows (16 dots). x runs over 0.94…4.06 (2% padding): epochs 1, 2, 3, 4
    /// fall on dots 1, 15, 28, 42, i.e. columns 0, 7, 14, 21, and the ticks 2 and 4 on
    /// columns 7 and 21. y = 1 is dot row 12 (cell row 3, top dots: ⠉), y = 3 dot row 6
    /// (cell row 1, third dots: ⠤). Both series have markers 7 columns apart (o and #).
    static let flat = TextChart(
        title: "Loss per epoch", xAxis: Axis("epoch", format: .integer), yAxis: Axis("loss"),
        series: [
            Series("train", x: [1, 2, 3, 4], y: [1, 1, 1, 1]), Series("dev", x: [1, 2, 3, 4], y: [3, 3, 3, 3]),
        ])

    @Test func flatSeriesDrawnByHand() {
        #expect(
            Self.flat.render(width: 24, height: 10) == """
                     Loss per epoch
                loss
                5┤
                 │#⠤⠤⠤⠤⠤⠤#⠤⠤⠤⠤⠤⠤#⠤⠤⠤⠤⠤⠤#
                 │
                0┤o⠉⠉⠉⠉⠉⠉o⠉⠉⠉⠉⠉⠉o⠉⠉⠉⠉⠉⠉o
                 └───────┬─────────────┬
                         2             4
                          epoch
                o train   # dev
                """)
    }

    @Test func colorsWrapEachSeriesRun() {
        let lines = Self.flat.render(width: 24, height: 10, colors: true).split(separator: "\n").map(String.init)
        #expect(lines[3] == " │\u{1B}[31m#⠤⠤⠤⠤⠤⠤#⠤⠤⠤⠤⠤⠤#⠤⠤⠤⠤⠤⠤#\u{1B}[0m")
        #expect(lines[5] == "0┤\u{1B}[34mo⠉⠉⠉⠉⠉⠉o⠉⠉⠉⠉⠉⠉o⠉⠉⠉⠉⠉⠉o\u{1B}[0m")
        #expect(lines[9] == "\u{1B}[34mo\u{1B}[0m train   \u{1B}[31m#\u{1B}[0m dev")
    }

    @Test func aSingleSeriesHasNoLegendAndNoMarkersButItsLoneOnes() {
        let chart = TextChart(
            title: "", xAxis: Axis("epoch"), yAxis: Axis(""),
            series: [Series("dev", x: [1, 2, 3, 4, 5], y: [2, 2, nil, 2, nil])])
        let lines = chart.render(width: 30, height: 8).split(separator: "\n")
        #expect(!lines.contains { $0.contains("dev") })
        let plotRows = lines.filter { $0.contains("│") || $0.contains("┤") }
        #expect(plotRows.map { $0.count(where: { $0 == "o" }) }.reduce(0, +) == 1)
    }

    @Test func widthsCountWideCharactersTwice() {
        var chart = Self.flat
        chart.title = "模型"
        chart.series[0].name = "训练"
        let lines = chart.render(width: 24, height: 10).split(separator: "\n").map(String.init)
        // 4 columns centred in 24: 10 spaces before.
        #expect(lines[0] == String(repeating: " ", count: 10) + "模型")
        #expect(lines[9] == "o 训练   # dev")
    }

    @Test func legendWrapsToTheWidth() {
        let names = ["relu 128-128", "tanh 128-128", "sigmoid 128-128"]
        let chart = TextChart(
            title: "", xAxis: Axis("x"), yAxis: Axis("y"),
            series: names.enumerated().map { Series($1, x: [0, 1], y: [Double($0), Double($0) + 1]) })
        let lines = chart.render(width: 34, height: 12).split(separator: "\n").suffix(2)
        #expect(Array(lines) == ["o relu 128-128   # tanh 128-128", "^ sigmoid 128-128"])
    }

    /// Without colour, the symbol is all that tells series apart: beyond five groups,
    /// each still gets its own, in the legend and on the plot.
    @Test func moreThanFiveGroupsKeepDistinctSymbols() {
        let names = (1...14).map { "g\($0)" }
        let chart = TextChart(
            title: "", xAxis: Axis("x"), yAxis: Axis("y"),
            series: names.enumerated().map { Series($1, x: [0, 1], y: [Double($0), Double($0) + 1]) })
        let text = chart.render(width: 200, height: 30)
        let legend = text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(
            legend
                == "o g1   # g2   ^ g3   * g4   v g5   + g6   x g7   % g8   @ g9   & g10   = g11   ~ g12   A g13   B g14"
        )
        for symbol in "+x%@&=~AB" { #expect(text.split(separator: "\n").dropLast().joined().contains(symbol)) }
    }

    /// Twelve marks, then the letters, then the digits: 47 series with one symbol each,
    /// the 48th starting again.
    @Test func textSymbolsAreDistinctThenCycle() {
        let symbols = (0..<48).map { LineStyle.automatic($0).symbol }
        #expect(Set(symbols.prefix(47)).count == 47)
        #expect(String(symbols.prefix(13)) == "o#^*v+x%@&=~A")
        #expect(symbols[37] == "Z" && symbols[38] == "1" && symbols[46] == "9" && symbols[47] == "o")
        // A style given by hand keeps its marker's stand-in.
        #expect(LineStyle(color: .black, marker: .square).symbol == "#")
    }

    @Test func labelsCannotInjectTerminalControls() {
        let chart = TextChart(
            title: "evil\u{1B}[2J\ntitle", xAxis: Axis("x\u{7}"), yAxis: Axis("y\u{202E}"),
            series: [Series("a\u{1B}]0;pwned\u{7}", x: [0, 1], y: [0, 1]), Series("b\r", x: [0, 1], y: [1, 0])])
        let text = chart.render(width: 40, height: 12)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!text.unicodeScalars.contains { $0.value == 0x202E })
        // 14 columns centred in 40: 13 spaces before.
        #expect(text.hasPrefix(String(repeating: " ", count: 13) + "evil[2J title\n"))
        // "1.0" would end past column 40 under its tick: it moves in to end there.
        #expect(text.hasSuffix("\n   0.0               0.5             1.0\n                     x\no a]0;pwned   # b"))
    }

    @Test func rightAxisTicksGoAfterThePlot() {
        let chart = TextChart(
            title: "", xAxis: Axis("batch size", scale: .log, format: .si), yAxis: Axis("accuracy", format: .percent),
            secondaryYAxis: Axis("time", unit: "s"),
            series: [
                Series("accuracy", x: [1, 10, 100, 1000], y: [0.96, 0.95, 0.92, 0.85]),
                Series("time", x: [1, 10, 100, 1000], y: [900, 120, 30, 12], axis: .right),
            ])
        let lines = chart.render(width: 50, height: 14).split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("accuracy"))
        #expect(lines[0].hasSuffix("time (s)"))
        #expect(lines[1].hasSuffix("├1000"))
        #expect(lines.contains { $0.hasSuffix("├0") })
        #expect(lines.contains { $0.hasSuffix("┘") && $0.contains("└") })
        #expect(lines.last == "o accuracy   # time (right axis)")
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 50 })
    }

    @Test func emptyChartsSayNoData() {
        let chart = TextChart(title: "", xAxis: Axis("x"), yAxis: Axis("y"), series: [Series("a", x: [1], y: [nil])])
        let lines = chart.render(width: 30, height: 9).split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("no data") })
    }

    @Test func everyLineFitsAndTheHeightIsKept() {
        let chart = TextChart(LineChartTests.loss)
        for (width, height) in [(80, 24), (40, 12), (120, 30)] {
            let lines = chart.render(width: width, height: height).split(
                separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == height)
            #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= width && $0.last != " " })
        }
        #expect(chart.render(width: 80, height: 24) == chart.render(width: 80, height: 24))
    }

    @Test(arguments: [(5, 3), (1, 1), (2, 40), (300, 2)])
    func tinySizesStillDrawAPlot(width: Int, height: Int) {
        let lines = Self.flat.render(width: width, height: height).split(
            separator: "\n", omittingEmptySubsequences: false)
        // Two plot rows and four columns at least, whatever the size asked for; the height
        // is kept when there is room for them.
        let rows = lines.filter { $0.contains("┤") || $0.contains("│") }
        #expect(rows.count >= 2)
        #expect(lines.count == max(height, lines.count - rows.count + 2))
        #expect(lines.contains { $0.contains("└────") })
    }
}

@Suite struct BrailleCanvasTests {
    private func row(_ canvas: BrailleCanvas, _ row: Int = 0) -> String {
        String((0..<canvas.columns).map { canvas.cell(column: $0, row: row).character })
    }

    @Test func diagonalLinesSetOneDotPerStep() {
        var canvas = BrailleCanvas(columns: 2, rows: 1)
        canvas.line(from: (0, 3), to: (3, 0), series: 0)
        // Dots (0,3) and (1,2): bits 0x40 + 0x20; dots (2,1) and (3,0): 0x02 + 0x08.
        #expect(row(canvas) == "⡠⠊")
    }

    @Test func shallowLinesFollowBresenham() {
        var canvas = BrailleCanvas(columns: 4, rows: 1)
        canvas.line(from: (0, 3), to: (7, 0), series: 0)
        // Error steps give dots (0,3) (1,3) (2,2) (3,2) (4,1) (5,1) (6,0) (7,0).
        #expect(row(canvas) == "⣀⠤⠒⠉")
    }

    @Test func dotsOffTheCanvasAreIgnored() {
        var canvas = BrailleCanvas(columns: 1, rows: 2)
        canvas.line(from: (-5, 0), to: (1, 0), series: 3)
        canvas.plot(x: 2, y: 0, series: 1)
        canvas.plot(x: 0, y: 8, series: 1)
        #expect(row(canvas, 0) == "⠉")
        #expect(row(canvas, 1) == " ")
        #expect(canvas.cell(column: 0, row: 0).series == 3)
    }

    @Test func markersReplaceTheDots() {
        var canvas = BrailleCanvas(columns: 2, rows: 1)
        canvas.line(from: (0, 0), to: (3, 0), series: 0)
        canvas.mark(x: 3, y: 2, glyph: "#", series: 1)
        #expect(row(canvas) == "⠉#")
        #expect(canvas.cell(column: 1, row: 0).series == 1)
    }
}

@Suite struct SparklineTests {
    @Test func eightLevelsFromLowToHigh() {
        #expect(Sparkline([1, 2, 3, 4, 5, 6, 7, 8]).render() == "▁▂▃▄▅▆▇█")
        #expect(Sparkline([0.9, 0.93, 0.95, 0.96, 0.97]).render() == "▁▄▆▇█")
    }

    @Test func missingValuesAreGaps() {
        #expect(Sparkline([0, .nan, 1, .infinity, -.infinity]).render() == "▁ █  ")
        #expect(Sparkline([.nan, .nan]).render() == "  ")
        #expect(Sparkline([]).render() == "")
    }

    @Test func equalValuesSitInTheMiddle() {
        #expect(Sparkline([5, 5, 5]).render() == "▄▄▄")
        #expect(Sparkline([5]).render() == "▄")
    }

    @Test func aFixedRangeClampsOutliers() {
        // 0.5 of 0…1 is level 3.5, rounded away from zero to 4.
        #expect(Sparkline([0.5, 2, -1, 0, 1], range: 0...1).render() == "▅█▁▁█")
    }

    @Test func longSequencesAreAveragedIntoTheWidth() {
        // Buckets of two: 1.5, 3.5, 5.5, 7.5 → levels 0, 2.33, 4.67, 7.
        #expect(Sparkline([1, 2, 3, 4, 5, 6, 7, 8]).render(width: 4) == "▁▃▆█")
        #expect(Sparkline([1, .nan, .nan, .nan, 3, 4]).render(width: 3) == "▁ █")
        #expect(Sparkline([1, 2]).render(width: 10) == "▁█")
        #expect(Sparkline.buckets([1, 2, 3, 4, 5], count: 2) == [1.5, 4])
    }

    @Test func hugeRangesDoNotOverflow() {
        #expect(Sparkline([-Double.greatestFiniteMagnitude, 0, .greatestFiniteMagnitude]).render() == "▄▄▄")
        #expect(Sparkline([-1e300, 0, 1e300]).render() == "▁▅█")
    }
}
