import RunQueries
import Store
import TextOutput

/// "What was run": the lines that describe an experiment's runs, from its survey.
enum SetupFields {
    static func fields(_ survey: RunSurvey) -> [(label: String, value: RichText)] {
        var fields: [(label: String, value: RichText)] = []
        let varied = survey.varied.filter { $0 != .experiment }
        fields.append(
            (
                "varied",
                varied.isEmpty
                    ? "one setting, repeated over seeds"
                    : join(varied.map { setting in RichText(setting.rawValue + " ") + values(survey, setting) }, "; ")
            ))
        fields.append(
            (
                "fixed",
                join(
                    survey.fixed.filter { $0 != .experiment }.map { setting in
                        RichText(setting.rawValue + " ") + values(survey, setting)
                    }, ", ")
            ))
        fields.append(("seeds", RichText(seeds(survey.seeds))))
        fields.append(("runs", RichText(runs(survey))))
        if let start = survey.firstStarted {
            fields.append(("dates", RichText(dates(from: start, to: survey.lastFinished))))
        }
        fields.append(
            (
                "compute",
                RichText(
                    NumberText.duration(survey.trainingSeconds) + " of training and "
                        + NumberText.duration(survey.evaluationSeconds) + " of evaluation, summed over every epoch")
            ))
        fields.append(
            (
                "recorded by",
                join(survey.trackerVersions.map { .code("tracker " + $0) }, ", ")
            ))
        if !survey.tags.isEmpty {
            fields.append(
                (
                    "tags",
                    join(survey.tags.map { tag in .code(tag.key + "=" + tag.values.joined(separator: "|")) }, ", ")
                ))
        }
        return fields
    }

    /// A setting's values as typed, each set apart: `relu`, `sigmoid`, `tanh`.
    private static func values(_ survey: RunSurvey, _ setting: Setting) -> RichText {
        join((survey.values[setting] ?? []).map { .code(setting.text($0)) }, ", ")
    }

    private static func join(_ parts: [RichText], _ separator: String) -> RichText {
        guard let first = parts.first else { return RichText("-") }
        return parts.dropFirst().reduce(first) { $0 + RichText(separator) + $1 }
    }

    /// `1, 2, 3`; a long run of consecutive seeds as `1–50 (50 seeds)`.
    static func seeds(_ seeds: [Int]) -> String {
        guard let first = seeds.first, let last = seeds.last else { return "-" }
        if seeds.count > 6 && last - first + 1 == seeds.count { return "\(first)–\(last) (\(seeds.count) seeds)" }
        if seeds.count > 12 {
            return seeds.prefix(10).map(String.init).joined(separator: ", ") + ", … (\(seeds.count) seeds)"
        }
        return seeds.map(String.init).joined(separator: ", ")
    }

    /// `18 runs (16 completed, 1 failed, 1 diverged)`, `3 runs (all completed)`.
    static func runs(_ survey: RunSurvey) -> String {
        let statuses = RunStatus.allCases.compactMap { status in
            survey.statuses[status].map { "\($0) \(status.rawValue)" }
        }
        let counts =
            survey.statuses.count == 1 && survey.statuses[.completed] != nil
            ? "all completed" : statuses.joined(separator: ", ")
        return "\(survey.runs) run\(survey.runs == 1 ? "" : "s")" + (statuses.isEmpty ? "" : " (\(counts))")
    }

    /// `2026-11-29 09:35 to 11:02 UTC`, or to another day's date and time; a run still
    /// going leaves the end open.
    static func dates(from start: String, to end: String?) -> String {
        let begin = minute(start)
        guard let end else { return "from \(begin) UTC, not finished" }
        let finish = minute(end)
        let sameDay = begin.prefix(10) == finish.prefix(10)
        return "\(begin) to \(sameDay ? String(finish.dropFirst(11)) : finish) UTC"
    }

    /// `2026-11-29 09:35` from `2026-11-29T09:35:02.123Z`.
    private static func minute(_ timestamp: String) -> String {
        String(timestamp.prefix(16)).replacing("T", with: " ")
    }
}
