import Testing
import TextOutput

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
}

/// Tables aligned by display width, cut on a terminal only.
@Suite struct TextTableWidthTests {
    static let table = TextTable(
        columns: [TextTable.Column("experiment"), TextTable.Column("runs", alignsRight: true)],
        rows: [["模型", "3"], ["e\u{301}te\u{301}", "12"], ["🙂 ok", "1"]])

    @Test func wideAndCombiningCharactersAlign() {
        #expect(
            Self.table.render(style: .plain) == """
                experiment  runs
                模型           3
                été           12
                🙂 ok          1

                """)
    }

    @Test func longCellsAreCutOnATerminalOnly() {
        let name = String(repeating: "名", count: 40)
        let table = TextTable(
            columns: [TextTable.Column("experiment"), TextTable.Column("runs")], rows: [[.init(name), "1"]])
        let terminal = table.render(style: TerminalStyle(usesColor: false, isTerminal: true))
        let cut = String(repeating: "名", count: 29) + "…"
        #expect(terminal == "experiment" + String(repeating: " ", count: 49) + "  runs\n" + cut + "  1\n")
        #expect(DisplayWidth.of(cut) == 59)
        #expect(
            table.render(style: .plain) == "experiment" + String(repeating: " ", count: 70) + "  runs\n" + name
                + "  1\n")
    }
}
