import SQLite
import Testing
import TrackerFixtures

@testable import Store

/// Text from users is bound, never spliced into SQL: hostile strings are stored as
/// they are and change nothing else.
@Suite struct InjectionTests {
    static let hostile = [
        "x'); DROP TABLE runs; --",
        "\"; DELETE FROM epochs; --",
        "Robert'); DROP TABLE experiments;--",
        "a;b;c",
        "' OR '1'='1",
        "%_\\ LIKE wildcards",
    ]

    @Test(arguments: hostile)
    func hostileTextIsStoredVerbatim(text: String) throws {
        let scratch = try ScratchStore()
        let store = scratch.store
        var parameters = sampleParameters(tags: [text: text, "plain": text])
        parameters.activation = text
        parameters.dataset = text
        parameters.config =
            #"{"note":"\#(text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))"}"#
        let id = try store.createRun(experiment: text, parameters).id
        try store.recordEpoch(sampleEpoch(1, train: 0.5, dev: 0.5, test: 0.5), for: id)
        try store.markRun(id, as: .failed, error: text)
        let other = try store.createRun(experiment: "other", sampleParameters()).id

        let run = try store.run(id).run
        #expect(run.experiment.name == text)
        #expect(run.parameters == parameters.readBack)
        #expect(run.error == text)
        #expect(try store.runs(RunFilter(experiment: text)).map(\.id) == [id])
        #expect(try store.runs().map(\.id) == [other, id])
        let tables = try store.database.fetchAll("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        #expect(tables.map { $0[0] } == ["checkpoints", "epochs", "experiments", "notes", "runs", "tags"])
        #expect(try store.database.fetchOne("SELECT count(*) FROM epochs")?[0] == 1)
        #expect(try store.database.fetchOne("PRAGMA integrity_check")?[0] == "ok")

        let query = try NamedQuery.named("leaderboard")
        let rows = try store.run(query, parameters: ["experiment": .text(text)]).rows
        #expect(rows.count == 1 && rows[0][2] == .text(text))
    }
}
