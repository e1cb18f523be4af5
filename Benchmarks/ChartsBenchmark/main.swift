// Measures how long the charts take to draw at the sizes tracker produces.
//
//     swift run -c release ChartsBenchmark
//
// Each case is run repeatedly for about a second after one warm-up; the median time per
// chart and the size of the output are printed.

import BenchmarkSupport
import Charts
import Engine

/// Loss-like curves: `count` series of `epochs` points with a ±band.
func curves(count: Int, epochs: Int, seed: UInt64) -> [Series] {
    var random = SplitMix64(seed: seed)
    return (0..<count).map { index in
        let rate = 5 + 40 * random.unit()
        let points = (1...epochs).map { epoch in
            let x = Double(epoch)
            return DataPoint(x: x, y: 2.3 * (1 - x / (x + rate)) + 0.02 * random.unit(), spread: 0.05 * random.unit())
        }
        return Series("group \(index)", points: points)
    }
}

func lossChart(_ series: [Series]) -> LineChart {
    LineChart(
        title: "Loss per epoch", xAxis: Axis("epoch", format: .integer), yAxis: Axis("loss", unit: "nats"),
        series: series)
}

struct Case {
    let name: String
    let draw: () -> String
}

func report(_ benchmark: Case) {
    let output = benchmark.draw()
    let timings = Timings(for: 1) {
        precondition(benchmark.draw().utf8.count == output.utf8.count, "output changed between runs")
    }
    print(
        "\(benchmark.name.leftAligned(48)) \(Figures.fixed(timings.median * 1000, 3)) ms   "
            + "\(output.utf8.count / 1024) KiB   (\(timings.count) runs)")
}

let seedFigure = lossChart(curves(count: 2, epochs: 300, seed: 1))
let groups = lossChart(curves(count: 6, epochs: 300, seed: 2))
let manyRuns = lossChart(curves(count: 1000, epochs: 20, seed: 3))
let longRun = lossChart(curves(count: 2, epochs: 20_000, seed: 4))
let seedStudy = ChartGrid(
    title: "Seed study", panels: (0..<18).map { lossChart(curves(count: 3, epochs: 300, seed: UInt64(10 + $0))) },
    columns: 2)
let sparkValues = curves(count: 1, epochs: 10_000, seed: 5)[0].points.map(\.y)

let cases = [
    Case(name: "SVG 2 series x 300 epochs, bands (Figure 5)") { seedFigure.svg(width: 640, height: 400) },
    Case(name: "SVG 6 series x 300 epochs, bands") { groups.svg(width: 640, height: 400) },
    Case(name: "SVG 1000 series x 20 epochs, bands") { manyRuns.svg(width: 640, height: 400) },
    Case(name: "SVG 2 series x 20000 epochs, bands") { longRun.svg(width: 640, height: 400) },
    Case(name: "SVG grid of 18 panels x 3 series x 300") { seedStudy.svg(width: 1200, height: 4000) },
    Case(name: "Text 80x24, 6 series x 300 epochs") { TextChart(groups).render(width: 80, height: 24) },
    Case(name: "Text 80x24, 1000 series x 20 epochs") { TextChart(manyRuns).render(width: 80, height: 24) },
    Case(name: "Sparkline of 10000 values in 60 columns") { Sparkline(sparkValues).render(width: 60) },
]

print("Charts benchmark (median time per chart, output size)")
for benchmark in cases { report(benchmark) }
