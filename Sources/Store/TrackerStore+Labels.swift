import SQLite

/// Labels written after the fact: tags, notes and experiment names. Each change is one
/// transaction that checks everything first, so a refusal leaves the file as it was.
extension TrackerStore {
    /// Sets the tags `set` (key to value, replacing a value the key had) and removes the
    /// tags `remove` on every run of `ids`.
    ///
    /// - Returns: how many tags were set or removed, one per run and key.
    /// - Throws: `LabelError.invalid` for a bad key or value, `StoreError.runNotFound`.
    @discardableResult
    public func tag(runs ids: [Int], set: [(key: String, value: String)], remove: [String] = []) throws -> Int {
        for (key, value) in set {
            try LabelError.check(key, as: .tagKey)
            try LabelError.check(value, as: .tagValue)
        }
        for key in remove { try LabelError.check(key, as: .tagKey) }
        return try write {
            try requireRuns(ids)
            let upsert = try statements(
                "INSERT INTO tags (run_id, key, value) VALUES (?, ?, ?) "
                    + "ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value")
            let delete = try statements("DELETE FROM tags WHERE run_id = ? AND key = ?")
            var changes = 0
            for id in Set(ids).sorted() {
                for (key, value) in set {
                    try upsert.execute([SQLiteValue(id), .text(key), .text(value)])
                    changes += database.changes
                }
                for key in remove {
                    try delete.execute([SQLiteValue(id), .text(key)])
                    changes += database.changes
                }
            }
            return changes
        }
    }

    /// Writes run `id`'s note, replacing the one it had; nil removes it.
    ///
    /// - Throws: `LabelError.invalid` for a note that breaks the rules (an empty one too),
    ///   `StoreError.runNotFound`.
    public func setNote(_ text: String?, run id: Int) throws {
        if let text {
            try LabelError.check(text, as: .note)
            if text.allSatisfy(\.isWhitespace) { throw LabelError.invalid(problem: "a note needs some text") }
        }
        try write {
            try requireRuns([id])
            if let text {
                try statements(
                    "INSERT INTO notes (run_id, text) VALUES (?, ?) ON CONFLICT (run_id) DO UPDATE "
                        + "SET text = excluded.text, written_at = \(currentTimestampSQL)"
                ).execute([SQLiteValue(id), .text(text)])
            } else {
                try statements("DELETE FROM notes WHERE run_id = ?").execute([SQLiteValue(id)])
            }
        }
    }

    /// The notes of the runs `ids` that have one.
    public func notes(of ids: [Int]) throws -> [Int: String] {
        try read {
            var notes: [Int: String] = [:]
            let select = try statements("SELECT text FROM notes WHERE run_id = ?")
            for id in Set(ids) {
                if let text = try select.fetchOne([SQLiteValue(id)])?[0].string { notes[id] = text }
            }
            return notes
        }
    }

    /// Gives experiment `old` the name `new`; its runs stay in it.
    ///
    /// - Throws: `LabelError.invalid` for a bad name, `.unknownExperiment` when no
    ///   experiment is named `old`, `.experimentExists` when one is named `new`.
    public func renameExperiment(_ old: String, to new: String) throws {
        try LabelError.check(new, as: .experimentName)
        if new.trimmingCharacters(in: .whitespaces).isEmpty {
            throw LabelError.invalid(problem: "an experiment needs a name")
        }
        try write {
            let names = try statements("SELECT name FROM experiments ORDER BY name").fetchAll { $0.string(at: 0) }
            guard names.contains(old) else { throw LabelError.unknownExperiment(name: old, available: names) }
            guard old == new || !names.contains(new) else { throw LabelError.experimentExists(name: new) }
            try statements("UPDATE experiments SET name = ? WHERE name = ?").execute([.text(new), .text(old)])
        }
    }

    /// Throws `StoreError.runNotFound` for the first id of `ids` that no run has.
    private func requireRuns(_ ids: [Int]) throws {
        let exists = try statements("SELECT 1 FROM runs WHERE id = ?")
        for id in Set(ids).sorted() where try exists.fetchOne([SQLiteValue(id)]) == nil {
            throw StoreError.runNotFound(id: id)
        }
    }
}
