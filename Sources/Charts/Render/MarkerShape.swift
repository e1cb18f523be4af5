/// SVG path commands for the marker shapes, centred on a point.
///
/// All shapes are closed and filled, so one `<path>` holds every marker of a series.
/// Sizes are scaled so that the shapes look equally heavy: a square of side 1.7 r,
/// triangles and diamond reaching 1.2 r from the centre.
enum MarkerShape {
    static func path(_ marker: LineStyle.Marker, at center: Point, radius r: Double) -> String {
        func n(_ value: Double) -> String { PathData.number(value) }
        let (x, y) = (center.x, center.y)
        switch marker {
        case .circle:
            return "M\(n(x - r)) \(n(y))a\(n(r)) \(n(r)) 0 1 0 \(n(2 * r)) 0a\(n(r)) \(n(r)) 0 1 0 \(n(-2 * r)) 0Z"
        case .square:
            let half = 0.85 * r
            return "M\(n(x - half)) \(n(y - half))h\(n(2 * half))v\(n(2 * half))h\(n(-2 * half))Z"
        case .triangle:
            return "M\(n(x)) \(n(y - 1.2 * r))L\(n(x + 1.1 * r)) \(n(y + 0.8 * r))L\(n(x - 1.1 * r)) \(n(y + 0.8 * r))Z"
        case .diamond:
            return "M\(n(x)) \(n(y - 1.2 * r))L\(n(x + 1.2 * r)) \(n(y))L\(n(x)) \(n(y + 1.2 * r))L\(n(x - 1.2 * r)) \(n(y))Z"
        case .invertedTriangle:
            return "M\(n(x)) \(n(y + 1.2 * r))L\(n(x + 1.1 * r)) \(n(y - 0.8 * r))L\(n(x - 1.1 * r)) \(n(y - 0.8 * r))Z"
        }
    }
}
