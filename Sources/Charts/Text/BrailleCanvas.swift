/// A grid of terminal cells, each a 2 × 4 block of braille dots (U+2800–U+28FF), on which
/// lines are drawn at twice the horizontal and four times the vertical resolution.
///
/// Dot coordinates run from the top left; dots outside the grid are ignored, so lines
/// may start or end off the canvas. Each cell remembers the series that drew in it last
/// (for colour), and may carry a marker glyph that replaces its dots.
struct BrailleCanvas {
    let columns: Int
    let rows: Int
    private var bits: [UInt8]
    private var owners: [Int?]
    private var glyphs: [Character?]

    /// Bit of dot (dx, dy) in a cell, as the braille block numbers its dots 1–8.
    private static let dotBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    init(columns: Int, rows: Int) {
        precondition(columns > 0 && rows > 0, "empty canvas")
        self.columns = columns
        self.rows = rows
        bits = Array(repeating: 0, count: columns * rows)
        owners = Array(repeating: nil, count: columns * rows)
        glyphs = Array(repeating: nil, count: columns * rows)
    }

    var dotColumns: Int { columns * 2 }
    var dotRows: Int { rows * 4 }

    /// Sets the dot at (x, y).
    mutating func plot(x: Int, y: Int, series: Int) {
        guard x >= 0, y >= 0, x < dotColumns, y < dotRows else { return }
        let cell = (y / 4) * columns + x / 2
        bits[cell] |= Self.dotBits[x % 2][y % 4]
        owners[cell] = series
    }

    /// The dots from `start` to `end` (Bresenham's algorithm, both ends included).
    mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), series: Int) {
        let dx = abs(end.x - start.x)
        let dy = -abs(end.y - start.y)
        let stepX = start.x < end.x ? 1 : -1
        let stepY = start.y < end.y ? 1 : -1
        var (x, y) = start
        var error = dx + dy
        while true {
            plot(x: x, y: y, series: series)
            if x == end.x && y == end.y { return }
            let doubled = 2 * error
            if doubled >= dy {
                error += dy
                x += stepX
            }
            if doubled <= dx {
                error += dx
                y += stepY
            }
        }
    }

    /// Puts `glyph` in the cell holding dot (x, y), over its dots.
    mutating func mark(x: Int, y: Int, glyph: Character, series: Int) {
        guard x >= 0, y >= 0, x < dotColumns, y < dotRows else { return }
        let cell = (y / 4) * columns + x / 2
        glyphs[cell] = glyph
        owners[cell] = series
    }

    /// The character of a cell (a space when empty) and the series that drew it.
    func cell(column: Int, row: Int) -> (character: Character, series: Int?) {
        let index = row * columns + column
        if let glyph = glyphs[index] { return (glyph, owners[index]) }
        guard bits[index] != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(bits[index])) else { return (" ", nil) }
        return (Character(scalar), owners[index])
    }
}
