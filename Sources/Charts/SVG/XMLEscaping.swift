/// Escaping of text for XML 1.0 documents (and for SVG inlined in HTML5).
///
/// Text is kept as UTF-8 (non-ASCII is written as itself, never as character
/// references). The markup characters are replaced by entities, and the characters XML 1.0
/// cannot carry at all (`#x0`–`#x8`, `#xB`, `#xC`, `#xE`–`#x1F`, `#xFFFE`, `#xFFFF`) are
/// removed, together with DEL and the C1 controls (`#x7F`–`#x9F`) that XML discourages and
/// HTML5 reports as parse errors: a label is never worth an invalid document.
public enum XMLEscaping {
    /// Escapes character data: `&`, `<` and `>` become entities.
    public static func text(_ string: String) -> String {
        escape(string, inAttribute: false)
    }

    /// Escapes an attribute value delimited by double quotes: also `"` and `'`, and the
    /// whitespace that attribute-value normalisation would otherwise turn into spaces
    /// (tab, line feed, carriage return) as character references.
    public static func attribute(_ string: String) -> String {
        escape(string, inAttribute: true)
    }

    /// True for the scalars that are dropped from every label.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: false
        case 0x0...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    private static func escape(_ string: String, inAttribute: Bool) -> String {
        // Most values (path data, numbers, colours) need nothing: a byte scan proves it.
        // Forbidden scalars above ASCII start with 0xC2 (C1 controls) or 0xEF (U+FFFE/F).
        let suspicious = string.utf8.contains { byte in
            switch byte {
            case 0x00..<0x20, 0x7F, 0xC2, 0xEF, UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"): true
            case UInt8(ascii: "\""), UInt8(ascii: "'"): inAttribute
            default: false
            }
        }
        guard suspicious else { return string }
        var out = String.UnicodeScalarView()
        for scalar in string.unicodeScalars where !isForbidden(scalar) {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"" where inAttribute: out.append(contentsOf: "&quot;".unicodeScalars)
            case "'" where inAttribute: out.append(contentsOf: "&apos;".unicodeScalars)
            case "\t" where inAttribute: out.append(contentsOf: "&#9;".unicodeScalars)
            case "\n" where inAttribute: out.append(contentsOf: "&#10;".unicodeScalars)
            case "\r" where inAttribute: out.append(contentsOf: "&#13;".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
