import Engine

extension RunConfig {
    /// Why settings that are each acceptable cannot go together (`--momentum` with Adam),
    /// in the engine's words; nil when they can.
    public var combinationProblem: String? {
        if trainSubset == .balanced, trainLimit == nil {
            return "--train-subset balanced chooses --train-limit images: give --train-limit"
        }
        do {
            try trainingConfig.validate()
            return nil
        } catch {
            return error.description
        }
    }

    /// The problem of the settings `assignments` give, over the defaults.
    public static func combinationProblem(of assignments: [Assignment]) -> String? {
        var config = RunConfig()
        for assignment in assignments { assignment.apply(to: &config) }
        return config.combinationProblem
    }
}
