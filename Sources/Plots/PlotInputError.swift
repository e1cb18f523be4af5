import RunQueries

/// A `tracker plot` or `tracker report` option that tracker refuses before reading the
/// database; each description is one line for the user.
public enum PlotInputError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownMetric(String)
    case unknownSplit(String)
    /// `--split` beside a `--metric` that names its own split, or the gap.
    case splitNotApplicable(metric: String)
    /// `--x` with a key whose values are not numbers.
    case nonNumericX(String)
    /// `--x` with a key that is also a `--group` key.
    case xIsGroupKey(String)
    /// `--with-time` without `--x`.
    case timeWithoutX
    /// Run ids beside options that select runs another way.
    case runsAndSelection(option: String)
    /// A run id that is not a positive number.
    case invalidRunID(String)
    /// `--out` with an extension tracker cannot write.
    case unknownImageFormat(String)

    public var description: String {
        switch self {
        case .unknownMetric(let text):
            "unknown --metric '\(text)'; metrics: \(PlotMeasure.metricNames.joined(separator: ", "))"
        case .unknownSplit(let text):
            "unknown --split '\(text)'; splits: \(Split.allCases.map(\.rawValue).joined(separator: ", "))"
        case .splitNotApplicable(let metric):
            "--split does not apply to --metric \(metric), which names what it shows"
        case .nonNumericX(let key):
            "--x needs a numeric key (\(PlotMeasure.numericKeys.joined(separator: ", "))), not '\(key)'"
        case .xIsGroupKey(let key):
            "--x \(key) is also a --group key: each group would be a single point"
        case .timeWithoutX:
            "--with-time draws training time against --x KEY: give --x"
        case .runsAndSelection(let option):
            "run ids and \(option) both choose runs: give one or the other"
        case .invalidRunID(let text):
            "a run id is a positive number, not '\(text)'"
        case .unknownImageFormat(let path):
            "--out '\(path)': the file name must end in .svg or .png"
        }
    }
}
