import Testing

@testable import Engine

/// When `tracker run` warns that OpenBLAS picked kernels older than the CPU.
@Suite struct BLASKernelCheckTests {
    let avx512: Set<String> = ["sse3", "avx", "avx2", "avx512f"]

    @Test func aFallbackKernelOnAnAVX512CPUSuggestsSkylakeX() {
        #expect(
            BLASKernelCheck.warning(kernel: "Prescott", cpuFlags: avx512, coreTypeIsSet: false)
                == "OpenBLAS picked its Prescott kernels although this CPU has AVX2 and AVX-512F, "
                + "so training runs several times slower; set OPENBLAS_CORETYPE=SkylakeX to use them "
                + "(results then differ bit-wise from runs on another kernel)")
        #expect(
            BLASKernelCheck.warning(kernel: "Core2", cpuFlags: ["sse3", "avx2"], coreTypeIsSet: false)
                == "OpenBLAS picked its Core2 kernels although this CPU has AVX2, "
                + "so training runs several times slower; set OPENBLAS_CORETYPE=Haswell to use them "
                + "(results then differ bit-wise from runs on another kernel)")
        #expect(BLASKernelCheck.warning(kernel: "Nehalem", cpuFlags: avx512, coreTypeIsSet: false) != nil)
        #expect(BLASKernelCheck.warning(kernel: "Katmai", cpuFlags: avx512, coreTypeIsSet: false) != nil)
    }

    @Test func noWarningWhenTheKernelFitsTheCPUOrWasChosen() {
        #expect(BLASKernelCheck.warning(kernel: "SkylakeX", cpuFlags: avx512, coreTypeIsSet: false) == nil)
        #expect(BLASKernelCheck.warning(kernel: "Haswell", cpuFlags: avx512, coreTypeIsSet: false) == nil)
        #expect(BLASKernelCheck.warning(kernel: "Zen", cpuFlags: ["avx2"], coreTypeIsSet: false) == nil)
        #expect(BLASKernelCheck.warning(kernel: "Prescott", cpuFlags: avx512, coreTypeIsSet: true) == nil)
        #expect(BLASKernelCheck.warning(kernel: "Prescott", cpuFlags: ["sse3", "avx"], coreTypeIsSet: false) == nil)
    }

    @Test func flagsAreTheFirstFlagsLinesWords() {
        let info = "processor\t: 0\nmodel name\t: Intel(R) Xeon(R)\nflags\t\t: fpu sse3 avx2 avx512f\nflags\t: other\n"
        #expect(BLASKernelCheck.cpuFlags(inCPUInfo: info) == ["fpu", "sse3", "avx2", "avx512f"])
        #expect(BLASKernelCheck.cpuFlags(inCPUInfo: "model name : x\n") == [])
    }
}
