import Foundation
import TextOutput

/// Shows a fetch as it happens: one line per step, and on a terminal a live progress bar
/// (file, bytes, percent, rate) while a file downloads.
public struct FetchReporter: Sendable {
    public let line: StatusLine
    private let bar = ProgressBar(width: 24, unit: .bytes)

    public init(line: StatusLine) {
        self.line = line
    }

    public func report(_ event: FetchEvent) {
        switch event {
        case .present(let file, let path):
            line.print("\(file): already present as \(path)")
        case .started(_, let url):
            line.print("downloading \(url)")
        case .progress(let file, let received, let expected, let seconds):
            line.update(bar.render(label: file, completed: received, total: expected, seconds: seconds))
        case .finished(let file, let bytes, let seconds):
            let rate = seconds > 0 ? ", " + bar.rate(Double(bytes) / seconds) : ""
            line.print(
                "\(file): \(ProgressBar.formatBytes(bytes)) in \(String(format: "%.1f", seconds)) s\(rate), md5 verified"
            )
        case .mirrorFailed(_, let url, let reason):
            line.print("\(url): \(reason)")
        }
    }
}
