import ArgumentParser
import Foundation
import Plots
import Reports
import RunQueries
import TextOutput
import Training

extension Tracker {
    /// Parses the command line and runs the command, reporting a failure as one line.
    ///
    /// ArgumentParser's own `main()` follows a refused flag with a "Help:" line and the
    /// command's usage; tracker says only what is wrong, `Error: <message>` on standard
    /// error, and exits with ArgumentParser's code for the error: 64 (`EX_USAGE`) for the
    /// command line (its parse errors and every `ValidationError`), 1 for anything else.
    /// Help, `--version` and the statuses commands end with (`ExitCode`) keep
    /// ArgumentParser's handling.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let status = exitCode(for: error)
            if status == .success || error is ExitCode {
                exit(withError: error)
            }
            FileHandle.standardError.write(Data("\(ErrorLine(message(for: error)))\n".utf8))
            Foundation.exit(status.rawValue)
        }
    }
}
