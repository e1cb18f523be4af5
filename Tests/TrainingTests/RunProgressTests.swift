import TestSupport
import Testing
import TextOutput

@testable import Training

@Suite struct RunProgressTests {
    final class Output: @unchecked Sendable {
        var text = ""
        var now = 0.0
        func write(_ part: String) { text += part }
    }

    func progress(terminal: Bool, detail: RunProgress.Detail = .epochs, columns: Int? = nil) -> (RunProgress, Output) {
        let output = Output()
        let line = StatusLine(isTerminal: terminal, minimumInterval: 0, clock: { output.now }, write: output.write)
        return (RunProgress(line: line, detail: detail, columns: columns), output)
    }

    let started = RunEvent.started(.init(runID: 7, label: "64 tanh seed 1", epochs: 3, completedEpochs: 0))
    let batch = RunEvent.batch(
        .init(
            runID: 7, epoch: 1, batch: 50, batches: 100, samples: 5000, samplesPerEpoch: 10000, samplesPerSecond: 2500))
    let epoch = RunEvent.epoch(
        .init(
            runID: 7, epoch: 1, epochs: 3, trainLoss: 0.31234, trainAccuracy: 0.9, devAccuracy: 0.91234,
            testAccuracy: 0.9049, seconds: 4.25, samplesPerSecond: 2500))
    let finished = RunEvent.finished(
        .init(
            runID: 7, label: "64 tanh seed 1", status: "completed", epochs: 3, devAccuracy: 0.93, testAccuracy: 0.925,
            seconds: 12.5, error: nil))

    @Test func elsewhereALinePerEpochAndPerRun() {
        let (progress, output) = progress(terminal: false)
        for event in [started, batch, epoch, batch, finished] { progress.show(event) }
        #expect(
            output.text == """
                run 7 (64 tanh seed 1) epoch 1/3: train loss 0.3123, train 90.00%, dev 91.23%, test 90.49%, 4.2 s, 2,500/s
                run 7 (64 tanh seed 1) completed: dev 93.00%, test 92.50% (3 epochs, 12.5 s)

                """)
    }

    @Test func quietShowsOnlyResults() {
        let (progress, output) = progress(terminal: true, detail: .results)
        for event in [started, batch, epoch, finished] { progress.show(event) }
        #expect(output.text == "run 7 (64 tanh seed 1) completed: dev 93.00%, test 92.50% (3 epochs, 12.5 s)\n")
    }

    @Test func onATerminalALiveLineRedrawsInPlace() {
        let (progress, output) = progress(terminal: true)
        progress.show(started)
        progress.show(batch)
        #expect(
            output.text == "\r" + "run 7 (64 tanh seed 1) epoch 1/3 starting\u{1B}[K"
                + "\r" + "run 7 (64 tanh seed 1) epoch 1/3 [==========>         ]  50%  5000/10000 samples  "
                + "2500 samples/s  ETA 10.0 s\u{1B}[K")
        output.text = ""
        progress.show(epoch)
        #expect(
            output.text == "\r\u{1B}[K"
                + "run 7 (64 tanh seed 1) epoch 1/3: train loss 0.3123, train 90.00%, dev 91.23%, test 90.49%, 4.2 s, 2,500/s\n"
                + "\rrun 7 (64 tanh seed 1) epoch 2/3 starting  ETA 8.5 s  dev 91.23%\u{1B}[K")
    }

    @Test func afterTheLastBatchItEvaluatesAndAfterTheLastEpochItFinishes() {
        let (progress, output) = progress(terminal: true)
        progress.show(started)
        output.text = ""
        progress.show(
            .batch(
                .init(
                    runID: 7, epoch: 3, batch: 100, batches: 100, samples: 10000, samplesPerEpoch: 10000,
                    samplesPerSecond: 2500)))
        #expect(output.text.hasSuffix("100%  10000/10000 samples  2500 samples/s  evaluating  ETA 0.0 s\u{1B}[K"))
        output.text = ""
        progress.show(
            .epoch(
                .init(
                    runID: 7, epoch: 3, epochs: 3, trainLoss: 0.1, trainAccuracy: 0.9, devAccuracy: 0.9,
                    testAccuracy: 0.9,
                    seconds: 4, samplesPerSecond: 2500)))
        #expect(output.text.hasSuffix("\rrun 7 (64 tanh seed 1) epoch 3/3 finishing  dev 90.00%\u{1B}[K"))
    }

    @Test func severalRunsShareABlockCutToTheTerminalWidth() {
        let (progress, output) = progress(terminal: true, columns: 32)
        progress.show(started)
        progress.show(.started(.init(runID: 8, label: "x", epochs: 2, completedEpochs: 0)))
        #expect(
            output.text.hasSuffix("\rrun 7 (64 tanh seed 1) epoch 1…\u{1B}[K\nrun 8 (x) epoch 1/2 starting\u{1B}[K"))
        output.text = ""
        progress.show(finished)
        // Up one line to the block's start, erase it, print, and redraw the one run left.
        #expect(
            output.text == "\r\u{1B}[1A\u{1B}[J"
                + "run 7 (64 tanh seed 1) completed: dev 93.00%, test 92.50% (3 epochs, 12.5 s)\n"
                + "\rrun 8 (x) epoch 1/2 starting\u{1B}[K")
    }

    @Test func aResumedRunSaysWhereItResumes() {
        let (progress, output) = progress(terminal: false)
        progress.show(.started(.init(runID: 3, label: "a", epochs: 10, completedEpochs: 4)))
        #expect(output.text == "run 3 (a) resumes after epoch 4 of 10\n")
    }

    @Test(arguments: [
        (0.04, "0.0 s"), (59.94, "59.9 s"), (60.0, "1 min 00 s"), (125.4, "2 min 05 s"), (3725, "1 h 02 min"),
        (-1, "-"), (.nan, "-"),
    ])
    func durations(seconds: Double, text: String) {
        #expect(ProgressFormat.duration(seconds) == text)
    }

    @Test func groupedNumbers() {
        #expect(
            [0, 999, 1000, 1_234_567, -4321].map(ProgressFormat.grouped) == [
                "0", "999", "1,000", "1,234,567", "-4,321",
            ])
    }
}

@Suite struct GridSummaryTests {
    func finished(_ id: Int64, _ status: String, error: String? = nil) -> TrialOutcome {
        .ran(
            .init(
                runID: id, label: "t\(id)", status: status, epochs: 1, devAccuracy: nil, testAccuracy: nil,
                seconds: 1, error: error))
    }

    @Test func countsAndListsWhatNeedsAttention() {
        let summary = GridSummary(outcomes: [
            finished(1, "completed"), finished(2, "completed"), finished(3, "diverged"),
            .skipped(label: "t4", .done(runID: 4, status: .completed)),
            .skipped(label: "t5", .running(runID: 5)),
            .failed(label: "t6", message: "mnist not found"),
            finished(7, "failed", error: "disk full"),
        ])
        #expect(
            summary.lines == [
                "7 trials: 4 ran (2 completed, 1 diverged, 1 failed), 2 skipped, 1 failed to start",
                "  skipped t5: running elsewhere: run 5",
                "  failed t6: mnist not found",
                "  failed run 7 (t7): disk full",
            ])
        #expect(!summary.succeeded)
        #expect(GridSummary(outcomes: [finished(1, "completed"), finished(2, "diverged")]).succeeded)
        #expect(!GridSummary(outcomes: [finished(1, "interrupted")]).succeeded)
    }

    @Test func trialsAnInterruptionKeptFromStartingAreCounted() {
        let summary = GridSummary(outcomes: [finished(1, "completed"), finished(2, "interrupted")], trials: 8)
        #expect(summary.notStarted == 6)
        #expect(
            summary.lines == [
                "8 trials: 2 ran (1 completed, 1 interrupted), 0 skipped, 0 failed to start, 6 not started"
            ])
        #expect(GridSummary(outcomes: [finished(1, "completed")], trials: 1).lines.first?.hasSuffix("to start") == true)
    }
}

@Suite struct TrainingRequestTests {
    func spec(_ text: String) throws -> ExperimentSpec {
        try ExperimentFile.parse(text, file: "x.yaml", defaultName: "x")
    }

    @Test func coresAreSharedBetweenJobsUnlessTheFileOrAFlagSetsThreads() throws {
        let open = try spec("grid: {activation: [relu, tanh]}")
        func threads(_ spec: ExperimentSpec, jobs: Int, cores: Int, overrides: [Assignment] = []) -> [Int] {
            RunLauncher.requests(
                for: spec, overrides: overrides, database: "d", dataDirectory: nil, jobs: jobs,
                cores: cores
            ).map(\.config.threads)
        }
        #expect(threads(open, jobs: 1, cores: 2) == [2, 2])
        #expect(threads(open, jobs: 2, cores: 2) == [1, 1])
        #expect(threads(open, jobs: 3, cores: 2) == [1, 1])
        #expect(threads(open, jobs: 2, cores: 8) == [4, 4])
        #expect(threads(try spec("base: {threads: 3}\ngrid: {activation: [relu, tanh]}"), jobs: 2, cores: 8) == [3, 3])
        #expect(threads(open, jobs: 2, cores: 8, overrides: [try Assignment(.threads, "5")]) == [5, 5])
    }

    @Test func requestsCarryTheExperimentAndALabelOfWhatVaries() throws {
        let requests = RunLauncher.requests(
            for: try spec("description: d\ngrid: {batch-size: [1, 10]}\nseeds: 2\ntags: {k: v}"), overrides: [],
            database: "db", dataDirectory: "data", jobs: 1, cores: 1)
        #expect(
            requests.map(\.label) == [
                "128-128 relu seed 1 batch-size 1", "128-128 relu seed 2 batch-size 1",
                "128-128 relu seed 1 batch-size 10", "128-128 relu seed 2 batch-size 10",
            ])
        #expect(
            requests.allSatisfy {
                $0.experiment == "x" && $0.description == "d" && $0.tags == [Tag(key: "k", value: "v")]
                    && $0.database == "db" && $0.dataDirectory == "data"
            })
    }

    /// Blocks of a grid that each vary another setting: every label names every setting in
    /// which the file's trials differ, not only its own block's, so that no two trials
    /// look alike; threads, which the jobs share out, are not among them.
    @Test func labelsNameEverySettingTheTrialsDifferIn() throws {
        let file = """
            base: {hidden: 16, train-limit: 200, lr: 0.05}
            grid:
              - {}
              - momentum: 0.9
              - {train-limit: 100, lr: 0.1}
            seeds: [1]
            """
        let requests = RunLauncher.requests(
            for: try spec(file), overrides: [], database: "db", dataDirectory: nil, jobs: 2, cores: 4)
        #expect(
            requests.map(\.label) == [
                "16 relu seed 1 learning-rate 0.05 momentum 0 train-limit 200",
                "16 relu seed 1 learning-rate 0.05 momentum 0.9 train-limit 200",
                "16 relu seed 1 learning-rate 0.1 momentum 0 train-limit 100",
            ])
        let single = RunLauncher.requests(
            for: try spec("base: {hidden: 32}"), overrides: [], database: "db", dataDirectory: nil, jobs: 1, cores: 1)
        #expect(single.map(\.label) == ["32 relu seed 1"])
    }
}
