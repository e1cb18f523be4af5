import Testing

@testable import Charts

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("loss", 4), ("é", 1), ("e\u{301}", 1), ("模型", 4), ("한국", 4), ("ｆｕｌｌ", 8), ("🙂", 2),
        ("👍🏽", 2), ("❤️", 2), ("👩‍🔬", 2), ("a\u{200B}b", 2), ("⣿▁█", 3), ("×10⁻⁷", 5), ("", 0),
    ])
    func columnsOfText(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    @Test func truncationCountsColumnsAndEndsWithAnEllipsis() {
        #expect(DisplayWidth.truncate("accuracy", to: 8) == "accuracy")
        #expect(DisplayWidth.truncate("accuracy", to: 5) == "accu…")
        #expect(DisplayWidth.truncate("模型模型", to: 6) == "模型…")
        #expect(DisplayWidth.truncate("模型模型", to: 4) == "模…")
        #expect(DisplayWidth.truncate("abc", to: 0) == "")
    }

    @Test func sanitizingRemovesWhatWouldMoveTheCursor() {
        #expect(DisplayWidth.sanitize("a\tb\nc\r") == "a b c ")
        #expect(DisplayWidth.sanitize("\u{1B}[2Jred\u{7}\u{0}\u{9B}") == "[2Jred")
        #expect(DisplayWidth.sanitize("abc\u{202E}fed\u{2066}") == "abcfed")
        #expect(DisplayWidth.sanitize("模型 é 🙂") == "模型 é 🙂")
    }

    @Test func svgTextWidthsFollowDejaVuSans() {
        // "0" advances 1303/2048 em; at 12 px: 7.635 px.
        #expect(abs(TextMetrics.width(of: "00", fontSize: 12) - 2 * 1303.0 / 2048 * 12) < 1e-9)
        #expect(abs(TextMetrics.width(of: "模", fontSize: 10) - 10) < 1e-9)
        #expect(TextMetrics.width(of: "W", fontSize: 12, bold: true) > TextMetrics.width(of: "W", fontSize: 12))
        let cut = TextMetrics.truncate("a long legend entry", toWidth: 50, fontSize: 12)
        #expect(cut.hasSuffix("…"))
        #expect(TextMetrics.width(of: cut, fontSize: 12) <= 50)
        #expect(TextMetrics.truncate("short", toWidth: 100, fontSize: 12) == "short")
    }
}
