import Engine
import Foundation
import TestSupport
import Testing

/// `tracker run` warns of OpenBLAS fallback kernels exactly when this machine's detection
/// is one on a CPU with AVX2 or AVX-512F, judged from what the run recorded it used.
@Suite(
    "tracker run: the fallback-kernel warning",
    .enabled(if: RealDatasets.mnist != nil, RealDatasets.skipReason))
struct KernelWarningCommandTests {
    let arguments = ["run", "--hidden", "8", "--epochs", "1", "--train-limit", "100", "--threads", "1", "--quiet"]

    @Test func warnsOnlyWhenOpenBLASFellBackByItself() throws {
        let sandbox = try TrackerSandbox()
        let unset = try TrackerProcess.runWithoutKernelChoice(
            arguments + ["--db", sandbox.database], in: sandbox.directory.path,
            environment: ["TRACKER_DATA": RealDatasets.root ?? ""])
        let kernel = try #require(try sandbox.value("SELECT blas_core FROM runs WHERE id = 1")?.string)
        let cpuInfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let expected = BLASKernelCheck.warning(
            kernel: kernel, cpuFlags: BLASKernelCheck.cpuFlags(inCPUInfo: cpuInfo), coreTypeIsSet: false)
        #expect(unset.status == 0)
        #expect(unset.stderr == (expected.map { "Warning: \($0)\n" } ?? ""), "kernel \(kernel)")
        // The same kernel chosen by name: no warning.
        let chosen = try TrackerProcess.run(
            arguments + ["--db", sandbox.database], in: sandbox.directory.path,
            environment: ["TRACKER_DATA": RealDatasets.root ?? "", "OPENBLAS_CORETYPE": kernel])
        #expect(chosen.status == 0 && chosen.stderr == "")
    }
}
