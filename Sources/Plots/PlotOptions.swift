import RunQueries

/// `tracker plot`'s options as typed, before any of them is checked.
public struct PlotOptions: Sendable, Hashable {
    /// Run ids as typed.
    public var runIDs: [String]
    /// The options given that select runs another way than by id (`--experiment`,
    /// `--status`, `--where`), in that order: each is refused beside run ids.
    public var selectionOptions: [String]
    public var group: [String]
    public var metric: String
    public var split: [String]
    public var x: String?
    public var withTime: Bool
    public var showsRuns: Bool

    public init(
        runIDs: [String] = [], selectionOptions: [String] = [], group: [String] = [], metric: String = "accuracy",
        split: [String] = [], x: String? = nil, withTime: Bool = false, showsRuns: Bool = false
    ) {
        self.runIDs = runIDs
        self.selectionOptions = selectionOptions
        self.group = group
        self.metric = metric
        self.split = split
        self.x = x
        self.withTime = withTime
        self.showsRuns = showsRuns
    }
}

extension PlotRequest {
    /// The request `options` ask for, with the options that cannot go together refused
    /// before any database is read; the checks run in the order the command line's
    /// messages name them, so the first problem is the one reported.
    ///
    /// - Parameter selection: the runs `--experiment`, `--status` and `--where` choose;
    ///   called only when no run id is given, so its own refusals come after the others.
    /// - Throws: `PlotInputError`, `QueryInputError`, or what `selection` throws.
    public init(_ options: PlotOptions, selection: () throws -> RunSelection) throws {
        let axis = try options.x.map { try Self.numericKey($0) }
        if options.withTime && axis == nil { throw PlotInputError.timeWithoutX }
        let measure = try PlotMeasure(
            metric: options.metric, splits: options.split, defaultSplits: axis == nil ? [.train, .dev] : [.dev])
        guard options.runIDs.isEmpty else {
            let chosen =
                options.selectionOptions + (options.group.isEmpty ? [] : ["--group"])
                + (options.x == nil ? [] : ["--x"])
            if let option = chosen.first { throw PlotInputError.runsAndSelection(option: option) }
            let ids = try options.runIDs.map { text in
                guard let id = Int(text), id > 0 else { throw PlotInputError.invalidRunID(text) }
                return id
            }
            self.init(source: .runs(ids), measure: measure, showsRuns: options.showsRuns)
            return
        }
        let keys = options.group.isEmpty ? nil : try GroupKey.parseList(options.group)
        if let axis, keys?.contains(.attribute(axis)) == true { throw PlotInputError.xIsGroupKey(axis.rawValue) }
        self.init(
            source: .groups(try selection(), keys: keys), measure: measure, x: axis, withTime: options.withTime,
            showsRuns: options.showsRuns)
    }

    /// The `--x` key: a run attribute whose values are numbers.
    private static func numericKey(_ text: String) throws -> RunAttribute {
        guard case .attribute(let attribute) = try GroupKey(parsing: text, option: "--x"), attribute.kind != .text
        else { throw PlotInputError.nonNumericX(text) }
        return attribute
    }
}
