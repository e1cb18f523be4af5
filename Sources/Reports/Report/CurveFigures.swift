import Charts
import Plots
import RunQueries
import Store

/// The figures of an experiment section: loss and accuracy per epoch by group (the
/// seed's Figures 3, 5, 9, 12), each group's curves side by side (Figures 7-8, 13-14),
/// the generalisation gap per epoch, and for a sweep the final dev accuracy and the
/// training time against the swept setting (Figure 4).
struct CurveFigures {
    let context: SectionContext

    /// At most this many groups are drawn as lines of one chart; beyond, the last keys
    /// are averaged together.
    static let groupLimit = 8
    /// Up to this many groups also get a panel each.
    static let panelLimit = 6

    /// The curves by group, and what they are computed from.
    struct Loaded {
        var keys: [GroupKey]
        var groups: [GroupCurves]
        var runs: [RunCurves]?
        /// Keys left out of `keys` to keep the charts readable.
        var averaged: [GroupKey]
    }

    func load() throws -> Loaded {
        // Each count is a comparison over the section's runs: count each set of keys once.
        var counted: [[GroupKey]: Int] = [:]
        let count = { (keys: [GroupKey]) throws -> Int in
            if let known = counted[keys] { return known }
            let groups = try context.groupCount(keys)
            counted[keys] = groups
            return groups
        }
        let keys = try context.design.curveKeys(limit: Self.groupLimit, groups: count)
        // Keys left out because they follow from the others average nothing together.
        let drawn = try count(keys)
        let averaged = try context.design.variedKeys.filter { key in
            try !keys.contains(key) && count(keys + [key]) > drawn
        }
        let groups = try GroupCurves.load(groups: keys, selection: context.selection, store: context.store)
        let runs =
            context.request.showsRuns
            ? try RunCurves.load(groups: keys, selection: context.selection, store: context.store) : nil
        return Loaded(keys: keys, groups: groups, runs: runs, averaged: averaged)
    }

    /// Loss and accuracy per epoch, train and dev, a line per group.
    func byGroup(_ loaded: Loaded, numbering: inout Numbering) -> [ReportFigure] {
        let averaged =
            loaded.averaged.isEmpty
            ? "" : " Runs that differ only in \(ResultTable.keyWords(loaded.averaged)) are averaged together."
        return [("loss", CurveMeasure.loss), ("accuracy", CurveMeasure.accuracy)].map { name, measure in
            let measure = PlotMeasure([measure(.train), measure(.dev)])
            let plot = Plot.curves(
                loaded.groups, runs: loaded.runs, keys: loaded.keys, selection: context.selection, measure: measure)
            let file = context.fileName(name)
            let size = plot.defaultSize
            return ReportFigure(
                number: numbering.nextFigure(),
                caption: plot.title + ". Lines are the mean over each group's runs at every epoch, bands ± one "
                    + "sample standard deviation" + (loaded.runs == nil ? "." : "; dotted lines are single runs.")
                    + averaged,
                fileName: file, picture: plot.picture, width: size.width, height: size.height,
                command: context.reproduction.plot(
                    context.selection, keys: loaded.keys, measure: measure, showsRuns: loaded.runs != nil, file: file))
        }
    }

    /// Each group's accuracy (train, dev, test) and loss (train, dev) in a panel of its
    /// own, when there are a few groups.
    func eachGroup(_ loaded: Loaded, numbering: inout Numbering) -> [ReportFigure] {
        guard (2...Self.panelLimit).contains(loaded.groups.count) else { return [] }
        let labels = GroupLabel.labels(keys: loaded.keys, values: loaded.groups.map(\.values))
        let columns = min(3, loaded.groups.count)
        let rows = (loaded.groups.count + columns - 1) / columns
        let kinds: [(String, String, [CurveMeasure])] = [
            ("accuracy", "Accuracy", Split.allCases.map(CurveMeasure.accuracy)),
            ("loss", "Loss", [.loss(.train), .loss(.dev)]),
        ]
        return kinds.map { name, title, measures in
            let panels = zip(loaded.groups, labels).flatMap { group, label in
                CurveSeries.panels(
                    title: label, groups: [group], labels: [label], measures: measures,
                    runs: loaded.runs?.filter { $0.values == group.values })
            }
            let grid = ChartGrid(
                title: "\(title) per epoch of each group — \(context.title)", panels: panels, columns: columns,
                sharesYRange: true)
            return ReportFigure(
                number: numbering.nextFigure(),
                caption: "\(title) per epoch of each group of \(context.title) ("
                    + measures.map(\.splitName).joined(separator: ", ")
                    + "): the mean over the group's runs, bands ± one sample standard deviation. One panel is "
                    + "`tracker plot` with `--where` tests that pick the group.",
                fileName: context.fileName(name + "-each"), picture: grid, width: Double(360 * columns),
                height: Double(280 * rows), command: nil)
        }
    }

    /// Train minus test accuracy per epoch, a line per group.
    func gap(_ loaded: Loaded, numbering: inout Numbering) -> ReportFigure {
        let measure = PlotMeasure([.gap])
        let plot = Plot.curves(
            loaded.groups, runs: nil, keys: loaded.keys, selection: context.selection, measure: measure)
        let file = context.fileName("gap")
        return ReportFigure(
            number: numbering.nextFigure(),
            caption: plot.title + ": train minus test accuracy at every epoch, mean over each group's runs, bands "
                + "± one sample standard deviation.",
            fileName: file, picture: plot.picture, width: 1000, height: 440,
            command: context.reproduction.plot(context.selection, keys: loaded.keys, measure: measure, file: file))
    }

    /// Final dev accuracy against the swept setting, with training time on the right, by
    /// the keys the curves are drawn by (`curveKeys`) but the swept one.
    func sweep(_ x: RunAttribute, curveKeys: [GroupKey], numbering: inout Numbering) throws -> ReportFigure {
        let keys = curveKeys.filter { $0 != .attribute(x) }
        let measure = PlotMeasure([.accuracy(.dev)])
        let plot = try SweepChart(
            selection: context.selection, keys: keys, x: x, measure: measure, withTime: true, store: context.store
        ).plot
        let file = context.fileName("dev-accuracy-by-" + x.rawValue)
        let size = plot.defaultSize
        return ReportFigure(
            number: numbering.nextFigure(),
            caption: plot.title + ": each point is the mean ± one sample standard deviation of a group's final dev "
                + "accuracy; the dashed line (right axis) is its mean training time per run.",
            fileName: file, picture: plot.picture, width: size.width, height: size.height,
            command: context.reproduction.plot(
                context.selection, keys: keys, measure: measure, x: x, withTime: true, file: file))
    }
}
