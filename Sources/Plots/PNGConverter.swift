import Foundation
import RunQueries
import TextOutput

/// `rsvg-convert` (librsvg), which draws SVG as PNG with the DejaVu fonts the charts
/// are measured for.
struct PNGConverter {
    let executable: URL

    /// The converter on the `PATH` of `environment`, or nil when it is not installed.
    init?(environment: [String: String]) {
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        guard
            let found = folders.map({ URL(fileURLWithPath: $0).appendingPathComponent("rsvg-convert") })
                .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) })
        else { return nil }
        executable = found
    }

    /// Writes `svg` as a PNG file at `path`: the SVG goes to a temporary file beside it,
    /// `rsvg-convert` writes a second one, renamed into place when it succeeded. Both
    /// temporary files are removed in every case.
    ///
    /// - Throws: `OutputError` naming `path`.
    func convert(_ svg: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let stem = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid())").path
        let input = stem + ".svg"
        let output = stem + ".tmp"
        defer {
            unlink(input)
            unlink(output)
        }
        let target = "'\(path)'"
        do {
            try OutputFile.write(to: input) { $0.write(svg) }
        } catch let error as OutputError {
            throw OutputError(target: target, reason: error.reason)
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--format", "png", "--output", output, input]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw OutputError(target: target, reason: "cannot run \(executable.path): \(error.localizedDescription)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let line =
                message.split(separator: "\n").first.map(String.init) ?? "exit status \(process.terminationStatus)"
            throw OutputError(target: target, reason: "rsvg-convert failed: \(line)")
        }
        guard rename(output, path) == 0 else { throw OutputError(target: target, code: errno) }
    }
}
