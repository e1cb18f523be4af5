import Foundation

/// Renders one line of progress, for downloads and training alike:
///
///     train-images-idx3-ubyte.gz [=========>              ]  41%  4.1/9.9 MB  3.2 MB/s
///     epoch 3 [======================> ]  96%  48000/50000 samples  41250 samples/s
///
/// Rendering is pure (amounts and elapsed time in, text out); `StatusLine` draws it.
public struct ProgressBar: Sendable {
    public enum Unit: Sendable, Hashable {
        /// Amounts in B, kB, MB, GB (powers of 1000), rate per second.
        case bytes
        /// Plain counts of a named thing ("samples"), rate per second.
        case items(String)
    }

    /// Characters between the brackets.
    public let width: Int
    public let unit: Unit

    public init(width: Int = 24, unit: Unit = .bytes) {
        precondition(width >= 2, "a bar needs room for its head")
        self.width = width
        self.unit = unit
    }

    /// The line for `completed` of `total` (nil when unknown) after `seconds`.
    public func render(label: String, completed: Int64, total: Int64?, seconds: Double) -> String {
        var line = label
        if let total, total > 0 {
            let fraction = min(1, max(0, Double(completed) / Double(total)))
            let percent = String(Int(fraction * 100))
            line += " [\(bar(fraction))] " + String(repeating: " ", count: 3 - percent.count) + percent + "%"
        }
        line += "  " + amount(completed, of: total.flatMap { $0 > 0 ? $0 : nil })
        if seconds > 0 {
            line += "  " + rate(Double(completed) / seconds)
        }
        return line
    }

    /// "512 B", "28.9 kB", "9.9 MB", "1.2 GB".
    public static func formatBytes(_ bytes: Int64) -> String {
        let (scale, suffix) = byteScale(bytes)
        return scale == 1 ? "\(bytes) B" : String(format: "%.1f %@", Double(bytes) / scale, suffix)
    }

    /// "3.2 MB/s" or "41250 samples/s".
    public func rate(_ perSecond: Double) -> String {
        switch unit {
        case .bytes: Self.formatBytes(Int64(perSecond.rounded())) + "/s"
        case .items(let name): "\(Int(perSecond.rounded())) \(name)/s"
        }
    }

    /// `=` for the part done, `>` for its head, spaces for the rest.
    private func bar(_ fraction: Double) -> String {
        let filled = Int(fraction * Double(width))
        if filled >= width { return String(repeating: "=", count: width) }
        return String(repeating: "=", count: filled) + ">" + String(repeating: " ", count: width - filled - 1)
    }

    /// "4.1/9.9 MB" (both in the total's unit), "4.1 MB" without a total, "300/500 samples".
    private func amount(_ completed: Int64, of total: Int64?) -> String {
        switch unit {
        case .items(let name):
            return total.map { "\(completed)/\($0) \(name)" } ?? "\(completed) \(name)"
        case .bytes:
            guard let total else { return Self.formatBytes(completed) }
            let (scale, suffix) = Self.byteScale(total)
            if scale == 1 { return "\(completed)/\(total) B" }
            return String(format: "%.1f/%.1f %@", Double(completed) / scale, Double(total) / scale, suffix)
        }
    }

    private static func byteScale(_ bytes: Int64) -> (Double, String) {
        switch bytes {
        case ..<1_000: (1, "B")
        case ..<1_000_000: (1e3, "kB")
        case ..<1_000_000_000: (1e6, "MB")
        default: (1e9, "GB")
        }
    }
}
