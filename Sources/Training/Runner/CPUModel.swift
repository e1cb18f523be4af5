import Engine

/// The processor, as `/proc/cpuinfo` names it: one of the things a run's rounding
/// depends on (OpenBLAS picks its kernels by it).
enum CPUModel {
    /// The first `model name` line's value; nil where there is no such file or line.
    static let current: String? = model(inCPUInfo: CPUInfo.text)

    static func model(inCPUInfo text: String) -> String? { CPUInfo.value(of: "model name", in: text) }
}
