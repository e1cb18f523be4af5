import Testing

@testable import Charts

/// SVG text measured for layout.
@Suite struct TextMetricsTests {
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
