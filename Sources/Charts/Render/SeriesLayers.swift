/// The data layers of a plot: bands under lines under markers, each series' style kept.
///
/// Every series with a line gets exactly one `<path class="line">` (gaps are separate
/// subpaths of it), every series with a band one `<g class="band">` (a path with one
/// closed area per run, and one with the error bars of lone points), and markers one
/// `<path class="markers">`; layers are stacked so that no band covers another series'
/// line.
struct SeriesLayers {
    let series: [PlottedSeries]
    /// The projection of each series (left or right y axis), in the same order.
    let projections: [Projection]

    var elements: [SVGElement] {
        [
            SVGElement("g", ["class": "band-layer", "stroke": "none"], children: series.indices.compactMap(band)),
            SVGElement(
                "g",
                [
                    "class": "line-layer", "fill": "none", "stroke-width": SVGValue(Theme.lineWidth),
                    "stroke-linejoin": "round",
                ],
                children: series.indices.compactMap(line)),
            SVGElement(
                "g", ["class": "marker-layer", "stroke": "#FFFFFF", "stroke-width": 0.8],
                children: series.indices.compactMap(markers)),
        ]
    }

    /// Whether some point or band edge lies outside the axes' ranges (fixed ranges).
    var needsClipping: Bool {
        zip(series, projections).contains { plotted, projection in
            plotted.runs.joined().contains { point in
                let band = point.band
                return !projection.contains(point.x, point.y)
                    || band.map { !projection.contains(point.x, $0.lower) || !projection.contains(point.x, $0.upper) }
                        ?? false
            }
        }
    }

    /// Points along every line, band and marker, spaced `spacing` pixels apart at most:
    /// what a legend placed over the plot would hide.
    func samples(spacing: Double) -> [Point] {
        var points: [Point] = []
        for (plotted, projection) in zip(series, projections) {
            for run in plotted.runs {
                let positions = run.map(projection.point)
                points.append(contentsOf: positions)
                for (a, b) in zip(positions, positions.dropFirst()) {
                    let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
                    let steps = Int((length / spacing).rounded(.up))
                    for step in stride(from: 1, to: min(steps, 10_000), by: 1) {
                        let t = Double(step) / Double(steps)
                        points.append(Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t))
                    }
                }
            }
            for point in plotted.bandRuns.joined() {
                guard let band = point.band else { continue }
                let top = projection.point(point.x, band.upper)
                let bottom = projection.point(point.x, band.lower)
                for y in stride(from: top.y, through: bottom.y, by: spacing) {
                    points.append(Point(x: top.x, y: y))
                }
            }
        }
        return points
    }

    private func band(_ index: Int) -> SVGElement? {
        let plotted = series[index]
        let projection = projections[index]
        var area = PathData()
        var bars = PathData()
        for run in plotted.bandRuns {
            let edges = run.map { $0.band ?? ($0.y, $0.y) }
            let lower = zip(run, edges).map { projection.point($0.x, $1.lower) }
            let upper = zip(run, edges).map { projection.point($0.x, $1.upper) }
            if run.count == 1 {
                // A lone point gets an error bar with caps instead of an area.
                let cap = Theme.markerRadius * 1.3
                for end in [lower[0], upper[0]] {
                    bars.move(to: Point(x: end.x - cap, y: end.y))
                    bars.line(to: Point(x: end.x + cap, y: end.y))
                }
                bars.move(to: lower[0])
                bars.line(to: upper[0])
            } else {
                area.polyline(upper + lower.reversed())
                area.close()
            }
        }
        guard !area.isEmpty || !bars.isEmpty else { return nil }
        let color = SVGValue(plotted.style.color.hex)
        var group = SVGElement("g", ["class": "band"])
        if !area.isEmpty {
            group.append(
                SVGElement(
                    "path",
                    [
                        "d": SVGValue(area.text), "fill": color,
                        "fill-opacity": SVGValue(Theme.bandOpacity),
                    ]))
        }
        if !bars.isEmpty {
            group.append(
                SVGElement(
                    "path",
                    [
                        "d": SVGValue(bars.text), "fill": "none", "stroke": color,
                        "stroke-width": 1.2,
                    ]))
        }
        return group
    }

    private func line(_ index: Int) -> SVGElement? {
        let plotted = series[index]
        var path = PathData()
        for run in plotted.lines { path.polyline(run.map(projections[index].point)) }
        guard !path.isEmpty else { return nil }
        var element = SVGElement(
            "path", ["class": "line", "d": SVGValue(path.text), "stroke": SVGValue(plotted.style.color.hex)])
        if let dash = plotted.style.dash.pattern { element.setAttribute("stroke-dasharray", SVGValue(dash)) }
        return element
    }

    private func markers(_ index: Int) -> SVGElement? {
        let plotted = series[index]
        let positions = plotted.markers.map(projections[index].point)
        guard !positions.isEmpty else { return nil }
        var path = PathData()
        for position in positions {
            path.append(MarkerShape.path(plotted.style.marker, at: position, radius: Theme.markerRadius))
        }
        return SVGElement(
            "path", ["class": "markers", "d": SVGValue(path.text), "fill": SVGValue(plotted.style.color.hex)])
    }
}
