import TextOutput

/// How the runs of an experiment are grouped, following what the runs vary rather than
/// the experiment's name: the group keys of its tables and curves, and whether one
/// number is swept.
///
/// - The architecture comes first, varied or not: the seed's tables always name the
///   network, and the files of `queries/` group on it.
/// - Then every groupable setting that takes several values: dataset, activation, the
///   regularization, learning rate, batch size, epochs.
/// - Dropout and weight decay become the derived `regularization` (none, dropout,
///   weight decay, both) when each is off or at one value; a setting swept over more
///   values stays itself.
/// - A numeric key with three values or more is a sweep: it goes last, and the report
///   plots the final accuracy against it (the seed's Figure 4).
public struct ExperimentDesign: Sendable, Hashable {
    /// The keys of the tables, the architecture first.
    public var keys: [GroupKey]
    /// The keys whose values differ between runs.
    public var variedKeys: [GroupKey]
    /// The numeric key swept over three values or more, the last of `keys`.
    public var sweep: RunAttribute?

    /// The smallest number of values that makes a numeric key a sweep.
    static let sweepValues = 3

    public init(_ survey: RunSurvey) {
        let count = { (setting: Setting) in survey.values[setting]?.count ?? 0 }
        var varied: [RunAttribute] = []
        // A section that pools several experiments compares their runs together: the
        // experiment itself is never a key.
        for setting in [Setting.dataset, .architecture, .activation] where count(setting) > 1 {
            varied.append(setting.attribute)
        }
        let regularizers: [(Setting, RunAttribute)] = [(.dropout, .dropout), (.weightDecay, .weightDecay)]
        let switched = regularizers.allSatisfy { setting, _ in
            let values = survey.values[setting] ?? []
            return values.count == 1 || (values.count == 2 && values.contains { $0.double == 0 })
        }
        if regularizers.contains(where: { count($0.0) > 1 }) {
            varied += switched ? [.regularization] : regularizers.filter { count($0.0) > 1 }.map(\.1)
        }
        for (setting, attribute) in [
            (Setting.learningRate, RunAttribute.learningRate), (.batchSize, .batchSize), (.epochs, .epochs),
        ]
        where count(setting) > 1 {
            varied.append(attribute)
        }
        let settingOf: (RunAttribute) -> Setting? = { attribute in Setting.allCases.first { $0.attribute == attribute }
        }
        sweep = varied.last { attribute in
            attribute.kind != .text && settingOf(attribute).map { count($0) >= Self.sweepValues } == true
        }
        if let sweep, let index = varied.firstIndex(of: sweep) {
            varied.remove(at: index)
            varied.append(sweep)
        }
        variedKeys = varied.map(GroupKey.attribute)
        keys = varied.contains(.architecture) ? variedKeys : [.attribute(.architecture)] + variedKeys
    }

    /// At most `limit` groups for curves: the varied keys, dropping the last ones while
    /// their combinations could exceed `limit` (one key is always kept).
    public func curveKeys(limit: Int, survey: RunSurvey) -> [GroupKey] {
        var keys = variedKeys
        while keys.count > 1 && keys.map({ Self.valueCount($0, survey) }).reduce(1, *) > limit {
            keys.removeLast()
        }
        return keys
    }

    /// How many values `key` takes in the survey (regularization: up to four).
    static func valueCount(_ key: GroupKey, _ survey: RunSurvey) -> Int {
        guard case .attribute(let attribute) = key else { return 1 }
        if attribute == .regularization {
            return [Setting.dropout, .weightDecay].map { survey.values[$0]?.count ?? 1 }.reduce(1, *)
        }
        return Setting.allCases.first { $0.attribute == attribute }.flatMap { survey.values[$0]?.count } ?? 1
    }
}
