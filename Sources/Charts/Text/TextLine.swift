import TextOutput

/// One line of terminal text built cell by cell, so that labels land in exact columns
/// whatever their characters' widths.
struct TextLine {
    /// Each column's text: a character, or "" for the second half of a wide character.
    private var cells: [String]

    init(width: Int) {
        cells = Array(repeating: " ", count: max(0, width))
    }

    var width: Int { cells.count }

    /// Writes `text` from column `start`, if it fits entirely and lands on free columns
    /// only (unless `overwrite`); returns whether it was written.
    @discardableResult
    mutating func put(_ text: String, at start: Int, overwrite: Bool = true) -> Bool {
        let width = DisplayWidth.of(text)
        guard start >= 0, start + width <= cells.count else { return false }
        if !overwrite && cells[start..<(start + width)].contains(where: { $0 != " " }) { return false }
        var column = start
        for character in text {
            let columns = DisplayWidth.of(character)
            guard columns > 0 else {
                // A lone zero-width character joins the previous cell.
                if column > start { cells[column - 1] += String(character) }
                continue
            }
            cells[column] = String(character)
            if columns == 2 { cells[column + 1] = "" }
            column += columns
        }
        return true
    }

    /// The line with trailing spaces removed.
    var text: String {
        var text = cells.joined()
        while text.last == " " { text.removeLast() }
        return text
    }

    /// `text` centred over `width` columns starting at `offset` (cut with `…` to fit).
    static func centered(_ text: String, in width: Int, offset: Int = 0) -> String {
        let cut = DisplayWidth.truncate(text, to: width)
        var line = TextLine(width: offset + width)
        line.put(cut, at: offset + (width - DisplayWidth.of(cut)) / 2)
        return line.text
    }
}
