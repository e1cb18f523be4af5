import Foundation
import Store
import TestSupport
import TrackerFixtures

/// A temporary directory holding `fixture.db`, the fixture's runs written through
/// `TrackerStore` and closed again, so that its bytes stay put until a command
/// changes them.
final class FixtureDatabase {
    let directory: TemporaryDirectory
    let name = "fixture.db"

    init(extra: (TrackerStore) throws -> Void = { _ in }) throws {
        directory = try TemporaryDirectory()
        let store = try TrackerStore(path: directory.path(name))
        try CompareFixture.write(to: store)
        try extra(store)
    }

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

/// The lines ArgumentParser prints after a refused argument.
enum Usage {
    static let compare =
        "Usage: tracker compare [--db <path>] [--group <key> ...] [--experiment <name>] [--status <status>] "
        + "[--where <test> ...] [--select <select>] [--stats <stats>] [--loss] [--baseline <[key=]value>] "
        + "[--sort <column[:desc]>] [--format <format>] [--show-sql]\n"
        + "  See 'tracker compare --help' for more information.\n"
    static let runs =
        "Usage: tracker runs [--db <path>] [--experiment <name>] [--status <status>] [--where <test> ...] "
        + "[--limit <count>] [--sort <column[:desc]>] [--format <format>]\n"
        + "  See 'tracker runs --help' for more information.\n"
    static let show = "Usage: tracker show [--db <path>] <run>\n  See 'tracker show --help' for more information.\n"
    static let export =
        "Usage: tracker export [--db <path>] [--experiment <name>] [--status <status>] [--where <test> ...] "
        + "[--format <format>] [--epochs] [--out <file>]\n"
        + "  See 'tracker export --help' for more information.\n"
}
