import SQLite
import Store
import TestSupport
import Testing
import TextOutput
import TrackerFixtures

@testable import RunQueries

/// `tracker runs --sort test_acc --limit N` and the dashboard's Runs page: the first runs
/// by a final accuracy, read from its index, in the same order as sorting every run.
@Suite struct AccuracyOrderTests {
    let fixture: ScratchStore

    init() throws {
        fixture = try ScratchStore(contents: CompareFixture.write)
        // Without final results: ranked by their last epoch (21, 22) or not at all (19, 20).
        try FixtureRun("activation", [32], "relu", seed: 9, status: .interrupted, epochs: [(0.5, 0.95, 0.99)])
            .write(to: fixture.store)
        try FixtureRun("activation", [32], "relu", seed: 10, status: .running, epochs: [(0.5, 0.4, 0.0)])
            .write(to: fixture.store)
    }

    func ids(_ column: String, descending: Bool, limit: Int? = nil, offset: Int = 0) throws -> [Int] {
        let request = RunListingRequest(
            sort: SortOrder(column: column, descending: descending), limit: limit, offset: offset)
        return try RunListing(request, store: fixture.store).rows.compactMap { row in
            if case .integer(let id) = row[0] { Int(id) } else { nil }
        }
    }

    @Test func runsWithoutResultsRankByTheirLastEpochAndNullsStayAtTheEnd() throws {
        #expect(try ids("test_acc", descending: true, limit: 2).first == 21)
        #expect(try ids("test_acc", descending: true).suffix(2) == [20, 19])
        #expect(try ids("test_acc", descending: false, limit: 3) == [20, 19, 22])
    }

    @Test(arguments: ["train_acc", "dev_acc", "test_acc"], [true, false])
    func everyPageMatchesSortingEveryRun(column: String, descending: Bool) throws {
        let all = try ids(column, descending: descending)
        #expect(all.count == 22)
        for (limit, offset) in [(1, 0), (3, 0), (3, 2), (5, 10), (4, 12), (2, 20), (Int.max, 1)] {
            let expected = Array(all.dropFirst(offset).prefix(limit))
            #expect(try ids(column, descending: descending, limit: limit, offset: offset) == expected)
        }
    }

    @Test func theBestRunsComeFromTheIndexWithoutSortingEveryRun() throws {
        let query = RunListing.query(
            RunListingRequest(sort: SortOrder(column: "test_acc", descending: true), limit: 50))
        let plan = try fixture.store.values(
            BoundSQL(sql: "EXPLAIN QUERY PLAN " + query.sql, parameters: query.parameters)
        ).compactMap { $0.last?.string }
        #expect(plan.contains { $0.contains("USING COVERING INDEX runs_by_test_acc (test_acc>?)") })
        #expect(!plan.contains { $0.hasPrefix("SCAN r") })
    }
}
