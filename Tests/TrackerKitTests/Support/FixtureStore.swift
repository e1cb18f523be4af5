import Store
import TestSupport
import TrackerFixtures

/// A fresh database holding `CompareFixture`'s runs, removed afterwards.
final class FixtureStore {
    let directory: TemporaryDirectory
    let path: String
    let store: TrackerStore

    init() throws {
        directory = try TemporaryDirectory()
        path = directory.path("tracker.db")
        store = try TrackerStore(path: path)
        try CompareFixture.write(to: store)
    }

    private init(directory: TemporaryDirectory) throws {
        self.directory = directory
        path = directory.path("tracker.db")
        store = try TrackerStore(path: path)
    }

    /// A fresh database without runs.
    static func empty() throws -> FixtureStore {
        try FixtureStore(directory: TemporaryDirectory())
    }
}

/// The mean and the sample standard deviation of `values`, computed here in two
/// passes independently of tracker: nil deviation for one value.
func meanAndDeviation(_ values: [Double]) -> (mean: Double, deviation: Double?) {
    let mean = values.reduce(0, +) / Double(values.count)
    guard values.count > 1 else { return (mean, nil) }
    let squares = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
    return (mean, (squares / Double(values.count - 1)).squareRoot())
}
