import ArgumentParser

/// `RUN`: the id of one run, for the commands about a single run.
struct RunArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The run's id, as `tracker runs` lists it.", valueName: "run"))
    var value: Int

    /// Ids start at 1: anything less is a typo, refused before the database is opened.
    func validate() throws {
        guard value > 0 else { throw ValidationError("a run id is a positive number, not \(value)") }
    }
}
