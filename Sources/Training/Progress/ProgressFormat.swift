import Foundation

/// The wording of progress lines, shared by every display so that a pipe, a terminal
/// and a log say the same thing in the same way.
enum ProgressFormat {
    static func percent(_ fraction: Double) -> String {
        fraction.isFinite ? String(format: "%.2f%%", fraction * 100) : "-"
    }

    static func loss(_ value: Double) -> String {
        value.isFinite ? String(format: "%.4f", value) : "nan"
    }

    /// `4.1 s`, `2 min 05 s`, `1 h 02 min`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "-" }
        if seconds < 60 { return String(format: "%.1f s", seconds) }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return String(format: "%d min %02d s", whole / 60, whole % 60) }
        return String(format: "%d h %02d min", whole / 3600, (whole % 3600) / 60)
    }

    /// `12,345/s`
    static func rate(_ samplesPerSecond: Double) -> String {
        guard samplesPerSecond.isFinite else { return "-" }
        return grouped(Int(samplesPerSecond.rounded())) + "/s"
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// `run 12 (128-128 tanh seed 1) epoch 3/10: train loss 0.2731, train 92.01%, dev 92.41%, test 92.10%, 4.1 s, 12,195/s`
    static func epochLine(_ event: RunEvent.Epoch, label: String) -> String {
        "run \(event.runID) (\(label)) epoch \(event.epoch)/\(event.epochs): "
            + "train loss \(loss(event.trainLoss)), train \(percent(event.trainAccuracy)), "
            + "dev \(percent(event.devAccuracy)), test \(percent(event.testAccuracy)), "
            + "\(duration(event.seconds)), \(rate(event.samplesPerSecond))"
    }

    /// `run 12 (128-128 tanh seed 1) completed: dev 92.57%, test 92.66% (10 epochs, 41.2 s)`
    static func finishedLine(_ event: RunEvent.Finished) -> String {
        var line = "run \(event.runID) (\(event.label)) \(event.status)"
        if let dev = event.devAccuracy, let test = event.testAccuracy {
            line += ": dev \(percent(dev)), test \(percent(test))"
        }
        line += " (\(event.epochs) epoch\(event.epochs == 1 ? "" : "s"), \(duration(event.seconds)))"
        if let error = event.error { line += ": \(error)" }
        return line
    }
}
