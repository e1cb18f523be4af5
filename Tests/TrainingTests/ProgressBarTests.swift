import Testing

@testable import TextOutput
@testable import Training

@Suite("Progress bar")
struct ProgressBarTests {
    let bar = ProgressBar(width: 10, unit: .bytes)

    @Test func bytesWithATotal() {
        #expect(
            bar.render(label: "file.gz", completed: 4_100_000, total: 9_912_422, seconds: 2)
                == "file.gz [====>     ]  41%  4.1/9.9 MB  2.0 MB/s")
        #expect(
            bar.render(label: "file.gz", completed: 0, total: 9_912_422, seconds: 0)
                == "file.gz [>         ]   0%  0.0/9.9 MB")
        #expect(
            bar.render(label: "file.gz", completed: 9_912_422, total: 9_912_422, seconds: 4)
                == "file.gz [==========] 100%  9.9/9.9 MB  2.5 MB/s")
        #expect(
            bar.render(label: "l", completed: 300, total: 500, seconds: 1)
                == "l [======>   ]  60%  300/500 B  300 B/s")
    }

    /// Without a known size (or a nonsensical one) there is no bar, only the amount and rate.
    @Test func bytesWithoutATotal() {
        #expect(
            bar.render(label: "file.gz", completed: 28_881, total: nil, seconds: 0.5) == "file.gz  28.9 kB  57.8 kB/s")
        #expect(bar.render(label: "file.gz", completed: 10, total: 0, seconds: 0) == "file.gz  10 B")
    }

    /// More than the total (a server that lied about the length) stays at 100%.
    @Test func overshootIsClamped() {
        #expect(
            bar.render(label: "x", completed: 1_500, total: 1_000, seconds: 1)
                == "x [==========] 100%  1.5/1.0 kB  1.5 kB/s")
    }

    @Test func itemsForTraining() {
        let training = ProgressBar(width: 8, unit: .items("samples"))
        #expect(
            training.render(label: "epoch 3", completed: 48_000, total: 50_000, seconds: 1.2)
                == "epoch 3 [=======>]  96%  48000/50000 samples  40000 samples/s")
        #expect(training.render(label: "eval", completed: 7, total: nil, seconds: 0) == "eval  7 samples")
    }

    @Test(arguments: [
        (Int64(0), "0 B"), (999, "999 B"), (1_000, "1.0 kB"), (28_881, "28.9 kB"),
        (9_912_422, "9.9 MB"), (999_999_999, "1000.0 MB"), (47_040_016_000, "47.0 GB"),
    ])
    func byteFormatting(bytes: Int64, expected: String) {
        #expect(ProgressBar.formatBytes(bytes) == expected)
    }
}

@Suite("Status line")
struct StatusLineTests {
    /// A clock the test moves by hand.
    final class Clock: @unchecked Sendable {
        var now = 0.0
    }

    @Test func terminalRedrawsInPlaceAtMostTenTimesASecond() {
        let output = Recorder()
        let clock = Clock()
        let line = StatusLine(isTerminal: true, minimumInterval: 0.1, clock: { clock.now }, write: output.write)
        line.update("a")
        clock.now = 0.05
        line.update("b")  // too soon: dropped
        clock.now = 0.1
        line.update("c")
        line.print("done")
        line.print("next")
        line.update("d")  // a permanent line resets the throttle
        #expect(output.text == "\ra\u{1B}[K\rc\u{1B}[K\r\u{1B}[Kdone\nnext\n\rd\u{1B}[K")
    }

    @Test func elsewhereOnlyPermanentLinesAreWritten() {
        let output = Recorder()
        let line = StatusLine(isTerminal: false, write: output.write)
        line.update("50%")
        line.print("downloaded")
        line.update("60%")
        #expect(output.text == "downloaded\n")
    }
}

@Suite("Fetch reporter")
struct FetchReporterTests {
    @Test func plainLinesForEachStep() {
        let output = Recorder()
        let reporter = FetchReporter(line: StatusLine(isTerminal: false, write: output.write))
        reporter.report(.present(file: "a.gz", path: "/d/a"))
        reporter.report(.started(file: "b.gz", url: "http://m/b.gz"))
        reporter.report(.progress(file: "b.gz", received: 10, expected: 20, seconds: 1))
        reporter.report(.mirrorFailed(file: "b.gz", url: "http://m/b.gz", reason: "HTTP 404"))
        reporter.report(.finished(file: "b.gz", bytes: 9_912_422, seconds: 2.5))
        #expect(
            output.text == "a.gz: already present as /d/a\ndownloading http://m/b.gz\nhttp://m/b.gz: HTTP 404\n"
                + "b.gz: 9.9 MB in 2.5 s, 4.0 MB/s, md5 verified\n")
    }

    @Test func liveBarOnATerminal() {
        let output = Recorder()
        let reporter = FetchReporter(line: StatusLine(isTerminal: true, minimumInterval: 0, write: output.write))
        reporter.report(.progress(file: "b.gz", received: 4_956_211, expected: 9_912_422, seconds: 2))
        reporter.report(.finished(file: "b.gz", bytes: 9_912_422, seconds: 4))
        #expect(
            output.text == "\rb.gz [============>           ]  50%  5.0/9.9 MB  2.5 MB/s\u{1B}[K"
                + "\r\u{1B}[Kb.gz: 9.9 MB in 4.0 s, 2.5 MB/s, md5 verified\n")
    }
}
