import TestSupport
import Testing
import TextOutput

@testable import RunQueries

/// The incomplete beta function, Student's t and Welch's test against scipy 1.x.
@Suite struct StatisticsTests {
    /// python3 -c "from scipy import special; print(repr(special.betainc(a, b, x)))"
    @Test(arguments: [
        (0.5, 0.5, 0.3, 0.36901011956554536),
        (2, 3, 0.4, 0.5247999999999999),
        (5, 0.5, 0.9, 0.3166429150200122),
        (0.5, 5, 0.01, 0.24284189089843747),
        (10, 0.5, 0.99, 0.6579281751567845),
        (1.5, 0.5, 0.2, 0.04051932635383402),
        (50, 0.5, 0.95, 0.02387270549699076),
    ])
    func incompleteBeta(a: Double, b: Double, x: Double, expected: Double) {
        #expect(isClose(IncompleteBeta.regularized(x: x, a: a, b: b), expected, tolerance: 1e-13))
    }

    @Test func incompleteBetaEnds() {
        #expect(IncompleteBeta.regularized(x: 0, a: 2, b: 3) == 0)
        #expect(IncompleteBeta.regularized(x: 1, a: 2, b: 3) == 1)
        // I_x(1, 1) = x: the uniform distribution.
        #expect(isClose(IncompleteBeta.regularized(x: 0.3, a: 1, b: 1), 0.3, tolerance: 1e-15))
    }

    /// python3 -c "from scipy import stats; print(repr(stats.t.ppf(0.975, df)))"
    @Test(arguments: [
        (1, 12.706204736174694), (2, 4.302652729749462), (3, 3.1824463052837078), (4, 2.7764451051977934),
        (9, 2.262157162798205), (29, 2.045229642132703), (99, 1.9842169515864174), (999, 1.9623414611334493),
        (2.5, 3.5746548420036817),
    ])
    func tQuantile(degrees: Double, expected: Double) {
        #expect(isClose(StudentT.quantile(0.975, degreesOfFreedom: degrees), expected, tolerance: 1e-11))
    }

    /// python3 -c "from scipy import stats; print(repr(2 * stats.t.sf(abs(t), df)))"
    @Test(arguments: [
        (2.5, 3.7, 0.07182202291182678), (0.3, 12.2, 0.769227415969551), (-4.1, 1.5, 0.08675998650783838),
        (10.0, 40.0, 1.9313117004115506e-12),
    ])
    func twoSidedTail(t: Double, degrees: Double, expected: Double) {
        let p = StudentT.twoSidedTail(t, degreesOfFreedom: degrees)
        #expect(abs(p - expected) <= 1e-11 * expected)
    }

    @Test func quantileInvertsTheTail() {
        for degrees in [1.0, 3.3, 17, 250] {
            let t = StudentT.quantile(0.975, degreesOfFreedom: degrees)
            #expect(isClose(StudentT.twoSidedTail(t, degreesOfFreedom: degrees), 0.05, tolerance: 1e-12))
        }
    }

    /// python3 -c "from scipy import stats; r = stats.ttest_ind([0.9266, 0.9270], [0.9170, 0.9180],
    ///     equal_var=False); print(repr(r.statistic), repr(r.pvalue))"
    @Test func welchAgainstScipy() throws {
        let test = try #require(WelchTest(SampleSummary([0.9266, 0.9270]), against: SampleSummary([0.9170, 0.9180])))
        #expect(isClose(test.t, 17.26966645046557, tolerance: 1e-9))
        #expect(isClose(test.p, 0.01655125900554002, tolerance: 1e-12))
        #expect(isClose(test.difference, 0.0093, tolerance: 1e-12))
    }

    /// Welch by hand: x̄ = 1, s² = 1, n = 4 against x̄ = 0, s² = 4, n = 4 gives
    /// t = 1 / √(1/4 + 4/4) = 0.894427191 and ν = 1.25² / ((1/16 + 1)/3) = 4.411764706.
    @Test func welchByHand() throws {
        let test = try #require(
            WelchTest(
                SampleSummary(count: 4, mean: 1, standardDeviation: 1),
                against: SampleSummary(count: 4, mean: 0, standardDeviation: 2)))
        #expect(isClose(test.t, 1 / 1.25.squareRoot(), tolerance: 1e-15))
        #expect(isClose(test.degreesOfFreedom, 1.5625 / (17.0 / 48), tolerance: 1e-14))
        // python3 -c "from scipy import stats; print(repr(2 * stats.t.sf(1 / 1.25 ** 0.5, 1.5625 / (17 / 48))))"
        #expect(isClose(test.p, 0.41721467779434035, tolerance: 1e-12))
    }

    @Test func welchNeedsSpread() {
        let one = SampleSummary([0.9])
        let two = SampleSummary([0.9, 0.92])
        let flat = SampleSummary([0.9, 0.9])
        #expect(WelchTest(one, against: two) == nil)
        #expect(WelchTest(two, against: one) == nil)
        #expect(WelchTest(flat, against: flat) == nil)
        // One flat group: ν = n − 1 of the other.
        #expect(WelchTest(two, against: flat)?.degreesOfFreedom == 1)
    }

    @Test func summaryIsTwoPass() throws {
        let equal = SampleSummary([0.895, 0.895, 0.895])
        #expect(equal.standardDeviation == 0)
        let summary = SampleSummary([2, 4, 4, 4, 5, 5, 7, 9])
        #expect(summary.mean == 5)
        #expect(isClose(summary.standardDeviation, (32.0 / 7).squareRoot(), tolerance: 1e-15))
        #expect(SampleSummary([0.5]).standardDeviation == nil)
        #expect(SampleSummary([0.5]).confidenceInterval() == nil)
    }

    /// python3 -c "import numpy as np; from scipy import stats; x = np.array([0.9266, 0.9270, 0.9262]);
    ///     h = stats.t.ppf(0.975, 2) * x.std(ddof=1) / np.sqrt(3); print(repr(x.mean() - h), repr(x.mean() + h))"
    @Test func confidenceInterval() throws {
        let interval = try #require(SampleSummary([0.9266, 0.9270, 0.9262]).confidenceInterval(level: 0.95))
        #expect(isClose(interval.lowerBound, 0.9256063449152999, tolerance: 1e-12))
        #expect(isClose(interval.upperBound, 0.9275936550847003, tolerance: 1e-12))
    }

    /// Near 100%, t's symmetric interval passes 1 for few runs: an accuracy's is clipped
    /// there. x̄ = 0.9987, s = √(2 · 0.0002²) = 0.000283, s/√2 = 0.0002, t(0.975, 1) =
    /// 12.7062047361747: 0.9987 ± 0.00254124.
    @Test func intervalsOfAccuraciesStayWithinZeroAndOne() throws {
        let summary = SampleSummary([0.9989, 0.9985])
        let open = try #require(summary.confidenceInterval(level: 0.95))
        #expect(isClose(open.upperBound, 0.9987 + 12.7062047361747 * 0.0002, tolerance: 1e-9))
        let clipped = try #require(summary.confidenceInterval(level: 0.95, within: 0...1))
        #expect(clipped.upperBound == 1)
        #expect(isClose(clipped.lowerBound, 0.9987 - 12.7062047361747 * 0.0002, tolerance: 1e-9))
        let low = try #require(SampleSummary([0.001, 0.002]).confidenceInterval(level: 0.95, within: 0...1))
        #expect(low.lowerBound == 0 && isClose(low.upperBound, 0.0015 + 12.7062047361747 * 0.0005, tolerance: 1e-9))
    }
}
