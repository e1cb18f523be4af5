import TextOutput

/// Estimated widths of SVG text, for layout (margins, legend boxes, label overlap).
///
/// The figures are the advance widths of DejaVu Sans (the first font the charts ask
/// for, installed with librsvg on Debian), in 1/2048 em, for printable ASCII; bold is
/// about 10% wider. Other characters count 1 em when they take two terminal columns
/// (CJK, emoji), nothing when they take none, 0.64 em otherwise. The fallback fonts
/// (Verdana, Arial) are narrower, so the estimate errs on the side of room.
enum TextMetrics {
    static func width(of text: String, fontSize: Double, bold: Bool = false) -> Double {
        var units = 0.0
        for character in text {
            if let ascii = character.asciiValue, ascii >= 32, ascii < 127 {
                units += Double(asciiAdvances[Int(ascii) - 32])
            } else {
                units += [0.0, 1311, 2048][min(2, DisplayWidth.of(character))]
            }
        }
        return units / 2048 * fontSize * (bold ? 1.1 : 1)
    }

    /// `text` cut with `…` so that it fits in `width`.
    static func truncate(_ text: String, toWidth width: Double, fontSize: Double, bold: Bool = false) -> String {
        guard Self.width(of: text, fontSize: fontSize, bold: bold) > width else { return text }
        var kept = Substring(text)
        while !kept.isEmpty && Self.width(of: kept + "…", fontSize: fontSize, bold: bold) > width {
            kept.removeLast()
        }
        return kept.isEmpty ? "" : kept + "…"
    }

    /// DejaVu Sans advances for U+0020 … U+007E.
    private static let asciiAdvances: [Int] = [
        651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690,
        1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 690, 690, 1716, 1716, 1716,
        1087, 2048, 1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604, 604, 1343, 1141, 1767,
        1532, 1612, 1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799, 690,
        799, 1716, 1024, 1024, 1255, 1300, 1126, 1300, 1260, 721, 1300, 1298, 569, 569, 1186,
        569, 1995, 1298, 1253, 1300, 1300, 842, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075,
        1303, 690, 1303, 1716,
    ]
}
