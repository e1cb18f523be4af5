import Foundation
import Plots
import Reports
import RunQueries
import TestSupport
import Testing
import TextOutput
import TrackerFixtures

/// The HTML report in a real browser: headless Chromium (Debian package `chromium`,
/// which scripts/test installs) draws it to a PNG screenshot of the window's size that
/// shows text, tables and the charts' colours. Where Chromium is missing the test fails
/// and says so: a report nobody has seen rendered is not checked.
@Suite struct ReportBrowserTests {
    static let browser = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap(ChildProcess.onPath).first

    @Test func chromiumRendersTheReportToAScreenshotThatIsNotBlank() throws {
        let browser = try #require(
            Self.browser,
            "Chromium is not installed (Debian package chromium, installed by scripts/test): the HTML report cannot be rendered in a browser"
        )
        let fixture = try ScratchStore(contents: CompareFixture.write)
        let report = try ReportFixture.report(fixture.store)
        let folder = try TemporaryDirectory()
        let page = folder.path("report.html")
        try ReportFiles.write(report, format: .html, to: page, figures: nil)
        let (width, height) = (1200, 2600)
        let output = try ChildProcess.run(
            URL(fileURLWithPath: "/usr/bin/timeout"),
            [
                "60", browser.path, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--no-first-run", "--user-data-dir=" + folder.path("profile"),
                "--screenshot=" + folder.path("shot.png"),
                "--window-size=\(width),\(height)", URL(fileURLWithPath: page).absoluteString,
            ], environment: ["HOME": folder.path])
        #expect(output.status == 0, "chromium: \(output.stderr)")
        let image = try PNGImage(try folder.read("shot.png"), scratch: folder)
        #expect(image.width == width && image.height == height)
        // Antialiased text, rules, bands and lines: many colours, some ink, mostly page.
        #expect(image.colorCount > 200)
        let inked = image.inkedShare()
        #expect(inked > 0.03 && inked < 0.5, "\(inked) of the pixels are not white")
        // The first series' Okabe-Ito blue (#0072B2) is drawn: the inline SVG charts render.
        let blue = image.count(of: 0x0072B2)
        #expect(blue > 100, "\(blue) pixels of the first series' blue")
    }
}
