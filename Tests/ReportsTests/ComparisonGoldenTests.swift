import SQLite
import Store
import Testing
import TextOutput
import TrackerFixtures

@testable import Reports
@testable import RunQueries

/// The comparison of the fixture's `activation` experiment in every format, byte for
/// byte: the layout users and scripts rely on. The numbers themselves are checked
/// against independent values in `ComparisonTests`.
@Suite struct ComparisonGoldenTests {
    let fixture: ScratchStore

    init() throws {
        fixture = try ScratchStore(contents: CompareFixture.write)
    }

    func comparison(detail: StatisticsDetail = .basic, baseline: Baseline? = nil) throws -> Comparison {
        try Comparison(
            ComparisonRequest(
                groups: [.attribute(.architecture), .attribute(.activation)],
                selection: RunSelection(
                    status: .only(.completed), conditions: [try ConditionParser.parse("experiment=activation")]),
                detail: detail, baseline: baseline),
            store: fixture.store)
    }

    @Test(arguments: [
        (OutputFormat.csv, Self.csv), (.json, Self.json), (.jsonl, Self.jsonl), (.markdown, Self.markdown),
    ])
    func machineFormat(format: OutputFormat, golden: String) throws {
        #expect(format.render(try comparison().cellTable) == golden)
    }

    @Test func table() throws {
        #expect(try comparison().textTable.render(style: .plain) == Self.table)
    }

    @Test func fullStatisticsWithBaseline() throws {
        let comparison = try comparison(detail: .full, baseline: Baseline(keyIndex: 1, value: "relu"))
        #expect(comparison.textTable.render(style: .plain) == Self.fullWithBaseline)
        #expect(
            comparison.cellTable.columns == [
                "architecture", "activation", "runs", "train_mean", "train_std", "train_min", "train_max",
                "train_ci_low",
                "train_ci_high", "dev_mean", "dev_std", "dev_min", "dev_max", "dev_ci_low", "dev_ci_high", "test_mean",
                "test_std", "test_min", "test_max", "test_ci_low", "test_ci_high", "gap", "test_diff", "test_p",
            ])
    }

    @Test func colourKeepsTheAlignment() throws {
        let comparison = try comparison(detail: .full, baseline: Baseline(keyIndex: 1, value: "relu"))
        let coloured = comparison.textTable.render(style: TerminalStyle(usesColor: true, isTerminal: true))
        #expect(coloured.contains("\u{1B}[1marchitecture\u{1B}[0m"))
        // p = 0.017 for tanh against relu on 128-128 is below 0.05: green.
        #expect(coloured.contains("\u{1B}[32m0.017\u{1B}[0m"))
        #expect(coloured.replacing(#/\x1B\[[0-9]+m/#, with: "") == Self.fullWithBaseline)
    }

    static let table = """
        architecture  activation  runs       train %         dev %        test %    gap
        128-128       relu           2  91.37 ± 0.05  92.15 ± 0.07  91.75 ± 0.07  -0.39
        128-128       sigmoid        1  33.28 ±    -  40.28 ±    -  40.99 ±    -  -7.71
        128-128       tanh           2  92.19 ± 0.02  92.59 ± 0.02  92.68 ± 0.03  -0.50
        128-64-32-16  relu           2  91.23 ± 0.00  92.10 ± 0.00  91.74 ± 0.00  -0.51
        128-64-32-16  tanh           3  92.35 ± 0.05  92.85 ± 0.05  92.66 ± 0.04  -0.31

        """

    static let csv = """
        architecture,activation,runs,train_mean,train_std,dev_mean,dev_std,test_mean,test_std,gap
        128-128,relu,2,0.9136500000000001,0.0004949747466722795,0.9215,0.0007071067812359665,0.9175,0.0007071067813929757,-0.003849999999999909
        128-128,sigmoid,1,0.3328,,0.4028,,0.4099,,-0.0771
        128-128,tanh,2,0.9218500000000001,0.00021213203371135111,0.9258500000000001,0.00021213203371135111,0.9268000000000001,0.0002828427120076579,-0.00495000000000001
        128-64-32-16,relu,2,0.9123,0.0,0.921,0.0,0.9174,0.0,-0.005099999999999993
        128-64-32-16,tanh,3,0.9235333333333333,0.0005033222955522533,0.9285333333333333,0.0004509249752251685,0.9266,0.00040000000017228457,-0.003066666666666662

        """

    static let json = """
        [
          {"architecture":"128-128","activation":"relu","runs":2,"train_mean":0.9136500000000001,"train_std":0.0004949747466722795,"dev_mean":0.9215,"dev_std":0.0007071067812359665,"test_mean":0.9175,"test_std":0.0007071067813929757,"gap":-0.003849999999999909},
          {"architecture":"128-128","activation":"sigmoid","runs":1,"train_mean":0.3328,"train_std":null,"dev_mean":0.4028,"dev_std":null,"test_mean":0.4099,"test_std":null,"gap":-0.0771},
          {"architecture":"128-128","activation":"tanh","runs":2,"train_mean":0.9218500000000001,"train_std":0.00021213203371135111,"dev_mean":0.9258500000000001,"dev_std":0.00021213203371135111,"test_mean":0.9268000000000001,"test_std":0.0002828427120076579,"gap":-0.00495000000000001},
          {"architecture":"128-64-32-16","activation":"relu","runs":2,"train_mean":0.9123,"train_std":0.0,"dev_mean":0.921,"dev_std":0.0,"test_mean":0.9174,"test_std":0.0,"gap":-0.005099999999999993},
          {"architecture":"128-64-32-16","activation":"tanh","runs":3,"train_mean":0.9235333333333333,"train_std":0.0005033222955522533,"dev_mean":0.9285333333333333,"dev_std":0.0004509249752251685,"test_mean":0.9266,"test_std":0.00040000000017228457,"gap":-0.003066666666666662}
        ]

        """

    static let jsonl = """
        {"architecture":"128-128","activation":"relu","runs":2,"train_mean":0.9136500000000001,"train_std":0.0004949747466722795,"dev_mean":0.9215,"dev_std":0.0007071067812359665,"test_mean":0.9175,"test_std":0.0007071067813929757,"gap":-0.003849999999999909}
        {"architecture":"128-128","activation":"sigmoid","runs":1,"train_mean":0.3328,"train_std":null,"dev_mean":0.4028,"dev_std":null,"test_mean":0.4099,"test_std":null,"gap":-0.0771}
        {"architecture":"128-128","activation":"tanh","runs":2,"train_mean":0.9218500000000001,"train_std":0.00021213203371135111,"dev_mean":0.9258500000000001,"dev_std":0.00021213203371135111,"test_mean":0.9268000000000001,"test_std":0.0002828427120076579,"gap":-0.00495000000000001}
        {"architecture":"128-64-32-16","activation":"relu","runs":2,"train_mean":0.9123,"train_std":0.0,"dev_mean":0.921,"dev_std":0.0,"test_mean":0.9174,"test_std":0.0,"gap":-0.005099999999999993}
        {"architecture":"128-64-32-16","activation":"tanh","runs":3,"train_mean":0.9235333333333333,"train_std":0.0005033222955522533,"dev_mean":0.9285333333333333,"dev_std":0.0004509249752251685,"test_mean":0.9266,"test_std":0.00040000000017228457,"gap":-0.003066666666666662}

        """

    static let markdown = """
        | architecture | activation | runs |         train_mean |              train_std |           dev_mean |                dev_std |          test_mean |               test_std |                   gap |
        | ------------ | ---------- | ---: | -----------------: | ---------------------: | -----------------: | ---------------------: | -----------------: | ---------------------: | --------------------: |
        | 128-128      | relu       |    2 | 0.9136500000000001 |  0.0004949747466722795 |             0.9215 |  0.0007071067812359665 |             0.9175 |  0.0007071067813929757 | -0.003849999999999909 |
        | 128-128      | sigmoid    |    1 |             0.3328 |                        |             0.4028 |                        |             0.4099 |                        |               -0.0771 |
        | 128-128      | tanh       |    2 | 0.9218500000000001 | 0.00021213203371135111 | 0.9258500000000001 | 0.00021213203371135111 | 0.9268000000000001 |  0.0002828427120076579 |  -0.00495000000000001 |
        | 128-64-32-16 | relu       |    2 |             0.9123 |                    0.0 |              0.921 |                    0.0 |             0.9174 |                    0.0 | -0.005099999999999993 |
        | 128-64-32-16 | tanh       |    3 | 0.9235333333333333 |  0.0005033222955522533 | 0.9285333333333333 |  0.0004509249752251685 |             0.9266 | 0.00040000000017228457 | -0.003066666666666662 |

        """

    static let fullWithBaseline = """
        architecture  activation  runs       train %  train min  train max  train 95% CI         dev %  dev min  dev max   dev 95% CI        test %  test min  test max  test 95% CI    gap  test diff       p
        128-128       relu           2  91.37 ± 0.05      91.33      91.40   90.92–91.81  92.15 ± 0.07    92.10    92.20  91.51–92.79  91.75 ± 0.07     91.70     91.80  91.11–92.39  -0.39   baseline       -
        128-128       sigmoid        1  33.28 ±    -      33.28      33.28             -  40.28 ±    -    40.28    40.28            -  40.99 ±    -     40.99     40.99            -  -7.71     -50.76       -
        128-128       tanh           2  92.19 ± 0.02      92.17      92.20   91.99–92.38  92.59 ± 0.02    92.57    92.60  92.39–92.78  92.68 ± 0.03     92.66     92.70  92.43–92.93  -0.50      +0.93   0.017
        128-64-32-16  relu           2  91.23 ± 0.00      91.23      91.23   91.23–91.23  92.10 ± 0.00    92.10    92.10  92.10–92.10  91.74 ± 0.00     91.74     91.74  91.74–91.74  -0.51   baseline       -
        128-64-32-16  tanh           3  92.35 ± 0.05      92.30      92.40   92.23–92.48  92.85 ± 0.05    92.81    92.90  92.74–92.97  92.66 ± 0.04     92.62     92.70  92.56–92.76  -0.31      +0.92  <0.001

        """
}
