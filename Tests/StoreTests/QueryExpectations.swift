import SQLite
import TestSupport

@testable import Store

/// Statistics computed in Swift, independently of the SQL, as the queries report them.
enum Expected {
    static func mean(_ values: [Double]) -> Double {
        meanAndDeviation(values).mean
    }

    /// Sample standard deviation (n − 1); nil for fewer than two values.
    static func sd(_ values: [Double]) -> Double? {
        meanAndDeviation(values).deviation
    }

    /// `round(100 * x, 2)`.
    static func percent(_ value: Double?) -> SQLiteValue {
        value.map { .real(($0 * 10_000).rounded() / 100) } ?? .null
    }

    /// The percent mean and deviation of `values`.
    static func stats(_ values: [Double]) -> [SQLiteValue] {
        [percent(mean(values)), percent(sd(values))]
    }

    /// Groups runs by `key`, in the order of the first run of each group.
    static func groups<Key: Hashable>(
        _ runs: [QueryFixture.Run], by key: (QueryFixture.Run) -> Key
    ) -> [(key: Key, runs: [QueryFixture.Run])] {
        var order: [Key] = []
        var members: [Key: [QueryFixture.Run]] = [:]
        for run in runs {
            if members[key(run)] == nil { order.append(key(run)) }
            members[key(run), default: []].append(run)
        }
        return order.map { ($0, members[$0] ?? []) }
    }

    // The rows each query should return for the fixture.

    /// The completed runs of `experiment` (of all when nil), each trial once.
    static func completed(in experiment: String?) -> [QueryFixture.Run] {
        var trials = Set<String>()
        return QueryFixture.runs.filter {
            $0.status == .completed && (experiment == nil || $0.experiment == experiment)
                && trials.insert($0.trial).inserted
        }
    }

    static func architecture(_ run: QueryFixture.Run) -> String {
        run.hidden.map(String.init).joined(separator: "-")
    }

    /// Sorts groups as the queries do: by depth, then architecture text, then `tail`.
    static func sorted<Tail: Comparable>(
        _ groups: [(key: [String], runs: [QueryFixture.Run])], tail: ([String]) -> Tail
    ) -> [(key: [String], runs: [QueryFixture.Run])] {
        groups.sorted {
            ($0.runs[0].hidden.count, $0.key[0]) != ($1.runs[0].hidden.count, $1.key[0])
                ? ($0.runs[0].hidden.count, $0.key[0]) < ($1.runs[0].hidden.count, $1.key[0])
                : tail($0.key) < tail($1.key)
        }
    }

    static func activation(_ experiment: String?) -> [[SQLiteValue]] {
        let groups = groups(completed(in: experiment)) { [architecture($0), $0.activation] }
        return sorted(groups) { $0[1] }.map { key, members in
            [.text(key[0]), .text(key[1]), SQLiteValue(members.count)]
                + stats(members.map(\.final.train)) + stats(members.map(\.final.dev))
                + stats(members.map(\.final.test))
        }
    }

    static func regularization(_ experiment: String?) -> [[SQLiteValue]] {
        let order = ["none", "dropout", "weight decay", "dropout + weight decay"]
        let groups = groups(completed(in: experiment)) { [architecture($0), $0.regularization] }
        return sorted(groups) { order.firstIndex(of: $0[1]) ?? 9 }.map { key, members in
            let train = members.map(\.final.train)
            let test = members.map(\.final.test)
            return [.text(key[0]), .text(key[1]), SQLiteValue(members.count)]
                + stats(train) + stats(members.map(\.final.dev)) + stats(test)
                + [percent(mean(train) - mean(test))]
        }
    }

    static func batchSize(_ experiment: String?) -> [[SQLiteValue]] {
        let groups = groups(completed(in: experiment)) { [architecture($0), String($0.batchSize)] }
        return sorted(groups) { Int($0[1]) ?? 0 }.map { key, members in
            let seconds = members.map(\.seconds)
            return [.text(key[0]), SQLiteValue(members[0].batchSize), SQLiteValue(members.count)]
                + stats(members.map(\.final.dev))
                + [
                    .real((mean(seconds) * 100).rounded() / 100),
                    .real(mean(seconds.map { 5000 / $0 }).rounded()),
                ]
        }
    }

    static func leaderboard(_ experiment: String?, limit: Int) -> [[SQLiteValue]] {
        let ranked = QueryFixture.runs.enumerated()
            .filter { experiment == nil || $0.element.experiment == experiment }
            .map { index, run -> (id: Int, run: QueryFixture.Run, best: EpochMetrics) in
                let best = run.epochs.reduce(run.epochs[0]) { $1.dev.accuracy > $0.dev.accuracy ? $1 : $0 }
                return (index + 1, run, best)
            }
            .sorted { ($0.best.dev.accuracy, -$0.id) > ($1.best.dev.accuracy, -$1.id) }
        return ranked.prefix(limit).enumerated().map { rank, entry in
            let done = entry.run.status == .completed
            return [
                SQLiteValue(rank + 1), SQLiteValue(entry.id), .text(entry.run.experiment),
                .text(entry.run.status.rawValue), .text(architecture(entry.run)), .text(entry.run.activation),
                .text(entry.run.regularization), SQLiteValue(entry.run.batchSize), 0.01, SQLiteValue(entry.run.seed),
                SQLiteValue(entry.best.epoch), percent(entry.best.dev.accuracy),
                percent(entry.best.test.accuracy), percent(done ? entry.run.final.dev : nil),
                percent(done ? entry.run.final.test : nil),
            ]
        }
    }

    static func curves(runIDs: [Int]?, experiment: String?) -> [[SQLiteValue]] {
        QueryFixture.runs.enumerated().filter { index, run in
            (runIDs?.contains(index + 1) ?? true) && (experiment == nil || run.experiment == experiment)
        }.flatMap { index, run in
            run.epochs.map { epoch in
                [
                    SQLiteValue(index + 1), .text(run.experiment), .text(architecture(run)), .text(run.activation),
                    .text(run.regularization), SQLiteValue(run.batchSize), SQLiteValue(run.seed),
                    SQLiteValue(epoch.epoch), epoch.train.storedLoss, epoch.dev.storedLoss,
                    .real(epoch.train.accuracy), .real(epoch.dev.accuracy),
                ]
            }
        }
    }
}
