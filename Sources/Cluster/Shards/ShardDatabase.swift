import Foundation
import Store
import Training

/// A shard's own database: one file per shard, written by one process, journalled without
/// shared memory (see `StoreJournal.singleWriter`), and aware of the other databases of
/// its study so that no trial is trained twice across shards or submissions.
public enum ShardDatabase {
    /// Opens (creating) the shard file at `path` as its one writer. Runs left `running`
    /// by a process on another host, or by one here that has ended, are marked
    /// `interrupted`: with one writer per file, nothing else can be training them.
    ///
    /// - Throws: `ShardDatabaseError.inUse` when a live process on this host is recording
    ///   into the file (two shards given one `--db`); `StoreError` for a bad file.
    public static func open(_ path: String) throws -> TrackerStore {
        // Each task creates the folder of its file: the first to start makes it.
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = try TrackerStore(path: path, access: .createIfMissing, journal: .singleWriter)
        let running = try store.runs(RunFilter(status: .running))
        let abandoned = Set(try store.abandonedRuns())
        let host = ProcessIdentity.current().host
        if let live = running.first(where: { $0.process.host == host && !abandoned.contains($0.id) }) {
            throw ShardDatabaseError.inUse(path: path, pid: live.process.pid)
        }
        try store.markRunningRunsInterruptedAsSoleWriter()
        return store
    }

    /// What a shard trains: `requests` less the trials completed in one of `others`
    /// (database files, or folders whose `*.db` files are read). A trial this shard has
    /// no run of, but that another database holds stopped, is copied here with its
    /// checkpoint and continues from it. Returns the requests and a line per trial
    /// taken over or skipped.
    public static func prepare(
        _ requests: [TrialRequest], store: TrackerStore, others: [String]
    ) throws -> (requests: [TrialRequest], notes: [String]) {
        let sources = try otherDatabases(others, excluding: store.path)
        var kept: [TrialRequest] = []
        var notes: [String] = []
        for request in requests {
            let hash = request.config.trialHash
            let mine = try store.storedRuns(experiment: request.experiment, configHash: hash)
            if mine.contains(where: { $0.status == .completed || $0.status == .diverged }) {
                kept.append(request)
                continue
            }
            var stopped: (run: StoredRun, path: String)?
            var doneIn: String?
            for (path, source) in sources.sorted(by: { $0.key < $1.key }) {
                let theirs = try source.storedRuns(experiment: request.experiment, configHash: hash)
                if theirs.contains(where: { $0.status == .completed || $0.status == .diverged }) {
                    doneIn = path
                    break
                }
                for run in theirs where run.status != .completed && run.epochCount > (stopped?.run.epochCount ?? -1) {
                    stopped = (run, path)
                }
            }
            if let doneIn {
                notes.append("skip \(request.label): done in \(doneIn)")
                continue
            }
            if mine.isEmpty, let (run, path) = stopped, let full = try sources[path]?.storedRun(uuid: run.uuid) {
                try store.insert(full)
                notes.append("continue \(request.label): run \(run.uuid) from \(path) after epoch \(run.epochCount)")
            }
            kept.append(request)
        }
        try store.markRunningRunsInterruptedAsSoleWriter()
        return (kept, notes)
    }

    /// The databases named by `paths` (files, or folders of `*.db`), opened read-only;
    /// missing ones are left out (a study database before its first merge).
    static func otherDatabases(_ paths: [String], excluding own: String) throws -> [String: TrackerStore] {
        let manager = FileManager.default
        let ownPath = URL(fileURLWithPath: own).standardizedFileURL.path
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                let names = (try? manager.contentsOfDirectory(atPath: path)) ?? []
                files += names.filter { $0.hasSuffix(".db") }.sorted().map {
                    (path as NSString).appendingPathComponent($0)
                }
            } else {
                files.append(path)
            }
        }
        var stores: [String: TrackerStore] = [:]
        for file in files where URL(fileURLWithPath: file).standardizedFileURL.path != ownPath {
            stores[file] = try TrackerStore(path: file, access: .readAsIs)
        }
        return stores
    }
}

/// Why a shard database cannot be used.
public enum ShardDatabaseError: Error, Hashable, Sendable, CustomStringConvertible {
    case inUse(path: String, pid: Int)

    public var description: String {
        switch self {
        case .inUse(let path, let pid):
            "'\(path)' is being written by tracker process \(pid): each shard needs a database of its own (--db)"
        }
    }
}
