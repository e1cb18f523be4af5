import Foundation
import SQLite
import TestSupport
import Testing
import TrackerFixtures

@testable import Store

/// Tags, notes and experiment names changed after the fact: each change whole or not at all.
@Suite struct LabelTests {
    let scratch: ScratchStore

    init() throws {
        scratch = try ScratchStore { store in
            try store.createRun(experiment: "a", sampleParameters(tags: ["opt": "sgd"]))
            try store.createRun(experiment: "a", sampleParameters(seed: 2))
            try store.createRun(experiment: "b", sampleParameters(seed: 3))
        }
    }

    var store: TrackerStore { scratch.store }

    func tags(_ id: Int) throws -> [String: String] {
        try store.run(id).run.parameters.tags
    }

    @Test func tagsAreSetReplacedAndRemovedOnEveryRun() throws {
        #expect(try store.tag(runs: [1, 2], set: [("opt", "adam"), ("phase", "1")]) == 4)
        #expect(try tags(1) == ["opt": "adam", "phase": "1"] && tags(2) == ["opt": "adam", "phase": "1"])
        #expect(try store.tag(runs: [1], set: [], remove: ["phase", "absent"]) == 1)
        #expect(try tags(1) == ["opt": "adam"] && tags(3) == [:])
    }

    @Test func anUnknownRunChangesNoRun() throws {
        #expect(throws: StoreError.runNotFound(id: 99)) {
            try store.tag(runs: [1, 99], set: [("opt", "adam")])
        }
        #expect(try tags(1) == ["opt": "sgd"])
        #expect(throws: StoreError.runNotFound(id: 99)) { try store.setNote("x", run: 99) }
        #expect(try store.notes(of: [1, 2, 3, 99]).isEmpty)
    }

    @Test(arguments: [
        ("a\tb", "tag key \"a\\tb\" holds a control character (U+0009)"),
        ("a=b", "tag key \"a=b\" holds '=': a tag key is letters, digits and _ - . : / (as --where reads it)"),
    ])
    func badKeysAreRefused(key: String, message: String) throws {
        #expect(throws: LabelError.invalid(problem: message)) { try store.tag(runs: [1], set: [(key, "x")]) }
        #expect(try tags(1) == ["opt": "sgd"])
    }

    @Test func notesAreWrittenReplacedRemovedAndGoWithTheirRun() throws {
        try store.setNote("first", run: 1)
        try store.setNote("second", run: 1)
        try store.setNote("other", run: 2)
        #expect(try store.notes(of: [1, 2, 3]) == [1: "second", 2: "other"])
        try store.setNote(nil, run: 2)
        try store.markRun(1, as: .interrupted)
        try store.deleteRuns([1])
        #expect(try store.notes(of: [1, 2]).isEmpty)
        let rows = try Database(path: scratch.path).fetchOne("SELECT count(*) FROM notes")
        #expect(rows?[0].int == 0)
    }

    @Test func anExperimentIsRenamedUnlessTheNameIsTaken() throws {
        #expect(throws: LabelError.experimentExists(name: "b")) { try store.renameExperiment("a", to: "b") }
        #expect(throws: LabelError.unknownExperiment(name: "z", available: ["a", "b"])) {
            try store.renameExperiment("z", to: "y")
        }
        try store.renameExperiment("a", to: "α study")
        #expect(try store.experiments().map(\.name) == ["b", "α study"])
        #expect(try store.run(2).run.experiment.name == "α study")
    }

    @Test(arguments: [
        (Label.experimentName, String(repeating: "x", count: 200), nil),
        (Label.experimentName, String(repeating: "x", count: 201), "is 201 characters long; the limit is 200"),
        (Label.experimentName, "a\u{7F}", "holds a control character (U+007F)"),
        (Label.tagValue, "模型 🙂 e\u{301}", nil),
        (Label.tagKey, "tag:sub/key.1-2_3", nil),
        (Label.note, String(repeating: "n", count: 1000), nil),
        (Label.note, "line\r\n", "holds a control character (U+000D)"),
    ])
    func labelRules(label: Label, text: String, fault: String?) {
        #expect(label.fault(in: text) == fault)
    }
}
