import Foundation
import TextOutput

/// Markup written by hand, with every text from the database escaped on its way in.
enum HTML {
    /// Text for an element's content or a quoted attribute: `& < > " '` as entities,
    /// control characters (but tab and newline) as U+FFFD, so that no stored name, tag
    /// or note can open an element, close an attribute or hide itself.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value): out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A query string from items, each percent-encoded.
    static func query(_ items: [(String, String)]) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let encoded = items.map { name, value in
            name + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }
        return encoded.isEmpty ? "" : "?" + encoded.joined(separator: "&")
    }

    /// A cell as the CLI's tables show it: accuracies in percent, `-` for none.
    static func cell(_ cell: Cell, column: String) -> String {
        if column.hasSuffix("_acc") || column.hasSuffix("_mean") && !column.contains("loss") {
            return NumberText.percent(cell.double)
        }
        if case .null = cell { return "-" }
        return escape(NumberText.value(cell))
    }

    /// A table of `columns` (header, then rows already escaped).
    static func table(_ headers: [String], _ rows: [[String]], classes: String = "") -> String {
        var html = "<table class=\"\(classes)\"><thead><tr>"
        html += headers.map { "<th>\(escape($0))</th>" }.joined()
        html += "</tr></thead><tbody>\n"
        for row in rows {
            html += "<tr>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// The page around `body`: the navigation, our stylesheet and script.
    static func page(title: String, active: String, body: String, live: Bool = false) -> String {
        let sections = [
            ("Experiments", "/"), ("Runs", "/runs"), ("Compare", "/compare"), ("Diff", "/diff"), ("Report", "/report"),
        ]
        let nav = sections.map { name, href in
            "<a href=\"\(href)\"\(name == active ? " class=\"active\"" : "")>\(name)</a>"
        }.joined(separator: " ")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) · tracker</title>
            <link rel="stylesheet" href="/static/style.css">
            <script src="/static/app.js" defer></script>
            </head>
            <body data-live="\(live ? "1" : "0")">
            <header><strong>tracker</strong> <nav>\(nav)</nav> <span id="live-status" class="muted"></span></header>
            <main id="content">
            \(body)
            </main>
            </body>
            </html>

            """
    }
}
