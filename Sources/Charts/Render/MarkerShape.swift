/// SVG path commands for the marker shapes, centred on a point.
///
/// All shapes are closed and filled, so one `<path>` holds every marker of a series.
/// Sizes are scaled so that the shapes look equally heavy: a square of side 1.7 r,
/// triangles and diamond reaching 1.2 r from the centre.
enum MarkerShape {
    static func path(_ marker: LineStyle.Marker, at center: Point, radius r: Double) -> String {
        switch marker {
        case .circle:
            // Two half-circle arcs from the left edge to the right one and back.
            let (x, y) = (PathData.number(center.x - r), PathData.number(center.y))
            let (radius, diameter) = (PathData.number(r), PathData.number(2 * r))
            return "M\(x) \(y)a\(radius) \(radius) 0 1 0 \(diameter) 0a\(radius) \(radius) 0 1 0 -\(diameter) 0Z"
        case .square: return polygon([(-0.85, -0.85), (0.85, -0.85), (0.85, 0.85), (-0.85, 0.85)], center, r)
        case .triangle: return polygon([(0, -1.2), (1.1, 0.8), (-1.1, 0.8)], center, r)
        case .diamond: return polygon([(0, -1.2), (1.2, 0), (0, 1.2), (-1.2, 0)], center, r)
        case .invertedTriangle: return polygon([(0, 1.2), (1.1, -0.8), (-1.1, -0.8)], center, r)
        }
    }

    /// A closed polygon through `vertices`, given in multiples of `r` from `center`.
    private static func polygon(_ vertices: [(Double, Double)], _ center: Point, _ r: Double) -> String {
        var path = PathData()
        path.polyline(vertices.map { Point(x: center.x + $0.0 * r, y: center.y + $0.1 * r) })
        path.close()
        return path.text
    }
}
