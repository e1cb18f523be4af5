import RunQueries

/// A report as GitHub-flavoured Markdown, its figures linked as SVG files under
/// `figureFolder` (a path relative to the report's own folder).
enum MarkdownReport {
    static func render(_ document: ReportDocument, figureFolder: String) -> String {
        document.blocks.map { block($0, figureFolder: figureFolder) }.joined(separator: "\n\n") + "\n"
    }

    private static func block(_ block: ReportBlock, figureFolder: String) -> String {
        switch block {
        case .heading(let level, let text, let anchor):
            // An anchor of our own: the heading's generated one differs between renderers.
            return "<a id=\"\(HTMLReport.escape(anchor))\"></a>\n\n" + String(repeating: "#", count: level) + " "
                + escape(text)
        case .paragraph(let text):
            return inline(text)
        case .fields(let fields):
            return fields.map { "- **\(escape($0.label))**: \(inline($0.value))" }.joined(separator: "\n")
        case .table(let table):
            return "**Table \(table.number).** \(caption(table.caption))\n\n" + self.table(table)
        case .figure(let figure):
            let link = figureFolder.isEmpty ? figure.fileName : figureFolder + "/" + figure.fileName
            var text = "![Figure \(figure.number)](\(link))\n\n*Figure \(figure.number).* \(caption(figure.caption))"
            if let command = figure.command { text += " Drawn alone by \(code(command))." }
            return text
        case .list(let items):
            return items.map { "- " + inline($0) }.joined(separator: "\n")
        case .commands(let lines):
            return "```sh\n" + lines.joined(separator: "\n") + "\n```"
        case .details(let summary, let code):
            return "<details>\n<summary>\(HTMLReport.escape(summary))</summary>\n\n```sql\n\(code)```\n\n</details>"
        }
    }

    /// A GitHub table, numbers aligned right; `|` in a cell escaped.
    private static func table(_ table: ReportTable) -> String {
        let line = { (cells: [String]) in "| " + cells.map(cell).joined(separator: " | ") + " |" }
        let rule = "|" + table.columns.map { $0.alignsRight ? " ---: " : " --- " }.joined(separator: "|") + "|"
        return ([line(table.columns.map(\.header)), rule] + table.rows.map(line)).joined(separator: "\n")
    }

    private static func cell(_ text: String) -> String {
        escape(text).replacing("\n", with: " ")
    }

    private static func inline(_ text: RichText) -> String {
        text.spans.map { span in
            switch span {
            case .text(let text): escape(text)
            case .code(let text): code(text)
            case .emphasis(let text): "*" + escape(text) + "*"
            case .link(let text, let anchor): "[" + escape(text) + "](#" + anchor + ")"
            case .web(let text, let url): "[" + escape(text) + "](" + url + ")"
            }
        }.joined()
    }

    /// A caption: its backquoted commands kept as code, the rest escaped.
    private static func caption(_ text: String) -> String {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().map { index, part in
            index % 2 == 1 ? code(String(part)) : escape(String(part))
        }.joined()
    }

    /// Inline code, fenced with more backquotes than it holds in a row.
    static func code(_ text: String) -> String {
        var longest = 0
        var current = 0
        for character in text {
            current = character == "`" ? current + 1 : 0
            longest = max(longest, current)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = text.hasPrefix("`") || text.hasSuffix("`") ? " \(text) " : text
        return fence + padded + fence
    }

    /// Text with the characters Markdown would read as markup escaped by a backslash.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>|#".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
