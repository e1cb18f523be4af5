import RunQueries

/// The words of plot titles: what is shown, of which runs, grouped how, over how many.
enum PlotTitle {
    /// `activation`, `activation where batch-size<=100`, `runs where …`, `all runs`,
    /// with the status when it is not the default: `activation (failed runs)`.
    static func scope(_ selection: RunSelection) -> String {
        var text = selection.experiments.joined(separator: ", ")
        if !selection.conditions.isEmpty {
            text +=
                (text.isEmpty ? "runs" : "") + " where " + selection.conditions.map(\.text).joined(separator: " and ")
        }
        if text.isEmpty { text = "all runs" }
        switch selection.status {
        case .only(.completed): break
        case .only(let status): text += " (\(status.rawValue) runs)"
        case .any: text += " (runs of any status)"
        }
        return text
    }

    /// `, by architecture × activation`, or nothing without keys.
    static func grouping(_ keys: [GroupKey]) -> String {
        keys.isEmpty ? "" : ", by " + GroupLabel.keys(keys)
    }

    /// `(mean ± 1 std over 10 runs)`, `(1 run)`, `(mean ± 1 std and each run, 10 runs)`.
    static func statistics(runs: Int, showsRuns: Bool = false) -> String {
        if runs == 1 { return "(1 run)" }
        return showsRuns ? "(mean ± 1 std and each run, \(runs) runs)" : "(mean ± 1 std over \(runs) runs)"
    }

    /// `Dev accuracy`, from `dev accuracy`.
    static func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    /// `run 3`, `runs 3, 7 and 12`.
    static func runs(_ ids: [Int]) -> String {
        let names = ids.map(String.init)
        guard names.count > 1 else { return "run " + (names.first ?? "") }
        return "runs " + names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
    }
}
