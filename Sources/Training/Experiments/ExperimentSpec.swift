/// A grid of runs as an experiment file describes it: a base configuration, grid axes
/// whose values expand to a cartesian product, and seeds that repeat every trial.
public struct ExperimentSpec: Sendable {
    /// The experiment every trial is recorded under.
    public var name: String
    public var description: String?
    /// Settings shared by every trial.
    public var base: RunConfig
    /// Each block expands to the cartesian product of its axes; the trials of all
    /// blocks are concatenated (a list of blocks expresses "none, dropout, weight decay").
    public var blocks: [GridBlock]
    /// Every trial is run once per seed; `nil` runs it once with the base seed.
    public var seeds: [UInt64]?
    /// Tags recorded with every run of the experiment, sorted by key.
    public var tags: [Tag]
    /// Whether the file chooses the BLAS thread count itself (in `base` or the grid).
    public var setsThreads = false

    public init(
        name: String, description: String? = nil, base: RunConfig = RunConfig(),
        blocks: [GridBlock] = [GridBlock()], seeds: [UInt64]? = nil, tags: [Tag] = []
    ) {
        self.name = name
        self.description = description
        self.base = base
        self.blocks = blocks
        self.seeds = seeds
        self.tags = tags
    }

    /// How many trials the grid describes, counted without expanding it (equal trials,
    /// which `trials` drops, included). A `Double`, so that no grid overflows it.
    public var trialCount: Double {
        let perSeed = blocks.reduce(0.0) { total, block in
            total + block.axes.reduce(1.0) { $0 * Double($1.values.count) }
        }
        return perSeed * Double(seeds?.count ?? 1)
    }

    /// The trials in order: blocks in file order, the first axis outermost, seeds
    /// innermost; a trial equal to an earlier one (same `trialHash`) is dropped.
    /// `overrides` (flags given beside the file) win over the base and the grid.
    public func trials(overriding overrides: [Assignment] = []) -> [Trial] {
        var seen = Set<String>()
        var trials: [Trial] = []
        for block in blocks {
            for combination in block.combinations() {
                for seed in seeds ?? [base.seed] {
                    var config = base
                    config.seed = seed
                    for assignment in combination + overrides {
                        assignment.apply(to: &config)
                    }
                    guard seen.insert(config.trialHash).inserted else { continue }
                    trials.append(Trial(config: config, varied: combination))
                }
            }
        }
        return trials
    }
}

/// One grid block: axes in file order, each with the values it takes.
public struct GridBlock: Sendable {
    public var axes: [(key: ConfigKey, values: [Assignment])]

    public init(axes: [(key: ConfigKey, values: [Assignment])] = []) {
        self.axes = axes
    }

    /// The cartesian product of the axes, the first axis varying slowest.
    func combinations() -> [[Assignment]] {
        axes.reduce([[]]) { partial, axis in
            partial.flatMap { prefix in axis.values.map { prefix + [$0] } }
        }
    }
}

/// A setting checked when it was read: applying it cannot fail.
public struct Assignment: Hashable, Sendable {
    public let key: ConfigKey
    public let text: String

    /// Checks `text` against `key` now, so that errors point at where it was written.
    public init(_ key: ConfigKey, _ text: String) throws(InvalidConfigValue) {
        var probe = RunConfig()
        try probe.set(key, from: text)
        self.key = key
        self.text = text
    }

    public func apply(to config: inout RunConfig) {
        do {
            try config.set(key, from: text)
        } catch {
            preconditionFailure("an assignment checked at creation was rejected: \(error.keyMessage)")
        }
    }
}

/// A key-value label recorded with a run (`--tag key=value`, `tags:` in a file).
public struct Tag: Hashable, Sendable, Codable {
    public let key: String
    public let value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// One run that an experiment asks for.
public struct Trial: Sendable {
    public let config: RunConfig
    /// The grid values that distinguish this trial, for listings.
    public let varied: [Assignment]
}
