import Testing

@testable import Charts

@Suite struct AxisScaleTests {
    private func scale(
        _ axis: Axis, _ values: [Double], fit: AxisScale.Fit = .nice, maxTicks: Int = 5
    ) -> AxisScale {
        AxisScale(axis: axis, values: values, fit: fit, maxTicks: maxTicks)
    }

    private func scale(_ values: [Double]) -> AxisScale { scale(Axis("y"), values) }

    @Test func niceFitStartsAndEndsOnTicks() {
        let loss = scale(Axis("loss"), [0.06, 2.3])
        #expect((loss.lower, loss.upper) == (0, 3))
        #expect(loss.ticks.map(\.label) == ["0", "1", "2", "3"])
        let negative = scale([-7.3, -2.1])
        #expect((negative.lower, negative.upper) == (-8, -2))
        #expect(negative.ticks.map(\.label) == ["-8", "-6", "-4", "-2"])
    }

    @Test func allEqualValuesGetATenPercentRange() {
        let flat = scale([0.5, 0.5, 0.5])
        #expect((flat.lower, flat.upper) == (0.45, 0.55))
        #expect(flat.ticks.map(\.label) == ["0.450", "0.475", "0.500", "0.525", "0.550"])
        // Rounding noise is not a range: 0.1 + 0.2 and 0.3 differ by 5.6e-17. The range
        // 0.27…0.33 then widens to the multiples of 0.02 around it.
        let noisy = scale([0.1 + 0.2, 0.3])
        #expect((noisy.lower, noisy.upper) == (0.26, 0.34))
    }

    @Test func aSingleZeroOrNothingStillGivesAnAxis() {
        let zero = scale([0])
        #expect((zero.lower, zero.upper) == (-1, 1))
        #expect(zero.ticks.map(\.label) == ["-1.0", "-0.5", "0.0", "0.5", "1.0"])
        let empty = scale([])
        #expect((empty.lower, empty.upper) == (0, 1))
        let emptyLog = scale(Axis("y", scale: .log), [])
        #expect((emptyLog.lower, emptyLog.upper) == (1, 10))
        let subnormal = scale([Double.leastNonzeroMagnitude, Double.leastNonzeroMagnitude * 3])
        #expect((subnormal.lower, subnormal.upper) == (-1, 1))
    }

    @Test func tinyAndHugeRangesKeepTheirMagnitude() {
        let tiny = scale([1e-9, 3.4e-9])
        #expect(tiny.ticks.map(\.value) == [1e-9, 2e-9, 3e-9, 4e-9])
        #expect(tiny.ticks.map(\.label) == ["10⁻⁹", "2×10⁻⁹", "3×10⁻⁹", "4×10⁻⁹"])
        let huge = scale([1.2e12, 3.4e12])
        #expect(huge.ticks.map(\.label) == ["10¹²", "2×10¹²", "3×10¹²", "4×10¹²"])
    }

    @Test func paddedFitLeavesTwoPercentAndTicksInside() {
        let epochs = scale(Axis("epoch", format: .integer), [1, 20], fit: .padded, maxTicks: 5)
        #expect(abs(epochs.lower - 0.62) < 1e-12)
        #expect(abs(epochs.upper - 20.38) < 1e-12)
        #expect(epochs.ticks.map(\.label) == ["5", "10", "15", "20"])
        let single = scale(Axis("epoch", format: .integer), [3], fit: .padded)
        #expect(single.ticks.map(\.label) == ["3"])
    }

    @Test func fixedDomainIsKeptWhateverTheData() {
        let axis = Axis("accuracy", format: .percent, domain: 0.9...1)
        let fixed = scale(axis, [0.2, 0.97], fit: .nice)
        #expect((fixed.lower, fixed.upper) == (0.9, 1))
        #expect(fixed.ticks.map(\.label) == ["90.0%", "92.5%", "95.0%", "97.5%", "100.0%"])
        #expect(!fixed.contains(0.2))
        #expect(fixed.contains(0.97))
    }

    @Test func logAxesWidenToOneTwoFiveAndMapDecadesEvenly() {
        let batch = scale(Axis("batch size", scale: .log, format: .si), [10, 160], fit: .nice, maxTicks: 6)
        #expect((batch.lower, batch.upper) == (10, 200))
        #expect(batch.ticks.map(\.label) == ["10", "20", "50", "100", "200"])
        let wide = scale(Axis("n", scale: .log, format: .si), [1, 10_000], fit: .nice, maxTicks: 6)
        #expect(wide.ticks.map(\.label) == ["1", "10", "100", "1k", "10k"])
        #expect(abs(wide.fraction(100) - 0.5) < 1e-12)
        #expect(wide.fraction(-5) == 0)
        #expect(wide.minorTicks.count == 32)
    }

    @Test func narrowLogRangesFallBackToLinearTicks() {
        let narrow = scale(Axis("n", scale: .log), [31, 39], fit: .padded, maxTicks: 5)
        #expect(narrow.ticks.map(\.label) == ["32.5", "35.0", "37.5"])
        #expect(narrow.minorTicks.isEmpty)
    }

    @Test func plottableValuesExcludeNonFiniteHugeAndNonPositiveOnLog() {
        #expect(AxisScale.isPlottable(-3, on: .linear))
        #expect(!AxisScale.isPlottable(.nan, on: .linear))
        #expect(!AxisScale.isPlottable(-.infinity, on: .linear))
        #expect(!AxisScale.isPlottable(2e300, on: .linear))
        #expect(!AxisScale.isPlottable(0, on: .log))
        #expect(!AxisScale.isPlottable(-1, on: .log))
        #expect(!AxisScale.isPlottable(1e-300, on: .log))
        #expect(AxisScale.isPlottable(1e-12, on: .log))
    }

    @Test func axisTitlesJoinLabelAndUnit() {
        #expect(Axis("loss", unit: "nats").title == "loss (nats)")
        #expect(Axis("loss").title == "loss")
        #expect(Axis("loss", unit: "").title == "loss")
        #expect(Axis("", unit: "s").title == "s")
    }
}
