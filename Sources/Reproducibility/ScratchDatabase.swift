import Foundation
import Store
import Training

/// A tracker database in a new temporary directory, for a reproduction that is compared
/// and then thrown away; ``remove()`` deletes the directory with the database, its WAL and
/// its shared-memory index.
struct ScratchDatabase {
    let directory: URL
    let store: TrackerStore

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tracker-reproduce-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        do {
            store = try DatabaseFile.open(directory.appendingPathComponent("scratch.db").path, access: .createIfMissing)
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
