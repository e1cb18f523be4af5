import Foundation
import SQLite

/// Where a database file lives, as this process may use it: whether the file and its
/// directory can be written. SQLite in WAL mode writes `-wal` and `-shm` files beside the
/// database, so a writer needs both; a reader in a place it cannot write opens the file
/// read-only, and immutable when nothing can be writing it.
struct FilePlace {
    let path: String

    var directory: String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// `access(2)`, which also says no for a read-only mount or an immutable file, even
    /// to root.
    private static func canWrite(_ path: String) -> Bool { access(path, W_OK) == 0 }

    private var size: Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
    }

    /// How `TrackerStore` opens the file for `access`.
    ///
    /// - Throws: `StoreError.missingDatabase`, `.noTrackerDatabase` (an empty file given
    ///   to a reader) or `.notWritable` (a writer in a place it cannot write).
    func openMode(for access: StoreAccess) throws -> OpenMode {
        if access != .createIfMissing && !exists { throw StoreError.missingDatabase(path: path) }
        let fileWritable = !exists || Self.canWrite(path)
        // A missing directory is SQLite's to report, as it reports any path it cannot open.
        let directoryWritable =
            Self.canWrite(directory) || !FileManager.default.fileExists(atPath: directory)
        switch access {
        case .createIfMissing, .mustExist:
            guard fileWritable else { throw StoreError.notWritable(path: path, reason: "the file is read-only") }
            guard directoryWritable else {
                throw StoreError.notWritable(
                    path: path, reason: "its directory '\(directory)' is not writable (SQLite keeps its journal there)")
            }
            return access == .createIfMissing ? .readWriteCreate : .readWrite
        case .readAsIs, .queryOnly:
            if size == 0 { throw StoreError.noTrackerDatabase(path: path) }
            return .readOnly
        case .readOnly:
            if size == 0 { throw StoreError.noTrackerDatabase(path: path) }
            if fileWritable && directoryWritable { return .readWrite }
            // A write-ahead log with content holds transactions not yet in the file: read
            // them through SQLite's locks. Without one, no writer is at work (it could not
            // write the file, or create its log here), so the file is read as it is.
            let log = FilePlace(path: path + "-wal")
            return (log.size ?? 0) > 0 ? .readOnly : .immutable
        }
    }
}

extension TrackerStore {
    /// Refuses a database that SQLite finds damaged, before a writer adds to it: a run
    /// recorded into a file with overwritten pages could be lost with the rest.
    ///
    /// `PRAGMA quick_check` reads every page and checks its structure, but not that
    /// indexes match their tables (what makes `integrity_check` slower). The README
    /// gives its cost on a large database.
    func checkIntegrity() throws {
        let result: String?
        do {
            result = try database.fetchOne("PRAGMA quick_check(1)")?[0].string
        } catch let error as SQLiteError where error.code == SQLiteError.corrupt {
            throw StoreError.damaged(path: path)
        }
        guard result == "ok" else { throw StoreError.damaged(path: path) }
    }
}
