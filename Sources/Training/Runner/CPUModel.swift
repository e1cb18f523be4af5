import Foundation

/// The processor, as `/proc/cpuinfo` names it: one of the things a run's rounding
/// depends on (OpenBLAS picks its kernels by it).
enum CPUModel {
    /// The first `model name` line's value; nil where there is no such file or line.
    static let current: String? = {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return nil }
        return model(inCPUInfo: text)
    }()

    static func model(inCPUInfo text: String) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return nil
    }
}
