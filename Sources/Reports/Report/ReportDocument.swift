public import Charts
import RunQueries

/// A report before it is written: a title and a sequence of blocks, which the HTML and
/// Markdown renderers write each in their own syntax, so that both formats say the same.
public struct ReportDocument: Sendable {
    public var title: String
    public var blocks: [ReportBlock]

    public init(title: String, blocks: [ReportBlock]) {
        self.title = title
        self.blocks = blocks
    }

    /// The figures, in order.
    public var figures: [ReportFigure] {
        blocks.compactMap { if case .figure(let figure) = $0 { figure } else { nil } }
    }

    /// The tables, in order.
    public var tables: [ReportTable] {
        blocks.compactMap { if case .table(let table) = $0 { table } else { nil } }
    }
}

/// One block of a report.
public enum ReportBlock: Sendable {
    /// A heading of `level` 1 to 4, with the anchor that links to it.
    case heading(level: Int, text: String, anchor: String)
    case paragraph(RichText)
    /// Labelled lines: what was run.
    case fields([(label: String, value: RichText)])
    case table(ReportTable)
    case figure(ReportFigure)
    case list([RichText])
    /// Shell commands, one per line.
    case commands([String])
    /// Text kept out of the way until opened: an SQL script.
    case details(summary: String, code: String)
}

/// A line of text with some spans set apart: code (commands, values as typed) and
/// emphasis.
public struct RichText: Sendable, Hashable, ExpressibleByStringInterpolation {
    public enum Span: Sendable, Hashable {
        case text(String)
        case code(String)
        case emphasis(String)
        /// Text that links to the heading with this anchor.
        case link(String, anchor: String)
        /// Text that links to a web address (http or https).
        case web(String, url: String)
    }

    public var spans: [Span]

    public init(_ spans: [Span]) {
        self.spans = spans
    }

    public init(stringLiteral text: String) {
        spans = [.text(text)]
    }

    public init(stringInterpolation: DefaultStringInterpolation) {
        spans = [.text(String(stringInterpolation: stringInterpolation))]
    }

    public init(_ text: String) {
        spans = [.text(text)]
    }

    public static func + (lhs: RichText, rhs: RichText) -> RichText {
        RichText(lhs.spans + rhs.spans)
    }

    public static func code(_ text: String) -> RichText { RichText([.code(text)]) }
    public static func emphasis(_ text: String) -> RichText { RichText([.emphasis(text)]) }

    /// The text without markup.
    public var plain: String {
        spans.map { span in
            switch span {
            case .text(let text), .code(let text), .emphasis(let text), .link(let text, _), .web(let text, _): text
            }
        }.joined()
    }
}

/// A numbered table with a caption, as the seed's tables: header, rows of text cells.
public struct ReportTable: Sendable, Hashable {
    public struct Column: Sendable, Hashable {
        public var header: String
        public var alignsRight: Bool
    }

    public var number: Int
    /// The caption after `Table N.`.
    public var caption: String
    public var columns: [Column]
    public var rows: [[String]]

    public init(number: Int, caption: String, columns: [Column], rows: [[String]]) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "every row needs one cell per column")
        self.number = number
        self.caption = caption
        self.columns = columns
        self.rows = rows
    }
}

/// A numbered figure: a chart, its caption, the file it is written to, and the command
/// that draws it alone.
public struct ReportFigure: Sendable {
    public var number: Int
    /// The caption after `Figure N.`.
    public var caption: String
    /// The SVG file's name, unique in the report: `activation-loss.svg`.
    public var fileName: String
    public var picture: any SVGRenderable
    public var width: Double
    public var height: Double
    /// `tracker plot …` that draws the same figure, when one does.
    public var command: String?
}
