import Foundation

/// `/proc/cpuinfo`, read once: the processor's name and features decide which OpenBLAS
/// kernels run, and so a run's rounding.
public enum CPUInfo {
    /// The file's text; empty where there is no such file.
    public static let text: String = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""

    /// The value of the first `key` line that has a colon, trimmed; nil where there is none.
    public static func value(of key: String, in text: String) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix(key) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
