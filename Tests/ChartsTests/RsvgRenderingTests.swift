import Foundation
import Testing

@testable import Charts

/// The SVG renders with librsvg (what `tracker plot --out x.png` uses) to a PNG of the
/// requested size. Skipped, saying so, where `rsvg-convert` is not installed.
@Suite struct RsvgRenderingTests {
    static let rsvg = ["/usr/bin/rsvg-convert", "/usr/local/bin/rsvg-convert", "/opt/homebrew/bin/rsvg-convert"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: rsvg != nil, "rsvg-convert is not installed (Debian package librsvg2-bin)"))
    func chartsRenderToPNGsOfTheRequestedSize() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("charts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let grid = ChartGrid(
            title: "Loss and accuracy", panels: [LineChartTests.loss, LineChartTests.loss], columns: 2)
        for (name, svg, size) in [
            ("chart", LineChartTests.loss.svg(width: 640, height: 400), (640, 400)),
            ("grid", grid.svg(width: 1000, height: 420), (1000, 420)),
        ] {
            let input = directory.appendingPathComponent("\(name).svg")
            let output = directory.appendingPathComponent("\(name).png")
            try svg.write(to: input, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(Self.rsvg))
            process.arguments = [input.path, "-o", output.path]
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            let png = try Data(contentsOf: output)
            #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            // IHDR: width and height, big-endian, at bytes 16 and 20.
            let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
            let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
            #expect((width, height) == size)
        }
    }
}
