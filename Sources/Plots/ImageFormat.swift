import RunQueries

/// The picture files `--out` writes, told apart by the file name's extension.
public enum ImageFormat: String, Sendable, Hashable {
    /// Written by tracker's own SVG writer.
    case svg
    /// The SVG rendered by `rsvg-convert` (Debian package `librsvg2-bin`).
    case png

    /// The format of `path`, by its extension (in any case).
    ///
    /// - Throws: `PlotInputError.unknownImageFormat` for any other extension.
    public init(path: String) throws(PlotInputError) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex,
            let format = ImageFormat(rawValue: name[name.index(after: dot)...].lowercased())
        else { throw .unknownImageFormat(path) }
        self = format
    }
}
