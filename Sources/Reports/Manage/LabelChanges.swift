public import Store

/// A user's label text that breaks a rule, said in one line; nothing was read or written.
public struct LabelInputError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// `tracker tag RUN... key=value --remove key`: tags set and removed on runs.
public struct TagChange: Sendable, Hashable {
    public var runs: [Int]
    public var set: [Pair]
    public var remove: [String]

    public struct Pair: Sendable, Hashable {
        public var key: String
        public var value: String
    }

    /// Checks every text before anything is opened: `key=value` pairs with a valid key
    /// and value, each key set or removed once.
    public init(runs: [Int], assignments: [String], remove: [String]) throws(LabelInputError) {
        guard !runs.isEmpty else { throw LabelInputError("tag needs the runs to label, by id, as in tag 3 4 lr=high") }
        guard !assignments.isEmpty || !remove.isEmpty else {
            throw LabelInputError("tag needs key=value to set or --remove KEY")
        }
        var pairs: [Pair] = []
        for text in assignments {
            let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0]).trimmingCharacters(in: .whitespaces)
            guard parts.count == 2, !key.isEmpty else {
                throw LabelInputError("\(Label.quoted(text)): expected key=value with a non-empty key")
            }
            pairs.append(Pair(key: key, value: String(parts[1])))
        }
        for key in pairs.map(\.key) + remove {
            if let problem = Label.tagKey.problem(in: key) { throw LabelInputError(problem) }
        }
        for value in pairs.map(\.value) {
            if let problem = Label.tagValue.problem(in: value) { throw LabelInputError(problem) }
        }
        let keys = pairs.map(\.key) + remove
        if let twice = keys.first(where: { key in keys.filter { $0 == key }.count > 1 }) {
            throw LabelInputError("tag key \(Label.quoted(twice)) is given twice: set or remove it once")
        }
        self.runs = runs
        self.set = pairs
        self.remove = remove
    }

    /// Makes the change in one transaction, and says what it did.
    ///
    /// - Throws: `StoreError.runNotFound` (nothing changed), or what the database throws.
    public func perform(on store: TrackerStore) throws -> String {
        try store.tag(runs: runs, set: set.map { ($0.key, $0.value) }, remove: remove)
        var parts: [String] = []
        if !set.isEmpty { parts.append("set " + set.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")) }
        if !remove.isEmpty { parts.append("removed " + remove.joined(separator: ", ")) }
        let ids = Array(Set(runs)).sorted()
        let subject = ids.count == 1 ? "run \(ids[0])" : "runs " + ids.map(String.init).joined(separator: ", ")
        return "\(subject): " + parts.joined(separator: "; ")
    }
}

/// `tracker note RUN "text"`: a run's note written, replaced or removed.
public struct NoteChange: Sendable, Hashable {
    public var run: Int
    /// nil removes the note.
    public var text: String?

    public init(run: Int, text: String?) throws(LabelInputError) {
        if let text {
            if let problem = Label.note.problem(in: text) { throw LabelInputError(problem) }
            if text.allSatisfy(\.isWhitespace) { throw LabelInputError("a note needs some text (--clear removes one)") }
        }
        self.run = run
        self.text = text
    }

    /// Writes the note in one transaction, and says so.
    public func perform(on store: TrackerStore) throws -> String {
        try store.setNote(text, run: run)
        return text == nil ? "run \(run): note removed" : "run \(run): note written"
    }
}

/// `tracker rename-experiment OLD NEW`.
public struct ExperimentRename: Sendable, Hashable {
    public var old: String
    public var new: String

    public init(old: String, new: String) throws(LabelInputError) {
        if new.trimmingCharacters(in: .whitespaces).isEmpty { throw LabelInputError("the new name must not be empty") }
        if let problem = Label.experimentName.problem(in: new) { throw LabelInputError(problem) }
        self.old = old
        self.new = new
    }

    /// Renames in one transaction, and says so.
    ///
    /// - Throws: `LabelError.unknownExperiment` or `.experimentExists` (nothing changed).
    public func perform(on store: TrackerStore) throws -> String {
        try store.renameExperiment(old, to: new)
        return "renamed experiment \(Label.quoted(old)) to \(Label.quoted(new))"
    }
}
