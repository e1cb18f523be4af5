/// A point in SVG user units (y grows downwards).
struct Point: Sendable, Equatable {
    var x: Double
    var y: Double
}

/// An axis-aligned rectangle in SVG user units.
struct Rect: Sendable, Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var maxX: Double { x + width }
    var maxY: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }

    func contains(_ point: Point) -> Bool {
        point.x >= x && point.x <= maxX && point.y >= y && point.y <= maxY
    }

    func insetBy(_ amount: Double) -> Rect {
        Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }
}

/// Maps data values to positions inside a plot rectangle.
struct Projection: Sendable {
    let rect: Rect
    let x: AxisScale
    let y: AxisScale

    /// The position of (x, y). Positions far outside the plot (fixed ranges cut data) are
    /// held within ten plot sizes, which the clip hides and which keeps coordinates small.
    func point(_ x: Double, _ y: Double) -> Point {
        func clamp(_ fraction: Double) -> Double { min(11, max(-10, fraction)) }
        return Point(
            x: rect.x + clamp(self.x.fraction(x)) * rect.width,
            y: rect.maxY - clamp(self.y.fraction(y)) * rect.height)
    }

    func point(_ data: DataPoint) -> Point { point(data.x, data.y) }

    /// Whether the value lies within both ranges.
    func contains(_ x: Double, _ y: Double) -> Bool {
        self.x.contains(x) && self.y.contains(y)
    }
}

/// SVG path data (`d`), written compactly: absolute commands, coordinates with at most
/// two decimals, and consecutive points that round to the same position written once.
struct PathData: Sendable {
    private(set) var text = ""
    private var last: String?

    var isEmpty: Bool { text.isEmpty }

    mutating func move(to point: Point) {
        let coordinates = Self.coordinates(point)
        text += "M" + coordinates
        last = coordinates
    }

    mutating func line(to point: Point) {
        let coordinates = Self.coordinates(point)
        guard coordinates != last else { return }
        text += "L" + coordinates
        last = coordinates
    }

    /// A polyline through `points` (nothing for none).
    mutating func polyline(_ points: [Point]) {
        guard let first = points.first else { return }
        move(to: first)
        for point in points.dropFirst() { line(to: point) }
    }

    mutating func close() {
        text += "Z"
        last = nil
    }

    /// Raw path commands (marker shapes); `last` is forgotten.
    mutating func append(_ commands: String) {
        text += commands
        last = nil
    }

    static func number(_ value: Double) -> String { DecimalText.compact(value, maxDecimals: 2) }

    private static func coordinates(_ point: Point) -> String {
        number(point.x) + " " + number(point.y)
    }
}
