import Foundation
import Store
import Training

/// `tracker merge SOURCE.db... --into TARGET.db`: every run of the sources copied into the
/// target, matched by uuid, in one transaction.
///
/// A run already in the target unchanged is left alone; one trained further in a source
/// (resumed after an interruption) replaces its earlier state; an earlier state of one the
/// target has further is skipped. Any other difference under one uuid refuses the whole
/// merge. A completed trial (experiment and `config_hash`) that the target already holds
/// completed under another uuid is kept once when their results are bit-identical, and
/// both are kept, with a note, when they are not. Checkpoints come only with runs that can
/// still be resumed.
public struct RunMerge {
    public let sources: [String]
    public let target: String

    public init(sources: [String], target: String) {
        self.sources = sources
        self.target = target
    }

    /// Merges, or with `dryRun` works out the same merge and rolls it back. A missing
    /// target is created, except by a dry run; a refused merge leaves it as it was.
    public func run(dryRun: Bool) throws -> MergeSummary {
        let opened = try openSources()
        let targetExisted = FileManager.default.fileExists(atPath: target)
        if dryRun && !targetExisted {
            return try merge(opened, into: TrackerStore(path: ":memory:"), dryRun: true)
        }
        do {
            return try merge(opened, into: try DatabaseFile.open(target, access: .createIfMissing), dryRun: dryRun)
        } catch {
            if !targetExisted {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
            }
            throw error
        }
    }

    private func openSources() throws -> [(String, TrackerStore)] {
        guard !sources.isEmpty else { throw MergeError.noSources }
        let targetPath = Self.canonical(target)
        var seen: Set<String> = []
        return try sources.compactMap { path in
            let canonical = Self.canonical(path)
            guard canonical != targetPath else { throw MergeError.sourceIsTarget(path: path) }
            guard seen.insert(canonical).inserted else { return nil }
            do {
                return (path, try TrackerStore(path: path, access: .readAsIs))
            } catch let error as StoreError {
                throw MergeError.badSource(path: path, reason: error.description)
            }
        }
    }

    private func merge(_ sources: [(String, TrackerStore)], into store: TrackerStore, dryRun: Bool) throws
        -> MergeSummary
    {
        var summary = MergeSummary(sources: sources.count, target: target, dryRun: dryRun)
        do {
            try store.write {
                for (path, source) in sources {
                    for run in try source.storedRuns(checkpoints: { $0.isResumable || $0 == .running }) {
                        try merge(run, from: path, into: store, summary: &summary)
                    }
                }
                if dryRun { throw RollBack() }
            }
        } catch is RollBack {}
        return summary
    }

    private func merge(_ run: StoredRun, from path: String, into store: TrackerStore, summary: inout MergeSummary)
        throws
    {
        if let existing = try store.storedRun(uuid: run.uuid) {
            if existing.isSameRecord(as: run) {
                summary.unchanged += 1
            } else if run.continues(existing) {
                try store.replace(run)
                summary.updated += 1
            } else if existing.continues(run) {
                summary.older += 1
            } else {
                throw MergeError.conflict(uuid: run.uuid, source: path, target: target)
            }
            return
        }
        if run.status == .completed {
            let twins = try store.storedRuns(experiment: run.experiment, configHash: run.configHash)
                .filter { $0.status == .completed }
            if twins.contains(where: { $0.hasSameResults(as: run) }) {
                summary.identical += 1
                return
            }
            if let other = twins.first {
                summary.notes.append(
                    "note: trial \(run.configHash) of experiment \(run.experiment): run \(run.uuid) from \(path) "
                        + "differs from run \(other.uuid) (results not bit-identical); both kept")
            }
        }
        try store.insert(run)
        summary.copied += 1
        if run.status == .running { summary.stillRunning += 1 }
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    private struct RollBack: Error {}
}

/// What a merge did, or a dry run would do.
public struct MergeSummary: Hashable, Sendable {
    public var sources: Int
    public var target: String
    public var dryRun: Bool
    public var copied = 0
    public var updated = 0
    public var unchanged = 0
    public var older = 0
    public var identical = 0
    public var stillRunning = 0
    public var notes: [String] = []

    public var lines: [String] {
        let verb = dryRun ? "would merge" : "merged"
        var lines = notes
        lines.append(
            "\(verb) \(sources) database\(sources == 1 ? "" : "s") into \(target): \(copied) run\(copied == 1 ? "" : "s") copied, "
                + "\(updated) updated, \(unchanged) already there, \(older) older copies skipped, "
                + "\(identical) bit-identical repeats of a completed trial skipped")
        if stillRunning > 0 {
            lines.append(
                "\(stillRunning) run\(stillRunning == 1 ? " is" : "s are") still marked running in the sources: "
                    + "a task still training, or one killed without a chance to say so (resubmit to finish them)")
        }
        return lines
    }
}

/// Why a merge was refused; nothing was written.
public enum MergeError: Error, Hashable, Sendable, CustomStringConvertible {
    case noSources
    case sourceIsTarget(path: String)
    case badSource(path: String, reason: String)
    case conflict(uuid: String, source: String, target: String)

    public var description: String {
        switch self {
        case .noSources: "merge needs at least one source database"
        case .sourceIsTarget(let path): "'\(path)' is the target database: a database cannot be merged into itself"
        case .badSource(let path, let reason):
            "cannot merge '\(path)': \(reason); nothing was written"
        case .conflict(let uuid, let source, let target):
            "run \(uuid) in '\(source)' differs from the run with that uuid in '\(target)' "
                + "(neither continues the other); nothing was written"
        }
    }
}
