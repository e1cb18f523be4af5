import Foundation
import RunQueries
import Store
import TextOutput

/// Writes a report and its figures, each file whole or not at all.
public enum ReportFiles {
    /// What was written.
    public struct Written: Sendable, Hashable {
        public var report: String
        public var bytes: Int
        /// The folder of the SVG figures, when they were written.
        public var figureFolder: String?
        public var figures: Int

        /// `wrote report.html (412.3 KiB), and 18 figures in figures/`.
        public var summary: String {
            var text = "wrote \(report) (\(DatabaseInfo.formatSize(bytes)))"
            if let figureFolder { text += " and \(figures) figure\(figures == 1 ? "" : "s") in \(figureFolder)" }
            return text
        }
    }

    /// Writes `report` to `path` in `format`. Figures go, as SVG files, to `figures`;
    /// for Markdown, which links them, to `figures` beside the report when not given.
    /// The figures are written first, so that the report never links a missing file.
    ///
    /// - Throws: `OutputError` when a folder cannot be made or a file written.
    @discardableResult
    public static func write(_ report: Report, format: ReportFormat, to path: String, figures: String?) throws
        -> Written
    {
        let reportFolder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let figureFolder = figures ?? (format == .markdown ? reportFolder.appendingPathComponent("figures").path : nil)
        let document = report.document
        if let figureFolder {
            try makeFolder(figureFolder)
            for figure in document.figures {
                let file = URL(fileURLWithPath: figureFolder).appendingPathComponent(figure.fileName).path
                try OutputFile.write(to: file) {
                    $0.write(figure.picture.svg(width: figure.width, height: figure.height))
                }
            }
        }
        let text: String
        switch format {
        case .html: text = HTMLReport.render(document)
        case .markdown:
            text = MarkdownReport.render(
                document,
                figureFolder: RelativePath.from(reportFolder.path, to: figureFolder ?? reportFolder.path))
        }
        try OutputFile.write(to: path) { $0.write(text) }
        return Written(
            report: path, bytes: text.utf8.count, figureFolder: figureFolder.map(Self.displayed),
            figures: figureFolder == nil ? 0 : document.figures.count)
    }

    /// A folder as the user would read it: relative to the working folder when inside it.
    private static func displayed(_ folder: String) -> String {
        let relative = RelativePath.from(FileManager.default.currentDirectoryPath, to: folder)
        return (relative.hasPrefix("..") || relative.isEmpty ? folder : relative) + "/"
    }

    /// Makes `folder` and its missing parents, as `mkdir -p` does.
    ///
    /// - Throws: `OutputError` naming `folder`, with the system's reason: `File exists`
    ///   when a file has its name, `Not a directory` when a file has a parent's.
    private static func makeFolder(_ folder: String) throws {
        let parts = folder.split(separator: "/")
        var path = folder.hasPrefix("/") ? "" : "."
        for (index, part) in parts.enumerated() {
            path += "/" + part
            var status = stat()
            if stat(path, &status) == 0 {
                if (status.st_mode & S_IFMT) == S_IFDIR { continue }
                throw OutputError(target: "'\(folder)'", code: index == parts.count - 1 ? EEXIST : ENOTDIR)
            }
            guard mkdir(path, 0o755) == 0 else { throw OutputError(target: "'\(folder)'", code: errno) }
        }
    }
}

/// Relative paths between folders, for links inside a report.
enum RelativePath {
    /// The path of `target` seen from the folder `base`, both resolved against the
    /// working folder: `figures`, `../docs/figures`, `` for the same folder.
    static func from(_ base: String, to target: String) -> String {
        let parts = { (path: String) in
            URL(fileURLWithPath: path).standardizedFileURL.pathComponents.filter { $0 != "/" }
        }
        let from = parts(base)
        let to = parts(target)
        var common = 0
        while common < min(from.count, to.count) && from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }
}
