/// Something drawn as an SVG picture of a given size.
public protocol SVGRenderable: Sendable {
    /// The picture as an `<svg>` root element of `width` × `height` pixels.
    /// Precondition: both sizes are positive and finite.
    func svgElement(width: Double, height: Double) -> SVGElement
}

extension SVGRenderable {
    /// A standalone SVG document (UTF-8, ending with a newline): for `.svg` files, and
    /// for `rsvg-convert` to turn into PNG.
    public func svg(width: Double = 640, height: Double = 400) -> String {
        svgElement(width: width, height: height).xml() + "\n"
    }

    /// The `<svg>` element to embed in an HTML5 page: without the namespace declaration,
    /// which the HTML parser supplies.
    public func inlineSVG(width: Double = 640, height: Double = 400) -> String {
        var root = svgElement(width: width, height: height)
        root.removeAttribute("xmlns")
        return root.xml()
    }
}

/// A drawn chart before it is put in a document: its elements, in a coordinate system
/// starting at (0, 0), and the clip paths they refer to.
struct Panel: Sendable {
    var elements: [SVGElement]
    var clipPaths: [SVGElement]
}

/// The root element shared by every chart.
enum SVGDocument {
    static func root(width: Double, height: Double, title: String, panel: Panel) -> SVGElement {
        precondition(width > 0 && height > 0 && width.isFinite && height.isFinite, "bad size \(width)×\(height)")
        let size = [width, height].map(PathData.number)
        var root = SVGElement(
            "svg",
            [
                "xmlns": "http://www.w3.org/2000/svg", "width": SVGValue(width), "height": SVGValue(height),
                "viewBox": SVGValue("0 0 \(size[0]) \(size[1])"), "font-family": SVGValue(Theme.fontFamily),
                "role": "img",
            ])
        if !title.isEmpty { root.append(SVGElement("title", text: title)) }
        var seen: Set<String> = []
        // Panels of the same size share clip paths: their ids name the clipped rectangle.
        let clips = panel.clipPaths.filter { seen.insert($0.attribute("id") ?? "").inserted }
        if !clips.isEmpty { root.append(SVGElement("defs", children: clips)) }
        root.append(
            SVGElement(
                "rect",
                [
                    "class": "background", "width": SVGValue(width), "height": SVGValue(height),
                    "fill": SVGValue(Theme.background),
                ]))
        root.append(contentsOf: panel.elements)
        return root
    }
}
