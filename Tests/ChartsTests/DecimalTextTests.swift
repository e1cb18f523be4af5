import Testing

@testable import Charts

@Suite struct DecimalTextTests {
    @Test(arguments: [
        (0.125, 2, "0.13"), (-0.125, 2, "-0.13"), (2.5, 0, "3"), (-2.5, 0, "-3"), (0.00001, 5, "0.00001"),
        (1e-5, 2, "0.00"), (-0.001, 2, "0.00"), (-0.0, 1, "0.0"), (1234.5, 1, "1234.5"), (0.05, 3, "0.050"),
        (7, 0, "7"), (-12.345, 2, "-12.35"),
    ])
    func fixedWritesExactlyTheDecimals(value: Double, decimals: Int, expected: String) {
        #expect(DecimalText.fixed(value, decimals: decimals) == expected)
    }

    @Test(arguments: [
        (1.5, "1.5"), (2.0, "2"), (0.1 + 0.2, "0.3"), (-0.004, "0"), (-0.0, "0"), (1e-5, "0"), (-3.25, "-3.25"),
        (100.0, "100"), (640.005, "640.01"), (123_456.789, "123456.79"),
    ])
    func compactDropsTrailingZerosAndNegativeZero(value: Double, expected: String) {
        #expect(DecimalText.compact(value, maxDecimals: 2) == expected)
    }

    @Test func powersOfTenAreExactWhereRepresentable() {
        #expect(power10(0) == 1)
        #expect(power10(3) == 1000)
        #expect(power10(22) == 1e22)
        #expect(power10(-1) == 0.1)
        #expect(power10(-5) == 1e-5)
        #expect(power10(25) == 1e22 * 1000)
    }
}
