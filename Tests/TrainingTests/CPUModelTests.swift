import Testing

@testable import Training

/// The CPU model a run records beside its BLAS kernel: the first `model name` of
/// `/proc/cpuinfo`, as Linux writes it.
@Suite struct CPUModelTests {
    @Test func theFirstModelNameIsTheModel() {
        let text = """
            processor\t: 0
            vendor_id\t: GenuineIntel
            cpu family\t: 6
            model\t\t: 207
            model name\t: Intel(R) Xeon(R) Processor
            flags\t\t: fpu vme avx2 avx512f

            processor\t: 1
            model name\t: Another: with a colon
            """
        #expect(CPUModel.model(inCPUInfo: text) == "Intel(R) Xeon(R) Processor")
    }

    @Test func aValueMayHoldColons() {
        #expect(CPUModel.model(inCPUInfo: "model name\t: ARM: Cortex-A72 r0p3\n") == "ARM: Cortex-A72 r0p3")
    }

    /// Some architectures' cpuinfo has no `model name` (or a line without its colon): nothing is recorded.
    @Test func withoutAModelNameNothingIsRecorded() {
        #expect(CPUModel.model(inCPUInfo: "processor\t: 0\nmodel\t\t: 207\n") == nil)
        #expect(CPUModel.model(inCPUInfo: "model name without a colon\n") == nil)
        #expect(CPUModel.model(inCPUInfo: "") == nil)
    }
}
