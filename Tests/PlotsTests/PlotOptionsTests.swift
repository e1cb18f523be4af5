import Testing

@testable import Plots
@testable import RunQueries

/// Which `tracker plot` options go together, and the first refusal when they do not.
@Suite struct PlotOptionsTests {
    static let selection = RunSelection(experiments: ["e"], status: .any)

    func request(_ options: PlotOptions) throws -> PlotRequest {
        try PlotRequest(options) { Self.selection }
    }

    func refusal(_ options: PlotOptions) -> String? {
        do {
            _ = try request(options)
            return nil
        } catch let error as PlotInputError {
            return error.description
        } catch let error as QueryInputError {
            return error.description
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func runIDsAreEachALine() throws {
        let request = try request(PlotOptions(runIDs: ["3", "1"], metric: "loss", split: ["test"], showsRuns: true))
        #expect(request.source == .runs([3, 1]))
        #expect(request.measure.measures == [.loss(.test)])
        #expect(request.x == nil && !request.withTime && request.showsRuns)
    }

    @Test func withoutRunIDsTheSelectionIsGrouped() throws {
        let request = try request(PlotOptions(group: ["activation,dataset"], x: "dropout", withTime: true))
        #expect(request.source == .groups(Self.selection, keys: [.attribute(.activation), .attribute(.dataset)]))
        #expect(request.x == .dropout && request.withTime)
        // With --x the default split is dev alone.
        #expect(request.measure.measures == [.accuracy(.dev)])
        let ungrouped = try self.request(PlotOptions())
        #expect(ungrouped.source == .groups(Self.selection, keys: nil))
        #expect(ungrouped.measure.measures == [.accuracy(.train), .accuracy(.dev)])
    }

    @Test(arguments: [
        (
            PlotOptions(runIDs: ["1"], selectionOptions: ["--status", "--where"]),
            "run ids and --status both choose runs: give one or the other"
        ),
        (
            PlotOptions(runIDs: ["1"], group: ["dataset"], x: "dropout"),
            "run ids and --group both choose runs: give one or the other"
        ),
        (PlotOptions(runIDs: ["1"], x: "dropout"), "run ids and --x both choose runs: give one or the other"),
        (PlotOptions(runIDs: ["1", "x1"]), "a run id is a positive number, not 'x1'"),
        (PlotOptions(runIDs: ["0"]), "a run id is a positive number, not '0'"),
        (PlotOptions(withTime: true), "--with-time draws training time against --x KEY: give --x"),
        (PlotOptions(runIDs: ["x1"], withTime: true), "--with-time draws training time against --x KEY: give --x"),
        (
            PlotOptions(x: "activation"),
            "--x needs a numeric key (dropout, weight-decay, batch-size, learning-rate, epochs, depth, momentum, clip-norm, seed, threads, train-limit, beta1, beta2, eps, lr-step-epochs, lr-gamma, warmup-epochs, early-stop, label-noise, input-noise), not 'activation'"
        ),
        (
            PlotOptions(group: ["batch-size"], x: "batch-size"),
            "--x batch-size is also a --group key: each group would be a single point"
        ),
        (
            PlotOptions(runIDs: ["x1"], metric: "gap", split: ["dev"]),
            "--split does not apply to --metric gap, which names what it shows"
        ),
    ])
    func refusals(options: PlotOptions, message: String) {
        #expect(refusal(options) == message)
    }

    @Test func theSelectionIsReadOnlyForGroupsAndAfterTheOtherChecks() throws {
        var calls = 0
        _ = try PlotRequest(PlotOptions(runIDs: ["1"])) {
            calls += 1
            return Self.selection
        }
        #expect(calls == 0)
        #expect(throws: PlotInputError.xIsGroupKey("epochs")) {
            try PlotRequest(PlotOptions(group: ["epochs"], x: "epochs")) {
                calls += 1
                return Self.selection
            }
        }
        #expect(calls == 0)
    }
}
