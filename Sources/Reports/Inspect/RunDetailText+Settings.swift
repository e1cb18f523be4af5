import Datasets
import Store
import TextOutput

/// The lines of `tracker show` for the settings added after the first schema and the
/// environment that decides rounding: only those that apply to the run.
extension RunDetailText {
    /// The dataset and which of its training images the run kept.
    var datasetText: String {
        let p = detail.run.parameters
        guard let limit = p.trainLimit else { return p.dataset }
        guard text(.trainSubset) == "balanced" else {
            return p.dataset + ", first \(limit) training examples"
        }
        guard let classes = try? Dataset.named(p.dataset).classCount else {
            return p.dataset + ", \(limit) training examples, balanced"
        }
        let share = limit / classes
        let perClass = limit % classes == 0 ? String(share) : "\(share)-\(share + 1)"
        return p.dataset + ", \(limit) training examples, balanced: \(perClass) per class"
    }

    var laterSettingFields: [(String, String)] {
        var fields: [(String, String)] = []
        let p = detail.run.parameters
        if p.optimizer.hasPrefix("adam") {
            fields.append(("betas", "beta1 \(real(.beta1)), beta2 \(real(.beta2)), eps \(real(.eps))"))
        }
        if let schedule = scheduleText { fields.append(("schedule", schedule)) }
        if let patience = int(.earlyStop) {
            let metric = text(.earlyStopMetric) ?? "-"
            let outcome = detail.run.stoppedEpoch.map { ", stopped at epoch \($0)" } ?? ""
            fields.append(("early stop", "patience \(patience) on \(metric)\(outcome)"))
        }
        if let noise = double(.labelNoise), noise > 0 {
            let changed = int(.labelsChanged) ?? 0
            fields.append(
                ("label noise", "\(NumberText.setting(noise)), \(changed) label\(changed == 1 ? "" : "s") changed"))
        }
        if let noise = double(.inputNoise), noise > 0 { fields.append(("input noise", NumberText.setting(noise))) }
        let environment = [text(.blasCore).map { "BLAS kernel \($0)" }, text(.cpuModel)].compactMap { $0 }
        if !environment.isEmpty { fields.append(("environment", environment.joined(separator: ", "))) }
        return fields
    }

    /// The schedule with its parameters and warm-up; nil for a constant rate without warm-up.
    private var scheduleText: String? {
        let schedule = text(.lrSchedule) ?? "constant"
        let warmup = int(.warmupEpochs) ?? 0
        var parts = [schedule]
        if schedule == "step" {
            let every = int(.lrStepEpochs) ?? 1
            parts.append("×\(real(.lrGamma)) every \(every) epoch\(every == 1 ? "" : "s")")
        }
        if warmup > 0 { parts.append("\(warmup) warm-up epoch\(warmup == 1 ? "" : "s")") }
        return parts.count == 1 && schedule == "constant" ? nil : parts.joined(separator: ", ")
    }

    private func value(_ column: RunColumn) -> StoredValue? { detail.run.parameters.columns[column] }

    private func text(_ column: RunColumn) -> String? {
        if case .text(let text) = value(column) { return text }
        return nil
    }

    private func int(_ column: RunColumn) -> Int? {
        if case .integer(let number) = value(column) { return number }
        return nil
    }

    private func double(_ column: RunColumn) -> Double? {
        switch value(column) {
        case .real(let number): number
        case .integer(let number): Double(number)
        default: nil
        }
    }

    private func real(_ column: RunColumn) -> String { double(column).map(NumberText.setting) ?? "-" }
}
