public import Store
public import TextOutput

extension RunListing {
    /// The settings `runs` always shows a column of; the regularization column names the
    /// kind only, so the dropout and weight decay values are not among them.
    static let shownSettings: [StoredSetting] = [.hidden, .activation, .learningRate, .batchSize, .epochs, .seed]

    /// The other settings in which the runs listed differ, each with every row's value,
    /// in `StoredSetting.all` order: found by the query that finds what `compare` pools
    /// (`PooledSettings`), over the runs listed, so that a table never shows two runs as
    /// alike that are not.
    ///
    /// - Throws: `SQLiteError` when the database fails.
    public func variedSettings(store: TrackerStore) throws -> [(key: String, values: [Cell])] {
        guard let idColumn = Self.columnNames.firstIndex(of: "id"), rows.count > 1 else { return [] }
        let ids = rows.compactMap { $0[idColumn].double.map { String(Int64($0)) } }
        var parameters = ParameterList()
        let list = parameters.add(.text("[" + ids.joined(separator: ",") + "]"), named: "ids")
        let term = "r.id IN (SELECT value FROM json_each(\(list)))"
        let candidates = StoredSetting.all.filter { !Self.shownSettings.contains($0) }.map(RunAttribute.setting)
        let varied = try PooledSettings.differences(
            among: [term], parameters, groups: [], settings: candidates, store: store
        ).compactMap { difference in candidates.first { $0.rawValue == difference.key } }
        guard !varied.isEmpty else { return [] }
        let query = BoundSQL(
            sql: "SELECT r.id, " + varied.map(\.expression).joined(separator: ", ")
                + " FROM runs AS r WHERE \(term)",
            parameters: parameters.values)
        var byID: [Int64: [Cell]] = [:]
        for row in try store.cells(query) {
            guard case .integer(let id) = row[0] else { continue }
            byID[id] = Array(row.dropFirst())
        }
        let values = rows.map { row in row[idColumn].double.flatMap { byID[Int64($0)] } ?? [] }
        return varied.enumerated().map { index, attribute in
            (attribute.rawValue, values.map { $0.indices.contains(index) ? $0[index] : .null })
        }
    }
}
