import Foundation

/// Whether OpenBLAS fell back to kernels older than the CPU: its CPU detection misses some
/// processors (virtual machines report models it does not know) and then picks SSE-era
/// kernels on a CPU with AVX2 or AVX-512, which trains several times slower, silently.
public enum BLASKernelCheck {
    /// OpenBLAS x86 kernels (`openblas_get_corename`) that use neither AVX2 nor AVX-512.
    static let fallbackKernels: Set<String> = [
        "katmai", "coppermine", "northwood", "prescott", "banias", "atom", "core2", "penryn", "dunnington",
        "nehalem", "sandybridge", "opteron", "opteron_sse3", "barcelona", "bobcat", "athlon", "nano",
        "bulldozer", "piledriver", "steamroller",
    ]

    /// The warning for `kernel` on a CPU with `cpuFlags` (as `/proc/cpuinfo` spells them), or nil
    /// when the kernel suits the CPU or the user chose it (`coreTypeIsSet`).
    public static func warning(kernel: String, cpuFlags: Set<String>, coreTypeIsSet: Bool) -> String? {
        guard !coreTypeIsSet, fallbackKernels.contains(kernel.lowercased()) else { return nil }
        let features = [("avx2", "AVX2"), ("avx512f", "AVX-512F")].filter { cpuFlags.contains($0.0) }.map(\.1)
        guard let best = features.last else { return nil }
        let fix = best == "AVX-512F" ? "SkylakeX" : "Haswell"
        return "OpenBLAS picked its \(kernel) kernels although this CPU has \(features.joined(separator: " and ")), "
            + "so training runs several times slower; set OPENBLAS_CORETYPE=\(fix) to use them "
            + "(results then differ bit-wise from runs on another kernel)"
    }

    /// The warning for this process: the kernel OpenBLAS picked, this CPU's flags and
    /// whether `OPENBLAS_CORETYPE` is set.
    public static var here: String? {
        warning(
            kernel: BLAS.coreName, cpuFlags: cpuFlags(inCPUInfo: CPUInfo.text),
            coreTypeIsSet: ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] != nil)
    }

    /// The words of the first `flags` line; empty where there is none.
    public static func cpuFlags(inCPUInfo text: String) -> Set<String> {
        Set((CPUInfo.value(of: "flags", in: text) ?? "").split(separator: " ").map(String.init))
    }
}
