import TextOutput

/// The legend under a text chart: `o train   # dev`, wrapped to the width; shown only for
/// two named series or more (one series is named by the title).
struct TextLegend {
    let lines: [String]

    init(series: [PlottedSeries], width: Int, colors: Bool) {
        let named = series.filter { !$0.name.isEmpty }
        guard named.count >= 2 else {
            lines = []
            return
        }
        var lines: [String] = []
        var line = ""
        var used = 0
        for plotted in named {
            let name = DisplayWidth.truncate(DisplayWidth.sanitize(plotted.legendName), to: max(1, width - 2))
            let glyph = String(plotted.style.symbol)
            let entry = (colors ? ANSI.set(plotted.style.color) + glyph + ANSI.set(nil) : glyph) + " " + name
            let size = 2 + DisplayWidth.of(name)
            if used > 0 && used + 3 + size > width {
                lines.append(line)
                line = ""
                used = 0
            }
            line += (used > 0 ? "   " : "") + entry
            used += (used > 0 ? 3 : 0) + size
        }
        lines.append(line)
        self.lines = lines.map { line in
            var line = line
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
