import Store
import TestSupport
import Testing
import TrackerFixtures

@testable import Plots
@testable import RunQueries

/// The lines drawn from the curves read from the fixture's runs.
@Suite struct CurvePointTests {
    let fixture: ScratchStore

    init() throws {
        fixture = try ScratchStore(contents: CompareFixture.write)
    }

    @Test func pointsCarryTheMeanAndTheDeviationAsTheirBand() throws {
        let curves = try GroupCurves.load(
            groups: [.attribute(.activation)],
            selection: RunSelection(
                experiments: ["activation"], status: .only(.completed),
                conditions: [try ConditionParser.parse("architecture=128-128")]),
            store: fixture.store)
        let tanh = try #require(curves.first { $0.values == ["tanh"] })
        let points = tanh.points(.accuracy(.dev))
        #expect(points.map(\.x) == [1, 2])
        let first = meanAndDeviation([0.93, 0.90])
        #expect(isClose(points[0].y, first.mean) && isClose(points[0].spread, first.deviation))
        let second = meanAndDeviation([0.9257, 0.9260])
        #expect(isClose(points[1].y, second.mean) && isClose(points[1].spread, second.deviation))
    }

    @Test func aDivergedRunsLossThatWasNotFiniteIsAGapInItsLine() throws {
        let runs = try RunCurves.load(groups: [], selection: RunSelection(), runIDs: [20], store: fixture.store)
        #expect(runs.count == 1)
        #expect(runs[0].id == 20 && runs[0].seed == 4 && runs[0].status == .diverged && runs[0].epochs == [1, 2])
        #expect(runs[0].measures[.loss(.train)] == [0.4, nil])
        let points = runs[0].points(.loss(.train))
        #expect(points[0].y == 0.4 && points[1].y.isNaN)
        #expect(runs[0].measures[.accuracy(.dev)] == [0.55, 0.1])
    }
}
