import Foundation

/// Writes progress to a terminal as a live block redrawn in place (carriage return, then
/// erase-to-end-of-line `ESC [ K`; a block of several lines first moves the cursor up
/// with `ESC [ n A` and erases below with `ESC [ J`), and permanent lines above it. Redraws are throttled so a
/// fast stream of updates costs nothing. When the output is not a terminal (a pipe, a log
/// file, CI), live updates are dropped and only the permanent lines are written.
///
/// Safe to call from any thread: downloads report progress from URLSession's queue.
public final class StatusLine: @unchecked Sendable {
    public let isTerminal: Bool
    private let minimumInterval: Double
    private let clock: @Sendable () -> Double
    private let write: @Sendable (String) -> Void
    // Guarded by `lock`.
    private let lock = NSLock()
    private var lastDraw = -Double.infinity
    /// Lines of the live block on screen (0 when none).
    private var shownLines = 0

    /// - Parameters:
    ///   - clock: seconds from any fixed origin; injectable so tests control throttling.
    ///   - write: receives the exact bytes to emit, escape sequences included.
    public init(
        isTerminal: Bool,
        minimumInterval: Double = 0.1,
        clock: @escaping @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 },
        write: @escaping @Sendable (String) -> Void
    ) {
        self.isTerminal = isTerminal
        self.minimumInterval = minimumInterval
        self.clock = clock
        self.write = write
    }

    /// A status line on standard output, live only when standard output is a terminal.
    public static func standardOutput() -> StatusLine {
        StatusLine(isTerminal: isatty(STDOUT_FILENO) == 1) { text in
            // Not `write(_:)`, which stops the program when a write fails, as every write to
            // a terminal that has closed (SIGHUP) does: the run must still get to record
            // how it ended. What cannot be shown is dropped.
            try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
        }
    }

    /// Redraws the live block (one line per `\n`-separated part), unless the last redraw
    /// was under `minimumInterval` ago.
    public func update(_ text: String) {
        guard isTerminal else { return }
        lock.withLock {
            let now = clock()
            guard now - lastDraw >= minimumInterval else { return }
            lastDraw = now
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let erase = shownLines > 1 || lines.count < shownLines ? "\u{1B}[J" : ""
            write(returnToBlock() + erase + lines.map { $0 + "\u{1B}[K" }.joined(separator: "\n"))
            shownLines = lines.count
        }
    }

    /// Writes a permanent line; on a terminal it replaces the live block, which the next
    /// `update` draws again below it.
    public func print(_ text: String) {
        lock.withLock {
            if shownLines > 0 {
                write(returnToBlock() + (shownLines > 1 ? "\u{1B}[J" : "\u{1B}[K") + text + "\n")
                shownLines = 0
                lastDraw = -Double.infinity
            } else {
                write(text + "\n")
            }
        }
    }

    /// Removes the live block, leaving the cursor where it began.
    public func clear() {
        lock.withLock {
            guard shownLines > 0 else { return }
            write(returnToBlock() + (shownLines > 1 ? "\u{1B}[J" : "\u{1B}[K"))
            shownLines = 0
            lastDraw = -Double.infinity
        }
    }

    /// To the start of the live block's first line.
    private func returnToBlock() -> String {
        shownLines > 1 ? "\r\u{1B}[\(shownLines - 1)A" : "\r"
    }
}
