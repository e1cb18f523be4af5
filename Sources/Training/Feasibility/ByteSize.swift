import Foundation

/// Sizes in bytes as users write them and as messages print them.
public enum ByteSize {
    /// `8000000000`, `16GB`, `1.5 GB`, `512MiB`, `64k`: decimal units (`k`, `M`, `G`, `T`,
    /// with or without `B`) as messages print them, and binary ones (`KiB`, `MiB`, `GiB`,
    /// `TiB`). Nil for anything else, or a size that is not positive.
    public static func parse(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let match = trimmed.wholeMatch(of: /([0-9]+(?:\.[0-9]+)?) *([A-Za-z]*)/),
            let number = Double(match.1), number > 0,
            let scale = units[match.2.lowercased()]
        else { return nil }
        let bytes = number * scale
        return bytes.isFinite && bytes >= 1 ? bytes : nil
    }

    private static let units: [String: Double] = [
        "": 1, "b": 1,
        "k": 1e3, "kb": 1e3, "m": 1e6, "mb": 1e6, "g": 1e9, "gb": 1e9, "t": 1e12, "tb": 1e12,
        "kib": 0x1p10, "mib": 0x1p20, "gib": 0x1p30, "tib": 0x1p40,
    ]

    /// `80.4 GB`, `950.3 MB`, `512 B`: decimal units, as `tracker data` prints downloads,
    /// each figure in the unit that shows it below 1000 once rounded (`1.0 GB`, not
    /// `1000.0 MB`, for 999,999,936 bytes).
    public static func text(_ bytes: Double) -> String {
        if bytes < 999.5 { return String(format: "%.0f B", bytes) }
        for (scale, unit) in [(1e3, "kB"), (1e6, "MB"), (1e9, "GB")] where bytes / scale < 999.95 {
            return String(format: "%.1f %@", bytes / scale, unit)
        }
        return String(format: "%.1f TB", bytes / 1e12)
    }
}

/// A size in an environment variable that is not one.
public struct ByteSizeError: Error, Hashable, Sendable, CustomStringConvertible {
    public let variable: String
    public let text: String

    public var description: String {
        "\(variable)=\(text): expected a size such as 16GB, 512MiB or 8000000000 (bytes)"
    }
}
