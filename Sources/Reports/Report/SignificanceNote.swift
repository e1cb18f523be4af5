import RunQueries
import TextOutput

/// Which differences from the baseline group hold across seeds, in words: the sentence
/// under a table with a baseline.
enum SignificanceNote {
    /// The note for `comparison`'s rows, or nil without a baseline or other groups.
    static func note(_ comparison: Comparison) -> RichText? {
        let request = comparison.request
        guard let baseline = request.baseline else { return nil }
        let key = baseline.keyIndex
        var significant: [String] = []
        var insignificant: [String] = []
        var untested: [String] = []
        let labels = comparison.rows.map { row -> String in
            let others = row.values.indices.filter { index in
                index != key && Set(comparison.rows.map { $0.values[index] }).count > 1
            }
            let context = others.map { GroupLabel.text(row.values[$0], of: request.groups[$0]) }
            return GroupLabel.text(row.values[key], of: request.groups[key])
                + (context.isEmpty ? "" : " with " + context.joined(separator: " · "))
        }
        for (row, label) in zip(comparison.rows, labels) {
            guard let difference = row.baseline, !difference.isBaseline, let points = difference.difference else {
                continue
            }
            let change = NumberText.points(points) + " points"
            if let p = difference.p {
                let test = p < 0.001 ? "p < 0.001" : "p = " + NumberText.pValue(p)
                if p < 0.05 {
                    significant.append("\(label) (\(change), \(test))")
                } else {
                    insignificant.append("\(label) (\(change), \(test))")
                }
            } else {
                untested.append("\(label) (\(change))")
            }
        }
        guard !(significant + insignificant + untested).isEmpty else { return nil }
        var text = RichText(
            "Test accuracy against \(request.groups[key].description) \(baseline.value)"
                + (request.groups.count > 1 ? " with the same other settings" : "")
                + ", Welch's t-test across runs at the 5% level.")
        let parts: [(String, [String])] = [
            ("Significant", significant), ("Not significant", insignificant),
            ("Not testable (a group of one run, or no spread in either group)", untested),
        ]
        for (title, items) in parts where !items.isEmpty {
            text = text + RichText(" ") + .emphasis(title + ":") + RichText(" " + items.joined(separator: "; ") + ".")
        }
        return text
    }
}
