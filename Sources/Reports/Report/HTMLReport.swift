import Charts
import RunQueries
import Store

/// A report as one self-contained HTML5 page: the stylesheet inline, every figure an
/// inline SVG, no script, and nothing fetched from anywhere.
///
/// The markup is also well-formed XML (void elements closed with `/>`, every text
/// escaped), so that XML tools and tests read it as they are.
enum HTMLReport {
    static func render(_ document: ReportDocument) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta name="generator" content="tracker \(TrackerVersion.current)"/>
            <title>\(escape(document.title))</title>
            <style>
            \(ReportStylesheet.css)
            </style>
            </head>
            <body>
            <main>

            """
        for block in document.blocks { html += self.block(block) + "\n" }
        return html + "</main>\n</body>\n</html>\n"
    }

    private static func block(_ block: ReportBlock) -> String {
        switch block {
        case .heading(let level, let text, let anchor):
            return "<h\(level) id=\"\(escape(anchor))\">\(escape(text))</h\(level)>"
        case .paragraph(let text):
            return "<p>\(inline(text))</p>"
        case .fields(let fields):
            return "<dl class=\"setup\">\n"
                + fields.map { "<dt>\(escape($0.label))</dt><dd>\(inline($0.value))</dd>" }.joined(separator: "\n")
                + "\n</dl>"
        case .table(let table):
            return self.table(table)
        case .figure(let figure):
            var html = "<figure id=\"figure-\(figure.number)\">\n"
            html += figure.picture.inlineSVG(width: figure.width, height: figure.height) + "\n"
            html += "<figcaption><strong>Figure \(figure.number).</strong> \(escapeCaption(figure.caption))"
            if let command = figure.command {
                html += "<br/>Drawn alone by <code>\(escape(command))</code>"
            }
            return html + "</figcaption>\n</figure>"
        case .list(let items):
            return "<ul>\n" + items.map { "<li>\(inline($0))</li>" }.joined(separator: "\n") + "\n</ul>"
        case .commands(let lines):
            return "<pre class=\"commands\"><code>" + lines.map(escape).joined(separator: "\n") + "</code></pre>"
        case .details(let summary, let code):
            return
                "<details>\n<summary>\(escape(summary))</summary>\n<pre><code>\(escape(code))</code></pre>\n</details>"
        }
    }

    private static func table(_ table: ReportTable) -> String {
        let alignment = { (column: Int) in table.columns[column].alignsRight ? " class=\"number\"" : "" }
        var html = "<div class=\"table\" id=\"table-\(table.number)\">\n<table>\n"
        html += "<caption><strong>Table \(table.number).</strong> \(escapeCaption(table.caption))</caption>\n"
        html += "<thead><tr>"
        html += table.columns.indices.map { "<th\(alignment($0))>\(escape(table.columns[$0].header))</th>" }.joined()
        html += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>" + row.indices.map { "<td\(alignment($0))>\(escape(row[$0]))</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n</div>"
    }

    private static func inline(_ text: RichText) -> String {
        text.spans.map { span in
            switch span {
            case .text(let text): escape(text)
            case .code(let text): "<code>\(escape(text))</code>"
            case .emphasis(let text): "<em>\(escape(text))</em>"
            case .link(let text, let anchor): "<a href=\"#\(escape(anchor))\">\(escape(text))</a>"
            case .web(let text, let url): "<a href=\"\(escape(url))\">\(escape(text))</a>"
            }
        }.joined()
    }

    /// A caption, with the `tracker …` commands it quotes between backquotes set as code.
    private static func escapeCaption(_ caption: String) -> String {
        caption.split(separator: "`", omittingEmptySubsequences: false).enumerated().map { index, part in
            index % 2 == 1 ? "<code>\(escape(String(part)))</code>" : escape(String(part))
        }.joined()
    }

    /// Text for an element or a double-quoted attribute, escaped as the SVG figures are.
    static func escape(_ text: String) -> String {
        XMLEscaping.attribute(text)
    }
}
