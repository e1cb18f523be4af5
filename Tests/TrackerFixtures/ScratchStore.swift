public import Store
public import TestSupport

/// A store on a fresh file in its own temporary directory, removed with it.
public final class ScratchStore {
    public let directory: TemporaryDirectory
    public let path: String
    public let store: TrackerStore

    /// - Parameter contents: writes what the tests read, such as `CompareFixture.write`.
    public init(_ name: String = "tracker.db", contents: (TrackerStore) throws -> Void = { _ in }) throws {
        directory = try TemporaryDirectory()
        path = directory.path(name)
        store = try TrackerStore(path: path)
        try contents(store)
    }
}
