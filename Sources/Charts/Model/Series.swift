/// One sample of a series: a position and, optionally, the half-width of a band around it.
public struct DataPoint: Sendable, Equatable {
    public var x: Double
    /// `nan` (or infinite) marks a missing value: the line has a gap there.
    public var y: Double
    /// The band is drawn from `y - spread` to `y + spread` (e.g. ± one standard
    /// deviation over seeds); `nil`, negative or non-finite: no band at this point.
    public var spread: Double?

    public init(x: Double, y: Double, spread: Double? = nil) {
        self.x = x
        self.y = y
        self.spread = spread
    }
}

/// A named line of a chart: points joined in order of x, optionally with a band.
///
/// Points whose x or y is not finite are not drawn and break the line (a gap, never a
/// zero). Points left alone between gaps, and series of one point, are drawn as markers.
public struct Series: Sendable, Equatable {
    /// Which y axis a series is measured against.
    public enum AxisSide: Sendable, Equatable {
        case left
        /// The secondary axis on the right (e.g. training time next to accuracy).
        case right
    }

    /// Shown in the legend; a series with an empty name is left out of it.
    public var name: String
    public var points: [DataPoint]
    public var axis: AxisSide
    /// Draws a marker at every point, not only at isolated ones.
    public var showsMarkers: Bool
    /// Colour, dash and marker; `nil` takes the palette entry of the series' position.
    public var style: LineStyle?

    public init(
        _ name: String, points: [DataPoint], axis: AxisSide = .left,
        showsMarkers: Bool = false, style: LineStyle? = nil
    ) {
        self.name = name
        self.points = points
        self.axis = axis
        self.showsMarkers = showsMarkers
        self.style = style
    }

    /// A series from parallel arrays; a `nil` y is a missing value.
    /// Precondition: `y` (and `spread`, when given) have as many elements as `x`.
    public init(
        _ name: String, x: [Double], y: [Double?], spread: [Double?]? = nil,
        axis: AxisSide = .left, showsMarkers: Bool = false, style: LineStyle? = nil
    ) {
        precondition(x.count == y.count, "\(x.count) x values but \(y.count) y values")
        precondition(spread.map { $0.count == x.count } ?? true, "spread count differs from x count")
        let points = x.indices.map { i in
            DataPoint(x: x[i], y: y[i] ?? .nan, spread: spread?[i])
        }
        self.init(name, points: points, axis: axis, showsMarkers: showsMarkers, style: style)
    }
}
