import SQLite

/// Runs read whole and written whole, for copying them between tracker databases (merging
/// shard files, bringing a laptop's runs to a server). A run keeps its uuid everywhere;
/// its row id is the receiving database's.
extension TrackerStore {
    /// Every run, oldest first. `checkpoints` says, by status, whose checkpoint to read.
    public func storedRuns(checkpoints: (RunStatus) -> Bool = { _ in false }) throws -> [StoredRun] {
        try read {
            try database.fetchAll("SELECT * FROM runs ORDER BY id").map { try storedRun($0, checkpoints: checkpoints) }
        }
    }

    /// The run with `uuid`, or nil.
    public func storedRun(uuid: String, checkpoint: Bool = true) throws -> StoredRun? {
        try read {
            try database.fetchOne("SELECT * FROM runs WHERE uuid = ?", [.text(uuid)])
                .map { try storedRun($0, checkpoints: { _ in checkpoint }) }
        }
    }

    /// The runs of the trial `configHash` in the experiment named `experiment`.
    public func storedRuns(experiment: String, configHash: String) throws -> [StoredRun] {
        try read {
            try database.fetchAll(
                """
                SELECT runs.* FROM runs JOIN experiments ON experiments.id = runs.experiment_id
                WHERE experiments.name = ? AND runs.config_hash = ? ORDER BY runs.id
                """, [.text(experiment), .text(configHash)]
            ).map { try storedRun($0, checkpoints: { _ in false }) }
        }
    }

    private func storedRun(_ row: Row, checkpoints: (RunStatus) -> Bool) throws -> StoredRun {
        let id = SQLiteValue(row["id"]?.int ?? 0)
        let experiment = try database.fetchOne(
            "SELECT name, description FROM experiments WHERE id = ?", [row["experiment_id"] ?? .null])
        let epochs = try database.fetchAll("SELECT * FROM epochs WHERE run_id = ? ORDER BY epoch", [id]).map { epoch in
            Dictionary(
                uniqueKeysWithValues: zip(epoch.columns, epoch.values).filter { $0.0 != "run_id" })
        }
        var tags: [String: String] = [:]
        for tag in try database.fetchAll("SELECT key, value FROM tags WHERE run_id = ?", [id]) {
            tags[tag[0].string ?? ""] = tag[1].string ?? ""
        }
        let status = RunStatus(rawValue: row["status"]?.string ?? "") ?? .running
        // A file of the first schema has no checkpoints table: its runs have none to copy.
        let hasCheckpoint = try checkpoints(status) && hasTable("checkpoints")
        return StoredRun(
            row: row, experiment: experiment?[0].string ?? "", experimentDescription: experiment?[1].string,
            epochRows: epochs, tags: tags, checkpoint: hasCheckpoint ? try checkpoint(of: id.int ?? 0) : nil)
    }

    private func hasTable(_ name: String) throws -> Bool {
        try database.fetchOne("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?", [.text(name)]) != nil
    }

    /// Writes `run` as a new run (its experiment created by name if needed) and returns
    /// its id here. Columns this database lacks are left out, ones the run lacks take
    /// their defaults.
    ///
    /// - Throws: `SQLiteError` with `constraint` when a run with its uuid exists already.
    @discardableResult
    public func insert(_ run: StoredRun) throws -> Int {
        try write {
            let experimentID = try experiment(named: run.experiment, description: run.experimentDescription).id
            let columns = try columnNames(of: "runs").filter { run.columns[$0] != nil }
            let names = (["experiment_id"] + columns).map(Self.quoted).joined(separator: ", ")
            let marks = Array(repeating: "?", count: columns.count + 1).joined(separator: ", ")
            try database.execute(
                "INSERT INTO runs (\(names)) VALUES (\(marks))",
                [SQLiteValue(experimentID)] + columns.map { run.columns[$0] ?? .null })
            let id = Int(database.lastInsertRowID)
            try insertChildren(of: run, id: id)
            return id
        }
    }

    /// Overwrites the run with `run`'s uuid by `run`: its row (keeping its id and
    /// experiment), epochs, tags and checkpoint.
    ///
    /// - Throws: `StoreError.runNotFound` (id 0) when no run has that uuid.
    public func replace(_ run: StoredRun) throws {
        try write {
            guard let id = try database.fetchOne("SELECT id FROM runs WHERE uuid = ?", [.text(run.uuid)])?[0].int
            else { throw StoreError.runNotFound(id: 0) }
            let columns = try columnNames(of: "runs").filter { run.columns[$0] != nil && $0 != "uuid" }
            let assignments = columns.map { "\(Self.quoted($0)) = ?" }.joined(separator: ", ")
            try database.execute(
                "UPDATE runs SET \(assignments) WHERE id = ?",
                columns.map { run.columns[$0] ?? .null } + [SQLiteValue(id)])
            for table in ["epochs", "tags", "checkpoints"] {
                try database.execute("DELETE FROM \(table) WHERE run_id = ?", [SQLiteValue(id)])
            }
            try insertChildren(of: run, id: id)
        }
    }

    private func insertChildren(of run: StoredRun, id: Int) throws {
        let epochColumns = try columnNames(of: "epochs").filter { $0 != "run_id" }
        for epoch in run.epochRows {
            let present = epochColumns.filter { epoch[$0] != nil }
            let names = (["run_id"] + present).map(Self.quoted).joined(separator: ", ")
            let marks = Array(repeating: "?", count: present.count + 1).joined(separator: ", ")
            try database.execute(
                "INSERT INTO epochs (\(names)) VALUES (\(marks))",
                [SQLiteValue(id)] + present.map { epoch[$0] ?? .null })
        }
        for (key, value) in run.tags.sorted(by: { $0.key < $1.key }) {
            try database.execute(
                "INSERT INTO tags (run_id, key, value) VALUES (?, ?, ?)", [SQLiteValue(id), .text(key), .text(value)])
        }
        if let checkpoint = run.checkpoint {
            try saveCheckpoint(checkpoint, for: id)
        }
    }

    /// The columns of `table` in this database, from its schema.
    private func columnNames(of table: String) throws -> [String] {
        try database.fetchAll("SELECT name FROM pragma_table_info(?) ORDER BY cid", [.text(table)])
            .compactMap { $0[0].string }
    }

    /// A column name from the schema as an SQL identifier.
    private static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
