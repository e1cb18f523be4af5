import Foundation
import TextOutput

/// Shows what runs report as they train. On a terminal, a live block with one line per
/// active run (epoch, batch bar, samples/s, ETA, last dev accuracy) redrawn in place;
/// elsewhere (pipes, CI logs) one plain line per epoch. In both, a line per finished run.
public final class RunProgress: @unchecked Sendable {
    public enum Detail: Sendable {
        /// A line per epoch and per finished run (and the live block on a terminal).
        case epochs
        /// Only the line of each finished run.
        case results
    }

    private let line: StatusLine
    private let detail: Detail
    private let columns: Int?
    private let bar = ProgressBar(width: 20, unit: .items("samples"))
    // Guarded by `lock`: the runs in progress, in the order they started.
    private let lock = NSLock()
    private var active: [(id: Int64, state: ActiveRun)] = []

    public init(line: StatusLine, detail: Detail, columns: Int? = nil) {
        self.line = line
        self.detail = detail
        self.columns = columns
    }

    /// Progress on standard output, live when it is a terminal.
    public static func standardOutput(detail: Detail) -> RunProgress {
        RunProgress(line: .standardOutput(), detail: detail, columns: TerminalSize.columns())
    }

    /// Shows `event`, from this process or from a worker.
    public func show(_ event: RunEvent) {
        lock.withLock {
            switch event {
            case .started(let started):
                active.append((started.runID, ActiveRun(started)))
                if started.completedEpochs > 0, detail == .epochs {
                    line.print(
                        "run \(started.runID) (\(started.label)) resumes after epoch "
                            + "\(started.completedEpochs) of \(started.epochs)")
                }
            case .batch(let batch):
                update(batch.runID) { $0.batch = batch }
            case .epoch(let epoch):
                update(epoch.runID) { $0.record(epoch) }
                if detail == .epochs, let run = state(epoch.runID) {
                    line.print(ProgressFormat.epochLine(epoch, label: run.label))
                }
            case .finished(let finished):
                active.removeAll { $0.id == finished.runID }
                line.print(ProgressFormat.finishedLine(finished))
            }
            redraw()
        }
    }

    /// A permanent line that is not about one run: a skipped trial, a summary.
    public func note(_ text: String) {
        lock.withLock {
            line.print(text)
            redraw()
        }
    }

    /// Removes the live block.
    public func finish() {
        lock.withLock { line.clear() }
    }

    private func state(_ id: Int64) -> ActiveRun? {
        active.first { $0.id == id }?.state
    }

    private func update(_ id: Int64, _ change: (inout ActiveRun) -> Void) {
        guard let index = active.firstIndex(where: { $0.id == id }) else { return }
        change(&active[index].state)
    }

    private func redraw() {
        guard detail == .epochs, !active.isEmpty else { return }
        let lines = active.map { $0.state.liveLine(bar: bar) }
        line.update(lines.map(fit).joined(separator: "\n"))
    }

    /// A line cut to the terminal's width: a wrapped line would break the redraw.
    private func fit(_ text: String) -> String {
        guard let columns, text.count >= columns else { return text }
        return String(text.prefix(max(1, columns - 2))) + "…"
    }
}

/// What the live line of one run shows.
struct ActiveRun {
    let runID: Int64
    let label: String
    let epochs: Int
    var batch: RunEvent.Batch?
    var lastEpoch: RunEvent.Epoch?
    /// Seconds per epoch, training and evaluation, from the last one recorded.
    var epochSeconds: Double?

    init(_ started: RunEvent.Started) {
        runID = started.runID
        label = started.label
        epochs = started.epochs
    }

    mutating func record(_ epoch: RunEvent.Epoch) {
        lastEpoch = epoch
        epochSeconds = epoch.seconds
        batch = nil
    }

    /// `run 12 (128-128 tanh seed 1) epoch 3/10 [=====>     ]  45%  22500/50000 samples  12345 samples/s  ETA 1 min 02 s  dev 92.41%`
    func liveLine(bar: ProgressBar) -> String {
        let epoch = batch?.epoch ?? ((lastEpoch?.epoch ?? 0) + 1)
        let label = "run \(runID) (\(label)) epoch \(min(epoch, epochs))/\(epochs)"
        var text: String
        if let batch {
            let seconds = batch.samplesPerSecond > 0 ? Double(batch.samples) / batch.samplesPerSecond : 0
            text = bar.render(
                label: label, completed: Int64(batch.samples), total: Int64(batch.samplesPerEpoch), seconds: seconds)
            // After the last batch come the evaluation passes on train, dev and test.
            if batch.batch == batch.batches { text += "  evaluating" }
        } else {
            text = label + (lastEpoch?.epoch == epochs ? " finishing" : " starting")
        }
        if let eta = eta(epoch: epoch) { text += "  ETA " + ProgressFormat.duration(eta) }
        if let dev = lastEpoch?.devAccuracy { text += "  dev " + ProgressFormat.percent(dev) }
        return text
    }

    /// Time left: the rest of this epoch's batches at the current rate, and the epochs
    /// after it at the last epoch's duration.
    private func eta(epoch: Int) -> Double? {
        guard (lastEpoch?.epoch ?? 0) < epochs else { return nil }
        let remainingEpochs = Double(max(0, epochs - epoch))
        guard let batch, batch.samplesPerSecond > 0 else {
            return epochSeconds.map { $0 * (remainingEpochs + 1) }
        }
        let rest = Double(batch.samplesPerEpoch - batch.samples) / batch.samplesPerSecond
        let perEpoch = epochSeconds ?? Double(batch.samplesPerEpoch) / batch.samplesPerSecond
        return rest + perEpoch * remainingEpochs
    }
}
