import Testing

@testable import Charts

@Suite struct NiceTicksTests {
    @Test(
        arguments: [
            (0.2, 2, -1), (1.0 / 5, 2, -1), (0.21, 2.5, -1), (3, 5, 0), (7, 1, 1), (0.0003, 5, -4),
            (2.5e11, 2.5, 11), (1, 1, 0), (0.55, 1, 0),
        ] as [(Double, Double, Int)])
    func smallestNiceStepAtLeastTheMinimum(minimum: Double, mantissa: Double, exponent: Int) {
        let step = NiceStep.atLeast(minimum)
        #expect(step.mantissa == mantissa)
        #expect(step.exponent == exponent)
    }

    @Test func stepsAdvanceOneTwoTwoAndAHalfFive() {
        var step = NiceStep.atLeast(0.1)
        var values: [Double] = []
        for _ in 0..<6 {
            values.append(step.value)
            step = step.next
        }
        #expect(values == [0.1, 0.2, 0.25, 0.5, 1, 2])
    }

    @Test func multiplesAreTheNearestDoublesToTheDecimals() {
        let tenth = NiceStep.atLeast(0.1)
        #expect(tenth.multiple(3) == 0.3)
        #expect(tenth.multiple(7) == 0.7)
        #expect(NiceStep.atLeast(0.25).multiple(3) == 0.75)
        #expect(NiceStep.atLeast(2e-7).multiple(-3) == -6e-7)
    }

    @Test(arguments: [(0.25, 2), (2.5, 1), (25, 0), (0.5, 1), (500, 0), (0.002, 3)])
    func decimalsNeededByAStep(step: Double, decimals: Int) {
        #expect(NiceStep.atLeast(step).decimals == decimals)
    }

    @Test(arguments: [
        (1.0, 0), (9.999, 0), (10.0, 1), (0.1, -1), (0.099, -2), (8000.0, 3), (1e300, 300), (3e-300, -300),
        (Double.leastNonzeroMagnitude, -324),
    ])
    func decadeExponentBracketsTheValue(value: Double, expected: Int) {
        #expect(decadeExponent(of: value) == expected)
    }

    @Test func extendedTicksCoverTheRangeWithNiceEnds() {
        func ticks(_ low: Double, _ high: Double, _ intervals: Int, whole: Bool = false) -> [Double] {
            LinearTicks.choose(lower: low, upper: high, maxIntervals: intervals, wholeNumbers: whole, fit: .extend)
                .values
        }
        #expect(ticks(0, 1, 5) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(ticks(-7.3, -2.1, 4) == [-8, -6, -4, -2])
        #expect(ticks(0, 10, 4) == [0, 2.5, 5, 7.5, 10])
        #expect(ticks(0, 10, 4, whole: true) == [0, 5, 10])
        #expect(ticks(0.06, 2.3, 4) == [0, 1, 2, 3])
        #expect(ticks(1e-9, 3.4e-9, 4) == [1e-9, 2e-9, 3e-9, 4e-9])
        #expect(ticks(1.2e12, 3.4e12, 4) == [1e12, 2e12, 3e12, 4e12])
    }

    @Test func insideTicksStayInTheRangeDespiteRounding() {
        func ticks(_ low: Double, _ high: Double, _ intervals: Int, whole: Bool = false) -> [Double] {
            LinearTicks.choose(lower: low, upper: high, maxIntervals: intervals, wholeNumbers: whole, fit: .inside)
                .values
        }
        // 0.3 / 0.1 = 2.9999999999999996 and 0.9 / 0.1 = 9.000000000000002.
        #expect(ticks(0.3, 0.9, 6) == [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
        #expect(ticks(0.82, 20.18, 5, whole: true) == [5, 10, 15, 20])
        #expect(ticks(2.7, 3.3, 4, whole: true) == [3])
        #expect(ticks(2.2, 2.8, 4, whole: true) == [])
    }

    @Test func logTicksPickTheDensestSetThatFits() {
        func major(_ low: Double, _ high: Double, _ count: Int) -> [Double] {
            LogTicks.choose(lower: low, upper: high, maxTicks: count).major.map(\.value)
        }
        #expect(major(1, 8000, 6) == [1, 10, 100, 1000])
        #expect(major(10, 200, 6) == [10, 20, 50, 100, 200])
        #expect(major(30, 70, 6) == [30, 40, 50, 60, 70])
        #expect(major(1e-6, 1e6, 6) == [1e-6, 1e-3, 1, 1e3, 1e6])
        #expect(major(31, 39, 6) == [])
    }

    @Test func logMinorTicksFillTheGaps() {
        let decades = LogTicks.choose(lower: 1, upper: 100, maxTicks: 3)
        #expect(decades.major.map(\.value) == [1, 10, 100])
        #expect(decades.minor.map(\.value) == [2, 3, 4, 5, 6, 7, 8, 9, 20, 30, 40, 50, 60, 70, 80, 90])
        let oneTwoFive = LogTicks.choose(lower: 10, upper: 200, maxTicks: 6)
        #expect(oneTwoFive.minor.map(\.value) == [30, 40, 60, 70, 80, 90])
    }

    @Test func logBoundsRoundToOneTwoFive() {
        #expect(LogTicks.niceBounds(lower: 0.0006, upper: 8000) == (5e-4, 1e4))
        #expect(LogTicks.niceBounds(lower: 10, upper: 160) == (10, 200))
        #expect(LogTicks.niceBounds(lower: 0.95, upper: 0.99) == (0.5, 1))
        #expect(LogTicks.niceBounds(lower: 3, upper: 3) == (2, 5))
    }
}
