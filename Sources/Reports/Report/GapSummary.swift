import RunQueries
import TextOutput

/// The generalisation gap in words: where it is smallest and largest.
enum GapSummary {
    /// A sentence on the gaps of `comparison`'s rows (mean train minus mean test
    /// accuracy after the last epoch), or nil when no row has one.
    static func text(_ comparison: Comparison) -> RichText? {
        let keys = comparison.request.groups
        let labels = GroupLabel.labels(keys: keys, values: comparison.rows.map(\.values))
        let gaps = zip(comparison.rows, labels).compactMap { row, label in row.gap.map { (label, $0) } }
        guard let smallest = gaps.min(by: { $0.1 < $1.1 }), let largest = gaps.max(by: { $0.1 < $1.1 }) else {
            return nil
        }
        var text = "After the last epoch, mean train accuracy minus mean test accuracy"
        if gaps.count == 1 {
            text += " is \(NumberText.points(smallest.1)) points."
        } else {
            text +=
                " ranges from \(NumberText.points(smallest.1)) points (\(smallest.0)) to "
                + "\(NumberText.points(largest.1)) points (\(largest.0))."
        }
        let negative = gaps.filter { $0.1 < 0 }.count
        if negative > 0 {
            text +=
                negative == gaps.count
                ? " Test accuracy is above train accuracy everywhere."
                : " Test accuracy is above train accuracy in \(negative) of the \(gaps.count) groups."
        }
        return RichText(text + " Per epoch:")
    }
}
