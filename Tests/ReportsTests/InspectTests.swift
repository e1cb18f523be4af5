import Foundation
import Plots
import SQLite
import Store
import Testing
import TextOutput
import TrackerFixtures

@testable import Reports
@testable import RunQueries

extension String {
    var trimmingSuffix: String {
        String(dropLast(reversed().prefix { $0 == " " }.count))
    }
}

/// `runs`, `show` and `export` on the fixture database.
@Suite struct InspectTests {
    let fixture: ScratchStore

    init() throws {
        fixture = try ScratchStore(contents: CompareFixture.write)
    }

    func list(_ request: RunListingRequest) throws -> RunListing {
        try RunListing(request, store: fixture.store)
    }

    func ids(_ listing: RunListing) -> [Int] {
        listing.rows.map { $0[0].double.map { Int($0) } ?? 0 }
    }

    @Test func newestFirstWithFilters() throws {
        #expect(ids(try list(RunListingRequest())) == Array((1...20).reversed()))
        #expect(ids(try list(RunListingRequest(limit: 3))) == [20, 19, 18])
        #expect(ids(try list(RunListingRequest(limit: 0))) == [])
        #expect(ids(try list(RunListingRequest(selection: RunSelection(status: .only(.failed))))) == [19])
        #expect(ids(try list(RunListingRequest(selection: RunSelection(experiments: ["batch-size"])))) == [18, 17, 16])
        let conditions = try ["activation=tanh", "depth>=2", "tag:opt!=momentum"].map(ConditionParser.parse)
        #expect(
            ids(try list(RunListingRequest(selection: RunSelection(conditions: conditions)))) == [16, 10, 9, 8, 4, 3])
    }

    /// Several experiments select the runs of any of them; their names are bound, one
    /// per parameter, and a repeated name counts once.
    @Test func severalExperiments() throws {
        let selection = RunSelection(
            experiments: ["batch-size", "nope", "regularization", "batch-size"], status: .only(.completed))
        #expect(selection.experiments == ["batch-size", "nope", "regularization"])
        #expect(selection.summary == "completed runs in experiment 'batch-size', 'nope' or 'regularization'")
        #expect(throws: UnknownExperiment(name: "nope", available: ["activation", "batch-size", "regularization"])) {
            try list(RunListingRequest(selection: selection))
        }
        let listing = try list(
            RunListingRequest(
                selection: RunSelection(
                    experiments: ["batch-size", "regularization", "batch-size"], status: .only(.completed))))
        #expect(ids(listing) == [18, 17, 16, 15, 14, 13, 12, 11])
        #expect(
            listing.query.sql.contains(
                "r.experiment_id IN (SELECT id FROM experiments WHERE name IN (:experiment1, :experiment2))"
            ))
        #expect(
            listing.query.parameters == [
                NamedValue(name: ":status", value: .text("completed")),
                NamedValue(name: ":experiment1", value: .text("batch-size")),
                NamedValue(name: ":experiment2", value: .text("regularization")),
            ])
        // One experiment is bound as `:experiment`, the name the files of queries/ use.
        let one = try list(RunListingRequest(selection: RunSelection(experiments: ["batch-size"])))
        #expect(one.query.parameters == [NamedValue(name: ":experiment", value: .text("batch-size"))])
        #expect(RunSelection(experiments: ["batch-size"]).summary == "runs in experiment 'batch-size'")
        // A name that would end the SQL string is a name like any other: one no experiment has.
        let injected = RunSelection(experiments: ["batch-size') OR 1=1 --", "batch-size"])
        #expect(
            throws: UnknownExperiment(
                name: "batch-size') OR 1=1 --", available: ["activation", "batch-size", "regularization"])
        ) { try list(RunListingRequest(selection: injected)) }
    }

    @Test func sorted() throws {
        let byTest = try list(RunListingRequest(sort: SortOrder(column: "test_acc", descending: true), limit: 4))
        #expect(ids(byTest) == [13, 11, 12, 15])
        // Ascending: runs without results (NULL) first, newest first among equals.
        #expect(ids(try list(RunListingRequest(sort: SortOrder(column: "test_acc"), limit: 3))) == [20, 19, 5])
        #expect(ids(try list(RunListingRequest(sort: SortOrder(column: "id"), limit: 2))) == [1, 2])
        // Architectures by depth: 128-128 (2), 800-800-800 (3), 128-64-32-16 (4).
        let byArchitecture = try list(
            RunListingRequest(sort: SortOrder(column: "architecture", descending: true), limit: 6))
        #expect(ids(byArchitecture) == [10, 9, 8, 7, 6, 15])
        let byRegularization = try list(
            RunListingRequest(sort: SortOrder(column: "regularization", descending: true), limit: 3))
        #expect(ids(byRegularization) == [15, 14, 13])
        let byExperiment = try list(
            RunListingRequest(sort: SortOrder(column: "experiment", descending: true), limit: 3))
        #expect(ids(byExperiment) == [15, 14, 13])
        let byExperimentUnlimited = try list(RunListingRequest(sort: SortOrder(column: "experiment")))
        #expect(ids(byExperimentUnlimited).prefix(3) == [20, 19, 10])
    }

    @Test func listingColumns() throws {
        let listing = try list(RunListingRequest(limit: 2))
        #expect(
            listing.cellTable.columns == [
                "id", "experiment", "status", "architecture", "activation", "regularization", "dropout", "weight_decay",
                "learning_rate", "batch_size", "epochs", "epochs_done", "seed", "dataset", "train_acc", "dev_acc",
                "test_acc", "best_dev_acc", "best_epoch", "started_at", "finished_at", "duration_seconds",
            ])
        let diverged = listing.cellTable.rows[0]
        #expect(
            Array(diverged[0..<14]) == [
                .integer(20), .text("activation"), .text("diverged"), .text("128-128"), .text("relu"), .text("none"),
                .real(0), .real(0), .real(0.01), .integer(100), .integer(2), .integer(2), .integer(4), .text("mnist"),
            ])
        #expect(Array(diverged[14..<19]) == [.null, .null, .null, .real(0.55), .integer(1)])
        // The table, without its last column (the duration, which depends on the clock).
        let lines = listing.textTable.render(style: .plain).split(separator: "\n").map { line in
            String(line.prefix(upTo: line.range(of: "  ", options: .backwards)?.lowerBound ?? line.endIndex))
                .trimmingSuffix
        }
        #expect(
            lines == [
                "id  experiment  status    architecture  activation  regularization    lr  batch  epochs  seed  dev %  test %",
                "20  activation  diverged  128-128       relu        none            0.01    100       2     4      -       -",
                "19  activation  failed    128-128       relu        none            0.01    100       1     3      -       -",
            ])
        let coloured = listing.textTable.render(style: TerminalStyle(usesColor: true, isTerminal: true))
        #expect(coloured.contains("\u{1B}[31mdiverged\u{1B}[0m"))
    }

    @Test func exportRuns() throws {
        let sink = TextSink()
        #expect(try RunExport(format: .json).write(from: fixture.store, to: sink) == 20)
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(sink.text.utf8)) as? [[String: Any]])
        #expect(objects.count == 20)
        #expect(objects.map { $0["id"] as? Int } == Array(1...20))
        let third = objects[2]
        #expect(third["best_epoch"] as? Int == 1)
        #expect(third["best_test_acc"] as? Double == 0.925)
        #expect(third["test_acc"] as? Double == 0.9266)
        #expect(third["tags"] as? [String: String] == ["opt": "sgd"])
        #expect((third["config"] as? [String: Any])?["activation"] as? String == "tanh")
        #expect(objects[10]["tags"] as? [String: String] == [:])
        #expect(objects[18]["error"] as? String == "out of memory")
        #expect(objects[0].count == RunExport.runColumns.count)
    }

    @Test func exportEpochs() throws {
        let sink = TextSink()
        let export = RunExport(
            selection: RunSelection(conditions: [try ConditionParser.parse("activation in (tanh)")]), epochs: true,
            format: .csv)
        #expect(try export.write(from: fixture.store, to: sink) == 2 * 5 + 3)
        let lines = sink.text.split(separator: "\n")
        #expect(
            lines[0] == "run_id,experiment,status,dataset,seed,architecture,depth,activation,regularization,dropout,"
                + "weight_decay,learning_rate,batch_size,epoch,train_loss,train_acc,dev_loss,dev_acc,test_loss,test_acc,"
                + "seconds,eval_seconds,samples_per_second,recorded_at")
        #expect(
            lines[1].hasPrefix(
                "3,activation,completed,mnist,1,128-128,2,tanh,none,0.0,0.0,0.01,100,1,0.09999999999999998,0.9,"))
        #expect(
            lines.dropFirst().map { $0.split(separator: ",")[0] } == [
                "3", "3", "4", "4", "8", "8", "9", "9", "10", "10", "16", "17", "18",
            ])
    }

    @Test func exportNothing() throws {
        let sink = TextSink()
        let export = RunExport(
            selection: RunSelection(experiments: ["activation"], status: .only(.interrupted)), format: .jsonl)
        #expect(try export.write(from: fixture.store, to: sink) == 0)
        #expect(sink.text == "")
    }

    @Test func showRun() throws {
        let text = RunDetailText(try fixture.store.run(3)).render(style: .plain)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "run 3  completed")
        #expect(lines[1] == "experiment      activation")
        for line in [
            "dataset         mnist, md5:fixture",
            "model           hidden 128-128, tanh, init xavier, 118282 parameters",
            "training        sgd, learning rate 0.01, momentum 0, batch size 100, 2 epochs, seed 1",
            "regularization  dropout 0, weight decay 0, clip norm none",
            "final           train 92.17 %, dev 92.57 %, test 92.66 %",
            "time            6.0s training, 25000 samples/s",
            "best dev        93.00 % at epoch 1 (test 92.50 %)",
            "tags            opt=sgd",
            #"config          {"activation":"tanh","hidden":[128,128],"seed":1}"#,
        ] {
            #expect(lines.contains(line), "\(line)")
        }
        #expect(
            Array(lines.suffix(5)) == [
                "",
                "epoch  train loss  train %  dev loss  dev %  test loss  test %  seconds",
                "    1      0.1000    90.00    0.0700  93.00     0.0375   92.50     2.00",
                "    2      0.0783    92.17    0.0743  92.57     0.0367   92.66     4.00",
                "",
            ])
        // A sparkline of dev accuracy on a terminal only: 93.00 then 92.57.
        let terminal = RunDetailText(try fixture.store.run(3)).render(
            style: TerminalStyle(usesColor: false, isTerminal: true))
        #expect(terminal.hasSuffix("\ndev accuracy  █▁  93.00 → 92.57 %\n"))
    }

    @Test func showStoppedRun() throws {
        let text = RunDetailText(try fixture.store.run(20)).render(style: .plain)
        #expect(text.contains("\nerror           the train loss is NaN\n"))
        #expect(!text.contains("\nfinal "))
        // The NaN train loss of the last epoch was stored as NULL: shown as -.
        #expect(text.contains("\n    2           -    10.00    0.9000  10.00     0.4500   10.00     4.00\n"))
        #expect(throws: StoreError.runNotFound(id: 99)) { try fixture.store.run(99) }
        #expect(StoreError.runNotFound(id: 99).description == "no run with id 99")
    }
}
