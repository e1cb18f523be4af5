import Foundation

/// How the benchmarks print their figures.
public enum Figures {
    /// `value` with two decimals, or none from 100 on: `0.42`, `12.35`, `1234`.
    public static func format(_ value: Double) -> String {
        String(format: abs(value) >= 100 ? "%.0f" : "%.2f", value)
    }

    /// `value` with a fixed number of decimals: `fixed(3.14159, 1)` is `3.1`.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    /// `label: value unit  (detail)`, indented by `indent` spaces.
    public static func line(_ label: String, _ value: Double, _ unit: String, detail: String, indent: Int = 0)
        -> String
    {
        String(repeating: " ", count: indent) + "\(label): \(format(value)) \(unit)  (\(detail))"
    }

    /// `  label: median ms  (min … ms, mean … ms)`, for timings of calls that take
    /// milliseconds.
    public static func milliseconds(_ label: String, _ timings: Timings) -> String {
        let detail = "min \(format(timings.minimum * 1000)) ms, mean \(format(timings.mean * 1000)) ms"
        return line(label, timings.median * 1000, "ms", detail: detail, indent: 2)
    }

    /// A byte count in megabytes (10⁶ bytes): `9.9 MB`.
    public static func megabytes(_ bytes: Int) -> String {
        fixed(Double(bytes) / 1e6, 1) + " MB"
    }
}

extension String {
    /// The text followed by spaces up to `width` characters, for a column read from the left.
    public func leftAligned(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// The text preceded by spaces up to `width` characters, for a column of numbers.
    public func rightAligned(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
