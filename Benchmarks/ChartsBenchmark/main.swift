// Measures how long the charts take to draw at the sizes tracker produces.
//
//     swift run -c release ChartsBenchmark
//
// Each case is run repeatedly for about a second after one warm-up; the median time per
// chart and the size of the output are printed.

import Charts

/// A deterministic pseudo-random sequence (SplitMix64), so every run draws the same data.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }
}

/// Loss-like curves: `count` series of `epochs` points with a ±band.
func curves(count: Int, epochs: Int, seed: UInt64) -> [Series] {
    var random = SplitMix64(state: seed)
    return (0..<count).map { index in
        let rate = 5 + 40 * random.next()
        let points = (1...epochs).map { epoch in
            let x = Double(epoch)
            return DataPoint(x: x, y: 2.3 * (1 - x / (x + rate)) + 0.02 * random.next(), spread: 0.05 * random.next())
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

func measure(_ benchmark: Case) {
    let clock = ContinuousClock()
    let output = benchmark.draw()
    var times: [Duration] = []
    let start = clock.now
    while times.count < 5 || (clock.now - start < .seconds(1) && times.count < 10_000) {
        let begin = clock.now
        let text = benchmark.draw()
        times.append(clock.now - begin)
        precondition(text.utf8.count == output.utf8.count, "output changed between runs")
    }
    let median = times.sorted()[times.count / 2]
    let milliseconds = Double(median.components.attoseconds) / 1e15 + Double(median.components.seconds) * 1000
    let padded = benchmark.name.padding(48)
    print("\(padded) \(format(milliseconds, 3)) ms   \(output.utf8.count / 1024) KiB   (\(times.count) runs)")
}

func format(_ value: Double, _ decimals: Int) -> String {
    let scale = (0..<decimals).reduce(1.0) { value, _ in value * 10 }
    let units = Int((value * scale).rounded())
    let fraction = String(units % Int(scale))
    return "\(units / Int(scale)).\(String(repeating: "0", count: decimals - fraction.count))\(fraction)"
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
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
for benchmark in cases { measure(benchmark) }
