import RunQueries

/// The files `tracker report` writes.
public enum ReportFormat: String, CaseIterable, Sendable, Hashable {
    /// One self-contained page, figures inline.
    case html
    /// GitHub Markdown, figures as SVG files beside it.
    case markdown

    /// The file written when `--out` is not given.
    public var defaultFileName: String {
        switch self {
        case .html: "report.html"
        case .markdown: "report.md"
        }
    }
}
