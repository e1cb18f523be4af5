import Testing

@testable import Charts

@Suite struct TickFormatTests {
    private func labels(_ format: TickFormat, _ values: [Double], step: Double) -> [String] {
        format.labels(for: values, step: NiceStep.atLeast(step))
    }

    @Test func numbersShareTheDecimalsOfTheStep() {
        #expect(labels(.number, [0, 0.5, 1], step: 0.5) == ["0.0", "0.5", "1.0"])
        #expect(labels(.number, [0, 0.25, 0.5], step: 0.25) == ["0.00", "0.25", "0.50"])
        #expect(labels(.number, [-20, 0, 20], step: 20) == ["-20", "0", "20"])
        #expect(labels(.number, [0.0001, 0.0002], step: 0.0001) == ["0.0001", "0.0002"])
    }

    @Test func percentagesScaleFractions() {
        #expect(labels(.percent, [0.9, 0.925, 0.95], step: 0.025) == ["90.0%", "92.5%", "95.0%"])
        #expect(labels(.percent, [0, 0.5, 1], step: 0.5) == ["0%", "50%", "100%"])
        #expect(labels(.percent, [0.9, 0.9001], step: 0.0001) == ["90.00%", "90.01%"])
    }

    @Test func siPrefixesCounts() {
        #expect(labels(.si, [0, 2000, 4000], step: 2000) == ["0", "2k", "4k"])
        #expect(labels(.si, [0, 2500, 5000], step: 2500) == ["0", "2.5k", "5.0k"])
        #expect(labels(.si, [1_000_000, 1_500_000], step: 500_000) == ["1.0M", "1.5M"])
        #expect(labels(.si, [100, 200, 300], step: 100) == ["100", "200", "300"])
        #expect(labels(.si, [0, 2e9], step: 2e9) == ["0", "2G"])
    }

    @Test func largeAndTinyNumbersGoScientific() {
        #expect(labels(.number, [1e12, 2e12, 3e12], step: 1e12) == ["10¹²", "2×10¹²", "3×10¹²"])
        #expect(labels(.number, [0, 5e11, 1e12], step: 5e11) == ["0", "0.5×10¹²", "1.0×10¹²"])
        #expect(labels(.number, [-3e-7, 0, 3e-7], step: 1e-7) == ["-3×10⁻⁷", "0", "3×10⁻⁷"])
        #expect(labels(.number, [2.5e-7, 5e-7], step: 2.5e-7) == ["2.5×10⁻⁷", "5.0×10⁻⁷"])
        #expect(labels(.si, [1e15, 2e15], step: 1e15) == ["10¹⁵", "2×10¹⁵"])
    }

    @Test func logTicksAreLabelledOneByOne() {
        func label(_ format: TickFormat, _ mantissa: Int, _ exponent: Int) -> String {
            format.label(for: LogTicks.Tick(mantissa: mantissa, exponent: exponent))
        }
        #expect(label(.si, 1, 3) == "1k")
        #expect(label(.si, 5, 0) == "5")
        #expect(label(.si, 2, 6) == "2M")
        #expect(label(.number, 1, 3) == "1000")
        #expect(label(.number, 1, 6) == "10⁶")
        #expect(label(.number, 2, -5) == "2×10⁻⁵")
        #expect(label(.number, 5, -3) == "0.005")
        #expect(label(.number, 3, -1) == "0.3")
        #expect(label(.percent, 1, -1) == "10%")
        #expect(label(.percent, 5, -3) == "0.5%")
    }

    @Test func superscriptsWriteSignedExponents() {
        #expect(superscript(0) == "⁰")
        #expect(superscript(12) == "¹²")
        #expect(superscript(-305) == "⁻³⁰⁵")
    }
}
