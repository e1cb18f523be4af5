/// What `tracker reproduce` found: whether the run came out bit for bit, else its first
/// difference, and what differs between the two trainings' environments.
public struct ReproductionVerdict: Sendable {
    /// The run reproduced.
    public let runID: Int
    /// Epochs the run recorded.
    public let epochs: Int
    /// The first difference; nil when every epoch's every metric has the same bits.
    public let difference: EpochDifference?
    /// How the reproduction ended: `completed`, or `diverged` and why.
    let reproductionStatus: String
    let reproductionError: String?
    let stored: RoundingEnvironment
    let reproduced: RoundingEnvironment
    /// The new run's id and the tag it carries, with `--record`; nil for a scratch copy.
    let recorded: RecordedReproduction?

    public var identical: Bool { difference == nil && reproductionStatus == "completed" }

    /// 0 when identical, 1 otherwise.
    public var exitStatus: Int32 { identical ? 0 : 1 }

    /// The verdict, the environments, and where the reproduction went.
    public var lines: [String] {
        var lines: [String] = []
        if let difference {
            lines.append("run \(runID) did not reproduce: first difference at \(difference.text)")
        } else if identical {
            lines.append(
                "run \(runID) reproduced bit for bit: \(epochs) epoch\(epochs == 1 ? "" : "s"), "
                    + "every loss, accuracy and learning rate identical")
        }
        if reproductionStatus != "completed" {
            lines.append("the reproduction \(reproductionStatus)" + (reproductionError.map { ": \($0)" } ?? ""))
        }
        let changes = reproduced.changes(from: stored)
        if changes.isEmpty {
            lines.append(
                "recorded environment the same for both (\(stored.summary))"
                    + (identical ? "" : ": none of it explains the difference"))
        } else {
            lines.append("recorded differences that decide rounding: " + changes.joined(separator: ", "))
        }
        if let recorded {
            lines.append("recorded as run \(recorded.id), tagged \(recorded.tag)")
        } else {
            lines.append("trained in a scratch database, not recorded (--record keeps it as a new run)")
        }
        return lines
    }
}

/// The run a reproduction was recorded as, and its tag (`reproduces=UUID`).
struct RecordedReproduction: Sendable {
    let id: Int
    let tag: String
}
