import Foundation
import TestSupport

/// `chattr +i`: a file that no one may change, and a directory in which no file may be
/// created, even by root. Tests run as root, for whom `chmod` changes nothing, so this is
/// what makes a place really read-only to tracker: its `access(2)` and SQLite's own
/// writes both fail as they would for a user without permission.
enum Immutable {
    /// Whether `chattr` works here (root, on a file system with the attribute).
    static let isAvailable: Bool = {
        guard getuid() == 0, let directory = try? TemporaryDirectory(),
            let probe = try? directory.write("probe", [1])
        else { return false }
        defer { _ = set(false, probe) }
        return set(true, probe) && access(probe, W_OK) != 0
    }()

    /// Sets or clears the immutable attribute of `path`; whether `chattr` succeeded.
    @discardableResult
    static func set(_ immutable: Bool, _ path: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [immutable ? "+i" : "-i", path]
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// Runs `body` with `path` immutable, clearing the attribute afterwards whatever
    /// happens, so that the temporary directory can be removed.
    static func with<T>(_ path: String, _ body: () throws -> T) throws -> T {
        guard set(true, path) else { throw CocoaError(.fileWriteNoPermission) }
        defer { set(false, path) }
        return try body()
    }
}
