import Foundation
import Plots
import Store
import TestSupport
import TrackerFixtures

/// A temporary directory holding `fixture.db`, the fixture's runs written through
/// `TrackerStore` and closed again, so that its bytes stay put until a command
/// changes them.
final class FixtureDatabase {
    static let name = "fixture.db"
    let directory: TemporaryDirectory

    init(extra: (TrackerStore) throws -> Void = { _ in }) throws {
        // Only the directory is kept: the store closes, folding its write-ahead log into the file.
        directory = try ScratchStore(Self.name) { store in
            try CompareFixture.write(to: store)
            try extra(store)
        }.directory
    }

    var name: String { Self.name }
    var path: String { directory.path(name) }

    /// Runs `tracker arguments… --db fixture.db` in the directory.
    func tracker(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessOutput {
        try TrackerProcess.run(arguments + ["--db", name], in: directory.path, environment: environment)
    }

    /// The database's bytes and the directory's names, to compare before and after.
    func snapshot() throws -> (bytes: Data, names: [String]) {
        (try fileBytes(path), try directory.contents())
    }
}
