import Foundation

/// The root of the package, found from this file's path.
public let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The `sqlite3` shell, to show that what tracker stores and prints reads the same
/// without tracker.
public enum SQLiteShell {
    public struct NotInstalled: Error, CustomStringConvertible {
        public var description: String { "the sqlite3 shell is not installed" }
    }

    /// `sqlite3 -csv -header DATABASE < script`, with `.parameter set :NAME 'VALUE'` for
    /// each parameter first, as the files of `queries/` document it.
    public static func csv(_ database: String, script: URL, parameters: [String: String] = [:]) throws
        -> ProcessOutput
    {
        guard let sqlite3 = ChildProcess.onPath("sqlite3") else { throw NotInstalled() }
        let settings = parameters.sorted { $0.key < $1.key }.flatMap {
            ["-cmd", ".parameter set :\($0.key) '\($0.value)'"]
        }
        return try ChildProcess.run(sqlite3, ["-csv", "-header"] + settings + [database], input: script)
    }

    /// `queries/NAME.sql`.
    public static func query(_ name: String) -> URL {
        packageRoot.appendingPathComponent("queries/\(name).sql")
    }
}
