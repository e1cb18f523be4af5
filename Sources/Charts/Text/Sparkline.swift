/// A one-line chart of a sequence with the block characters `▁▂▃▄▅▆▇█`, e.g. the dev
/// accuracy of a run per epoch: `▁▄▆▇▇██`.
///
/// Value v is drawn with block `round(7 × (v − low) / (high − low))`, where low…high is
/// `range` or the range of the finite values. Missing values (NaN, infinite) are spaces;
/// when all finite values are equal they are drawn as `▄`. With `width`, a longer
/// sequence is cut into `width` buckets of (nearly) equal length, each drawn with the mean
/// of its finite values. One character is one terminal column.
public struct Sparkline: Sendable, Equatable {
    public static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public var values: [Double]
    /// The values drawn as the lowest and highest block; `nil` uses the data's range.
    /// Values outside it are drawn as the nearest end.
    public var range: ClosedRange<Double>?

    public init(_ values: [Double], range: ClosedRange<Double>? = nil) {
        self.values = values
        self.range = range
    }

    /// The sparkline, at most `width` characters (all values when `nil`).
    /// Precondition: `width`, when given, is positive.
    public func render(width: Int? = nil) -> String {
        precondition(width.map { $0 > 0 } ?? true, "sparkline width must be positive")
        let drawn = width.map { Self.buckets(values, count: $0) } ?? values
        let finite = drawn.filter(\.isFinite)
        let low = range?.lowerBound ?? finite.min() ?? 0
        let high = range?.upperBound ?? finite.max() ?? 0
        return String(
            drawn.map { value -> Character in
                guard value.isFinite else { return " " }
                guard high > low, (high - low).isFinite else { return Self.blocks[3] }
                let level = ((min(high, max(low, value)) - low) / (high - low) * 7).rounded()
                return Self.blocks[Int(level)]
            })
    }

    /// `values` averaged into `count` buckets (unchanged when there are no more values
    /// than buckets); bucket i holds values ⌊i·n/count⌋ ..< ⌊(i+1)·n/count⌋.
    static func buckets(_ values: [Double], count: Int) -> [Double] {
        guard values.count > count else { return values }
        return (0..<count).map { bucket in
            let slice = values[(bucket * values.count / count)..<((bucket + 1) * values.count / count)]
            let finite = slice.filter(\.isFinite)
            return finite.isEmpty ? .nan : finite.reduce(0, +) / Double(finite.count)
        }
    }
}
