import TextOutput

/// The text of `tracker run FILE --dry-run`: the experiment, then one line per trial with
/// its settings and what running the file would do about it.
public enum GridListing {
    public static func render(spec: ExperimentSpec, plan: [(TrialRequest, TrialState)]) -> String {
        var lines = ["experiment \(spec.name): \(plan.count) trial\(plan.count == 1 ? "" : "s")"]
        if let description = spec.description { lines.append(description) }
        let width = plan.map { DisplayWidth.of($0.0.label) }.max() ?? 0
        for (index, (request, state)) in plan.enumerated() {
            let number = pad(String(index + 1), to: String(plan.count).count, right: true)
            lines.append("\(number)  \(pad(request.label, to: width))  \(state.summary)")
        }
        let toRun = plan.filter { if case .new = $0.1 { true } else { false } }.count
        let toResume = plan.filter { if case .resumable = $0.1 { true } else { false } }.count
        lines.append("\(toRun) to run, \(toResume) to resume, \(plan.count - toRun - toResume) done or running")
        return lines.joined(separator: "\n")
    }
}
