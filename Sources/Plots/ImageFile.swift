public import Charts
import Foundation
import RunQueries
import TextOutput

/// Writes a chart to an SVG or PNG file, whole or not at all.
public enum ImageFile {
    /// Writes `picture` at `width` × `height` pixels to `path`, in the format its
    /// extension names. PNG is drawn by `rsvg-convert`, looked up on the `PATH` of
    /// `environment`; without it nothing is written.
    ///
    /// - Throws: `PlotInputError.unknownImageFormat`; `OutputError` when the file cannot
    ///   be written or `rsvg-convert` is missing or fails.
    public static func write(
        _ picture: some SVGRenderable, to path: String, width: Double, height: Double,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        let svg = picture.svg(width: width, height: height)
        switch try ImageFormat(path: path) {
        case .svg:
            try OutputFile.write(to: path) { $0.write(svg) }
        case .png:
            guard let converter = PNGConverter(environment: environment) else {
                throw OutputError(
                    target: "'\(path)'",
                    reason: "PNG needs rsvg-convert, which is not installed (Debian package librsvg2-bin: "
                        + "apt-get install librsvg2-bin); or write an .svg file")
            }
            try converter.convert(svg, to: path)
        }
    }
}
