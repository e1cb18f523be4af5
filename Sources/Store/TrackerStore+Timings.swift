import SQLite

extension TrackerStore {
    /// The stored configuration and the seconds spent training and evaluating (summed
    /// over epochs) of the `limit` runs that completed last: how fast this machine, or
    /// the ones whose runs were merged in, trains.
    public func completedRunTimes(limit: Int) throws -> [(config: String, seconds: Double)] {
        try read {
            try database.fetchAll(
                """
                SELECT r.config, r.train_seconds + (SELECT total(ep.eval_seconds) FROM epochs AS ep WHERE ep.run_id = r.id)
                FROM runs AS r
                WHERE r.status = 'completed' AND r.train_seconds IS NOT NULL
                ORDER BY r.finished_at DESC, r.id DESC
                LIMIT ?
                """, [.integer(Int64(limit))]
            ).compactMap { row in
                guard let config = row[0].string, let seconds = row[1].double else { return nil }
                return (config, seconds)
            }
        }
    }
}
