/// A series cleaned for drawing: sorted by x, split at missing values into runs of
/// consecutive plottable points. Shared by the SVG and the text renderers.
struct PlottedSeries: Sendable {
    let name: String
    let style: LineStyle
    let side: Series.AxisSide
    let showsMarkers: Bool
    /// Runs of consecutive plottable points, in x order; a run of one point is isolated.
    let runs: [[DataPoint]]

    /// Cleans `series` for axes with the given scales. A point whose x cannot be placed
    /// (not finite, too large, or not positive on a log axis) has no position and is
    /// dropped; the others are stably sorted by x, and one whose y cannot be placed ends
    /// the current run: a gap.
    init(_ series: Series, index: Int, side: Series.AxisSide, xScale: Axis.Scale, yScale: Axis.Scale) {
        name = series.name
        style = series.style ?? .automatic(index)
        self.side = side
        showsMarkers = series.showsMarkers
        let sorted = series.points.enumerated()
            .filter { AxisScale.isPlottable($0.element.x, on: xScale) }
            .sorted { ($0.element.x, $0.offset) < ($1.element.x, $1.offset) }
            .map(\.element)
        var runs: [[DataPoint]] = []
        var current: [DataPoint] = []
        for point in sorted {
            if AxisScale.isPlottable(point.y, on: yScale) {
                current.append(point)
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        self.runs = runs
    }

    /// The name in legends: series on the right axis say so, since their colour alone
    /// does not tell which axis they are read on.
    var legendName: String { side == .right ? name + " (right axis)" : name }

    /// Runs of two points or more, drawn as lines.
    var lines: [[DataPoint]] { runs.filter { $0.count >= 2 } }

    /// The points drawn as markers: every point when markers are on, else the isolated.
    var markers: [DataPoint] { showsMarkers ? runs.flatMap { $0 } : runs.filter { $0.count == 1 }.flatMap { $0 } }

    /// Runs of consecutive points that have a usable spread, for bands (two points or
    /// more) and error bars (one point).
    var bandRuns: [[DataPoint]] {
        runs.flatMap { run in
            run.split { $0.band == nil }.map(Array.init)
        }
    }

    var hasBand: Bool { !bandRuns.isEmpty }

    /// All x values, for fitting the x axis.
    var xValues: [Double] { runs.flatMap { $0.map(\.x) } }

    /// All y values and band edges that can be placed on a y axis with `scale`.
    func yValues(on scale: Axis.Scale) -> [Double] {
        runs.flatMap { run in
            run.flatMap { point -> [Double] in
                guard let band = point.band else { return [point.y] }
                return [point.y, band.lower, band.upper].filter { AxisScale.isPlottable($0, on: scale) }
            }
        }
    }
}

extension DataPoint {
    /// The band edges `y ∓ spread`, when the spread is usable (finite, not negative).
    var band: (lower: Double, upper: Double)? {
        guard let spread, spread.isFinite, spread >= 0, spread <= AxisScale.largestPlottable else { return nil }
        return (y - spread, y + spread)
    }
}
