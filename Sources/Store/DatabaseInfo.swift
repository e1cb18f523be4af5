import Foundation
import SQLite

/// A summary of a tracker database, for `tracker db info`.
public struct DatabaseInfo: Sendable, Hashable {
    /// The absolute path of the file.
    public var path: String
    public var schemaVersion: Int
    public var experiments: Int
    public var runs: Int
    /// Runs by status; statuses without runs are absent.
    public var runsByStatus: [RunStatus: Int]
    public var epochs: Int
    /// `PRAGMA journal_mode`: `wal` for a tracker database on a local disk.
    public var journalMode: String
    /// The size of the database (`page_count × page_size`), committed pages still in
    /// the write-ahead log included.
    public var sizeInBytes: Int

    /// The summary as aligned `label: value` lines.
    public var lines: [String] {
        let statuses = RunStatus.allCases.compactMap { status in
            runsByStatus[status].map { "\($0) \(status.rawValue)" }
        }
        let fields = [
            ("path", path),
            ("schema version", String(schemaVersion)),
            ("experiments", String(experiments)),
            ("runs", String(runs) + (statuses.isEmpty ? "" : " (\(statuses.joined(separator: ", ")))")),
            ("epochs", String(epochs)),
            ("journal mode", journalMode),
            ("size", Self.formatSize(sizeInBytes)),
        ]
        let width = fields.map(\.0.count).max() ?? 0
        return fields.map { label, value in
            (label + ":").padding(toLength: width + 2, withPad: " ", startingAt: 0) + value
        }
    }

    /// Bytes in binary units with one decimal: `512 bytes`, `44.0 KiB`, `1.3 GiB`.
    public static func formatSize(_ bytes: Int) -> String {
        guard bytes >= 1024 else { return "\(bytes) bytes" }
        var value = Double(bytes) / 1024
        for unit in ["KiB", "MiB", "GiB"] {
            if value < 1024 || unit == "GiB" {
                return String(format: "%.1f", value) + " " + unit
            }
            value /= 1024
        }
        return "\(bytes) bytes"
    }
}

extension TrackerStore {
    /// Counts and settings of the database, read in one snapshot.
    public func info() throws -> DatabaseInfo {
        try read {
            let counts = try database.fetchOne(
                """
                SELECT (SELECT user_version FROM pragma_user_version),
                       (SELECT count(*) FROM experiments),
                       (SELECT count(*) FROM runs),
                       (SELECT count(*) FROM epochs),
                       (SELECT page_count FROM pragma_page_count) * (SELECT page_size FROM pragma_page_size)
                """)
            var byStatus: [RunStatus: Int] = [:]
            for row in try database.fetchAll("SELECT status, count(*) FROM runs GROUP BY status") {
                if let status = row[0].string.flatMap(RunStatus.init(rawValue:)) {
                    byStatus[status] = row[1].int ?? 0
                }
            }
            var mode = try database.fetchOne("PRAGMA journal_mode")?[0].string ?? ""
            if isReadOnly {
                // An immutable connection reports `delete`, whatever the file says: its
                // header's write version (byte 18) is 2 in WAL mode.
                let header = FileManager.default.contents(atPath: path)?.prefix(19)
                mode = (header?.count == 19 && header?.last == 2 ? "wal" : mode) + " (opened read-only)"
            }
            return DatabaseInfo(
                path: database.filename, schemaVersion: counts?[0].int ?? 0, experiments: counts?[1].int ?? 0,
                runs: counts?[2].int ?? 0, runsByStatus: byStatus, epochs: counts?[3].int ?? 0,
                journalMode: mode, sizeInBytes: counts?[4].int ?? 0)
        }
    }
}
