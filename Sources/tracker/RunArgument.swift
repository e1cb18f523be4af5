import ArgumentParser

/// Run ids as typed, read so that a negative one reaches the check that explains it.
///
/// ArgumentParser reads `-3` as a short option, so a positional `Int` would report the
/// run as missing. The ids are therefore collected with `.allUnrecognized`, which also
/// collects unknown options: those are refused here with ArgumentParser's own words.
enum RunIDs {
    /// The ids in `texts`, each a positive integer.
    static func parse(_ texts: [String]) throws -> [Int] {
        // `--` ends the options as usual; `.allUnrecognized` keeps it among the values.
        try texts.filter { $0 != "--" }.map { text in
            if let id = Int(text) {
                guard id > 0 else { throw ValidationError("a run id is a positive number, not \(id)") }
                return id
            }
            if text.hasPrefix("-") && Double(text) == nil {
                throw ValidationError("Unknown option '\(text)'")
            }
            throw ValidationError("The value '\(text)' is invalid for '<run>'")
        }
    }
}

/// `RUN`: the id of one run, for the commands about a single run.
struct RunArgument: ParsableArguments {
    @Argument(
        parsing: .allUnrecognized,
        help: ArgumentHelp("The run's id, as `tracker runs` lists it.", valueName: "run"))
    var texts: [String] = []

    /// The run's id; `validate()` has checked that there is exactly one.
    var value: Int { (try? RunIDs.parse(texts).first) ?? 0 }

    /// Ids start at 1: anything less is a typo, refused before the database is opened.
    func validate() throws {
        let ids = try RunIDs.parse(texts)
        guard ids.count <= 1 else {
            throw ValidationError("Unexpected argument '\(texts.filter { $0 != "--" }[1])'")
        }
        guard !ids.isEmpty else { throw ValidationError("Missing expected argument '<run>'") }
    }
}
