/// What a path asks for. Paths are matched whole against this closed list, segment by
/// segment and still percent-encoded, so that `..`, `%2e%2e` and every other spelling
/// of a path outside it are simply not found; static files come from the binary, never
/// from the disk.
enum Route: Equatable {
    case experiments, runs
    case run(Int)
    case compare, diff, report, events
    case apiExperiments, apiRuns
    case apiRun(Int)
    case apiEpochs(Int)
    case apiCompare
    case asset(Asset)

    init?(path: String) {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        guard path.hasPrefix("/"), !segments.contains(where: { $0 == "." || $0 == ".." || $0.contains("%") }) else {
            return nil
        }
        let parts = segments.map(String.init)
        let fixed: [String: Route] = [
            "": .experiments, "experiments": .experiments, "runs": .runs, "compare": .compare, "diff": .diff,
            "report": .report, "events": .events, "api/experiments": .apiExperiments, "api/runs": .apiRuns,
            "api/compare": .apiCompare,
        ]
        if let route = fixed[parts.joined(separator: "/")] {
            self = route
            return
        }
        switch (parts.count, parts.first) {
        case (2, "runs"):
            guard let id = QueryParameters.runID(Substring(parts[1])) else { return nil }
            self = .run(id)
        case (3, "api") where parts[1] == "runs":
            guard let id = QueryParameters.runID(Substring(parts[2])) else { return nil }
            self = .apiRun(id)
        case (4, "api") where parts[1] == "runs" && parts[3] == "epochs":
            guard let id = QueryParameters.runID(Substring(parts[2])) else { return nil }
            self = .apiEpochs(id)
        case (2, "static"):
            guard let asset = Asset.all.first(where: { $0.name == parts[1] }) else { return nil }
            self = .asset(asset)
        default:
            return nil
        }
    }

    var isAPI: Bool {
        switch self {
        case .apiExperiments, .apiRuns, .apiRun, .apiEpochs, .apiCompare, .events: true
        default: false
        }
    }
}
