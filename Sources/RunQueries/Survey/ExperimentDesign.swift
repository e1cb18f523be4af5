import TextOutput

/// How the runs of an experiment are grouped, following what the runs vary rather than
/// the experiment's name: the group keys of its tables and curves, and whether one
/// number is swept.
///
/// - The architecture comes first, varied or not: the seed's tables always name the
///   network, and the files of `queries/` group on it.
/// - Then every groupable setting that takes several values: dataset, activation, the
///   training data (size, subset, label and input noise), the regularization, the
///   optimiser and its schedule, learning rate, batch size, epochs.
/// - Dropout, weight decay and early stopping become the derived `regularization`
///   (which are on), followed by any used at several strengths; one of them alone swept
///   over several values stays itself.
/// - A swept setting of the seed's (dropout, weight decay, learning rate, batch size,
///   epochs) with three values or more goes last, and the report plots the final
///   accuracy against it (the seed's Figure 4).
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
        for setting in [
            Setting.dataset, .architecture, .activation, .trainLimit, .trainSubset, .labelNoise, .inputNoise,
        ]
        where count(setting) > 1 {
            varied.append(setting.attribute)
        }
        varied += Self.regularizationKeys(survey)
        for setting in [Setting.optimizer, .lrSchedule, .learningRate, .batchSize, .epochs] where count(setting) > 1 {
            varied.append(setting.attribute)
        }
        // A regularizer's strengths beside the derived key are levels of it, not a sweep.
        let sweepable = Self.sweepable.filter {
            !varied.contains(.regularization) || !RunAttribute.regularizers.contains($0)
        }
        sweep = varied.last { attribute in
            sweepable.contains(attribute)
                && Setting.allCases.first { $0.attribute == attribute }.map { count($0) >= Self.sweepValues } == true
        }
        if let sweep, let index = varied.firstIndex(of: sweep) {
            varied.remove(at: index)
            varied.append(sweep)
        }
        variedKeys = varied.map(GroupKey.attribute)
        keys = varied.contains(.architecture) ? variedKeys : [.attribute(.architecture)] + variedKeys
    }

    /// The settings whose sweep the report plots: the seed's.
    static let sweepable: [RunAttribute] = [.dropout, .weightDecay, .learningRate, .batchSize, .epochs]

    /// The keys for the regularizers: one regularizer swept over several strengths stays
    /// itself (the seed's sweeps); otherwise the derived `regularization` names which are
    /// on, followed by each regularizer used at more than one strength.
    private static func regularizationKeys(_ survey: RunSurvey) -> [RunAttribute] {
        let regularizers: [(Setting, RunAttribute)] = [
            (.dropout, .dropout), (.weightDecay, .weightDecay), (.earlyStop, .earlyStop),
        ]
        let varying = regularizers.filter { (survey.values[$0.0]?.count ?? 0) > 1 }
        let strengths = varying.filter { setting, _ in
            (survey.values[setting] ?? []).filter { $0 != .null && $0.double != 0 }.count > 1
        }
        if varying.count == 1, let only = strengths.first { return [only.1] }
        return varying.isEmpty ? [] : [.regularization] + strengths.map(\.1)
    }

    /// The design without its sweep when the swept setting follows from the other keys,
    /// as epochs chosen per training-set size do: a plot against it would show the
    /// other keys' effect. `groups` counts the groups of some keys' values.
    public func droppingDependentSweep(groups: ([GroupKey]) throws -> Int) rethrows -> ExperimentDesign {
        guard let sweep else { return self }
        let others = keys.filter { $0 != .attribute(sweep) }
        guard try groups(others) == groups(keys) else { return self }
        var design = self
        design.sweep = nil
        return design
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

    /// At most `limit` groups for curves, counted as the runs form them (`groups`
    /// counts the groups of some keys' values): a key whose values follow from the keys
    /// before it (epochs chosen per training-set size) adds no line and is left out, and
    /// the last keys are dropped while there are more groups than `limit`.
    public func curveKeys(limit: Int, groups: ([GroupKey]) throws -> Int) rethrows -> [GroupKey] {
        var keys: [GroupKey] = []
        var count = 1
        for key in variedKeys {
            let with = try groups(keys + [key])
            if with > count || keys.isEmpty {
                keys.append(key)
                count = with
            }
        }
        while keys.count > 1, try groups(keys) > limit { keys.removeLast() }
        return keys
    }

    /// How many values `key` takes in the survey (regularization: up to eight).
    static func valueCount(_ key: GroupKey, _ survey: RunSurvey) -> Int {
        guard case .attribute(let attribute) = key else { return 1 }
        if attribute == .regularization {
            return [Setting.dropout, .weightDecay, .earlyStop].map { survey.values[$0]?.count ?? 1 }.reduce(1, *)
        }
        return Setting.allCases.first { $0.attribute == attribute }.flatMap { survey.values[$0]?.count } ?? 1
    }
}
