/// How a connection journals its writes: the choice between several writers on a local
/// disk and one writer on a file system that may not share memory or locks.
public enum StoreJournal: Sendable {
    /// WAL (`journal_mode=WAL`, `synchronous=NORMAL`): several processes on one machine
    /// write the file at once, readers never wait. WAL keeps its index in a shared-memory
    /// file (`-shm`) that every connection maps, so all of them must be on one host.
    case sharedWAL
    /// A rollback journal (`journal_mode=DELETE`, `synchronous=FULL`): no shared-memory
    /// index, nothing mapped, a hot journal beside the file rolled back by the next
    /// opener after a crash. For a file with one writing process, such as a shard
    /// database on a cluster's network file system, where WAL's shared memory does not
    /// work and locks cannot be trusted.
    case singleWriter

    var pragmas: String {
        switch self {
        case .sharedWAL: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON"
        case .singleWriter: "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON"
        }
    }
}
