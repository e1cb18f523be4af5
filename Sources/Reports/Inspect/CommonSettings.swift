import RunQueries
import Store
import TextOutput

/// The line above a comparison table that says what its runs have in common:
/// `All 18 runs: mnist, hidden 128-128, lr 0.01, batch 100, 10 epochs, seeds 1–3`.
public enum CommonSettings {
    /// The line for the runs `survey` describes; nil when there are none.
    public static func line(_ survey: RunSurvey) -> String? {
        guard survey.runs > 0 else { return nil }
        let subject = survey.runs == 1 ? "The 1 run" : survey.runs == 2 ? "Both runs" : "All \(survey.runs) runs"
        let balanced = survey.values[.trainSubset] == [.text("balanced")]
        var parts = survey.fixed.compactMap { setting in
            survey.values[setting]?.first.map { phrase(setting, $0, balanced: balanced) }
        }
        if let seeds = seedsPhrase(survey.seeds) { parts.append(seeds) }
        return subject + ": " + (parts.isEmpty ? "no setting in common" : parts.joined(separator: ", "))
    }

    /// A setting's one value in a few words: `lr 0.01`, `batch 100`, `no dropout`;
    /// `balanced` when the training images are balanced subsets rather than the first.
    static func phrase(_ setting: Setting, _ value: Cell, balanced: Bool = false) -> String {
        let text = setting.text(value)
        switch setting {
        case .experiment: return "experiment \(text)"
        case .dataset, .activation, .optimizer: return text
        case .trainLimit:
            if value == .null { return "all training images" }
            return balanced ? "\(text) training images" : "first \(text) training images"
        case .trainSubset: return text == "balanced" ? "balanced subsets" : "the first images"
        case .labelNoise, .inputNoise:
            return value.double == 0 ? "no \(setting.rawValue)" : "\(setting.rawValue) \(text)"
        case .earlyStop: return value == .null ? "no early stopping" : "early stopping with patience \(text)"
        case .lrSchedule: return "\(text) lr schedule"
        case .architecture: return text.isEmpty ? "no hidden layer" : "hidden \(text)"
        case .initialization: return "init \(text)"
        case .dropout, .weightDecay, .momentum:
            return value.double == 0 ? "no \(setting.rawValue)" : "\(setting.rawValue) \(text)"
        case .learningRate: return "lr \(text)"
        case .batchSize: return "batch \(text)"
        case .epochs: return text == "1" ? "1 epoch" : "\(text) epochs"
        case .clipNorm: return value == .null ? "no clipping" : "clip norm \(text)"
        }
    }

    /// `seed 1`, `seeds 1–3` (consecutive), `seeds 1, 4, 9`; nil without seeds.
    static func seedsPhrase(_ seeds: [Int]) -> String? {
        guard let first = seeds.first, let last = seeds.last else { return nil }
        if seeds.count == 1 { return "seed \(first)" }
        if seeds.count > 2 && last - first + 1 == seeds.count { return "seeds \(first)–\(last)" }
        if seeds.count > 6 { return "\(seeds.count) seeds" }
        return "seeds " + seeds.map(String.init).joined(separator: ", ")
    }
}

extension Comparison {
    /// The comparison without the group columns whose value is the same in every row
    /// (`compare --only-varied`); the common line says what those values are.
    public var keepingVariedGroups: Comparison {
        let varied = request.groups.indices.filter { index in
            Set(rows.map { $0.values[index] }).count > 1
        }
        var copy = self
        copy.request.groups = varied.map { request.groups[$0] }
        copy.rows = rows.map { row in
            var row = row
            row.values = varied.map { row.values[$0] }
            return row
        }
        return copy
    }
}
