import SQLite
import Store
import Testing
import TextOutput

@testable import RunQueries

/// `--group`, `--where`, `--sort`, `--status` and `--baseline` as users type them:
/// what they mean, and the exact line that refuses each kind of garbage.
@Suite struct QueryInputTests {
    static let keys =
        "architecture, activation, regularization, dropout, weight-decay, batch-size, learning-rate, epochs, depth, "
        + "dataset, experiment, momentum, clip-norm, init, seed, threads, train-limit, optimizer, beta1, beta2, eps, lr-schedule, lr-step-epochs, lr-gamma, warmup-epochs, early-stop, early-stop-metric, label-noise, input-noise, train-subset, status, tag:NAME"

    // MARK: --group

    @Test func groupKeysRepeatedOrCommaSeparated() throws {
        #expect(
            try GroupKey.parseList(["architecture,activation", "tag:opt", " batch-size "]) == [
                .attribute(.architecture), .attribute(.activation), .tag("opt"), .attribute(.batchSize),
            ])
        #expect(try GroupKey.parseList(RunAttribute.allCases.map(\.rawValue)).count == 31)
        #expect(GroupKey.tag("a b").column == "tag:a b")
        #expect(GroupKey.attribute(.weightDecay).column == "weight_decay")
    }

    /// A setting a run records is a key, and a setting's flag names the same key.
    @Test func everyStoredSettingIsAKey() throws {
        for setting in StoredSetting.all {
            let attribute = try #require(RunAttribute(rawValue: setting.name), "\(setting.name)")
            #expect(attribute.expression == "r." + setting.column)
            #expect(attribute.kind == setting.kind)
            #expect(RunAttribute(rawValue: setting.key) == attribute)
        }
        #expect(Set(RunAttribute.allCases.map(\.rawValue)).count == RunAttribute.allCases.count)
        let aliases = RunAttribute.allCases.flatMap(\.aliases)
        #expect(Set(aliases).isDisjoint(with: RunAttribute.allCases.map(\.rawValue)))
        #expect(try GroupKey.parseList(["lr", "hidden"]) == [.attribute(.learningRate), .attribute(.architecture)])
        #expect(GroupKey.attribute(.learningRate).description == "learning-rate")
        #expect(throws: QueryInputError.repeatedGroupKey("learning-rate")) {
            try GroupKey.parseList(["lr,learning-rate"])
        }
    }

    @Test(arguments: [
        ("activations", "unknown key 'activations' in --group; keys: \(keys)"),
        ("hiddens", "unknown key 'hiddens' in --group; keys: \(keys)"),
        ("Activation", "unknown key 'Activation' in --group; keys: \(keys)"),
        ("activation;DROP TABLE runs", "unknown key 'activation;DROP TABLE runs' in --group; keys: \(keys)"),
        ("r.hidden) --", "unknown key 'r.hidden) --' in --group; keys: \(keys)"),
        ("", "unknown key '' in --group; keys: \(keys)"),
        ("activation,", "unknown key '' in --group; keys: \(keys)"),
        ("tag:", "tag: needs a tag name in --group, as in tag:optimizer"),
        ("activation,activation", "--group lists activation twice"),
    ])
    func badGroup(text: String, message: String) {
        #expect(throws: QueryInputError.self) { try GroupKey.parseList([text]) }
        do {
            _ = try GroupKey.parseList([text])
        } catch {
            #expect(error.description == message)
        }
    }

    // MARK: --where

    @Test(arguments: [
        ("activation=tanh", GroupKey.attribute(.activation), Condition.Operator.equal, [SQLiteValue.text("tanh")]),
        ("activation == tanh", .attribute(.activation), .equal, [.text("tanh")]),
        ("batch-size<=100", .attribute(.batchSize), .lessOrEqual, [.integer(100)]),
        ("dropout!=0", .attribute(.dropout), .notEqual, [.real(0)]),
        ("dropout <> 0.5", .attribute(.dropout), .notEqual, [.real(0.5)]),
        ("learning-rate>1e-3", .attribute(.learningRate), .greater, [.real(0.001)]),
        ("epochs >= 10", .attribute(.epochs), .greaterOrEqual, [.integer(10)]),
        ("depth<3", .attribute(.depth), .less, [.integer(3)]),
        ("activation in (relu,tanh)", .attribute(.activation), .in, [.text("relu"), .text("tanh")]),
        ("activation IN ( relu , tanh )", .attribute(.activation), .in, [.text("relu"), .text("tanh")]),
        ("activation not in (sigmoid)", .attribute(.activation), .notIn, [.text("sigmoid")]),
        ("batch-size in(1,10)", .attribute(.batchSize), .in, [.integer(1), .integer(10)]),
        ("regularization=weight decay", .attribute(.regularization), .equal, [.text("weight decay")]),
        (
            "regularization=dropout + weight decay", .attribute(.regularization), .equal,
            [.text("dropout + weight decay")]
        ),
        ("architecture=128-64-32-16", .attribute(.architecture), .equal, [.text("128-64-32-16")]),
        ("architecture=''", .attribute(.architecture), .equal, [.text("")]),
        ("experiment='it''s'", .attribute(.experiment), .equal, [.text("it"), .text("s")]),
        ("tag:note=\"a;b'c\"", .tag("note"), .equal, [.text("a;b'c")]),
        ("tag:opt in ('sgd', \"x,y\")", .tag("opt"), .in, [.text("sgd"), .text("x,y")]),
        ("dataset=fashion-mnist", .attribute(.dataset), .equal, [.text("fashion-mnist")]),
    ])
    func condition(text: String, key: GroupKey, op: Condition.Operator, values: [SQLiteValue]) throws {
        if text == "experiment='it''s'" {
            // Quotes do not escape: two quoted values side by side are refused.
            #expect(throws: QueryInputError.self) { try ConditionParser.parse(text) }
            return
        }
        let condition = try ConditionParser.parse(text)
        #expect(condition.key == key)
        #expect(condition.op == op)
        #expect(condition.values == values)
        #expect(condition.text == text)
    }

    static let shape = "expected KEY OP VALUE, as in activation=tanh, batch-size<=100 or activation in (relu,tanh)"

    @Test(arguments: [
        ("activation", "invalid --where 'activation': \(shape)"),
        ("", "invalid --where '': \(shape)"),
        ("=tanh", "invalid --where '=tanh': \(shape)"),
        (
            "activation tanh",
            "invalid --where 'activation tanh': expected an operator (=, !=, <, <=, >, >=, in, not in) after activation"
        ),
        ("nope=1", "invalid --where 'nope=1': unknown key 'nope'; keys: \(keys)"),
        ("tag:=x", "invalid --where 'tag:=x': tag: needs a tag name, as in tag:optimizer"),
        ("activation=", "invalid --where 'activation=': missing value after ="),
        (
            "activation=relu' OR 1=1 --",
            #"invalid --where "activation=relu' OR 1=1 --": unexpected "'" in a value; quote values that hold symbols, as in tag:note='a;b'"#
        ),
        (
            "activation=relu; DROP TABLE runs",
            "invalid --where 'activation=relu; DROP TABLE runs': unexpected ';' in a value; quote values that hold symbols, as in tag:note='a;b'"
        ),
        ("activation='relu", #"invalid --where "activation='relu": a quote ' is not closed"#),
        ("activation='relu' x", #"invalid --where "activation='relu' x": unexpected 'x' after the value"#),
        (
            "activation<tanh",
            "invalid --where 'activation<tanh': activation is text: compare it with =, !=, in or not in"
        ),
        ("tag:opt>=a", "invalid --where 'tag:opt>=a': tag:opt is text: compare it with =, !=, in or not in"),
        ("batch-size<=ten", "invalid --where 'batch-size<=ten': batch-size takes whole numbers, not 'ten'"),
        ("batch-size=1.5", "invalid --where 'batch-size=1.5': batch-size takes whole numbers, not '1.5'"),
        ("dropout=nan", "invalid --where 'dropout=nan': dropout takes numbers, not 'nan'"),
        ("dropout=inf", "invalid --where 'dropout=inf': dropout takes numbers, not 'inf'"),
        ("dropout=0x1p3", "invalid --where 'dropout=0x1p3': dropout takes numbers, not '0x1p3'"),
        (
            "regularization=l2",
            "invalid --where 'regularization=l2': regularization is one of none, dropout, weight decay, "
                + "dropout + weight decay, early stopping, dropout + early stopping, weight decay + early stopping, dropout + weight decay + early stopping, "
                + "not 'l2'"
        ),
        (
            "activation in relu",
            "invalid --where 'activation in relu': expected a list in parentheses after in, as in activation in (relu,tanh)"
        ),
        ("activation in (relu", "invalid --where 'activation in (relu': the list after in is not closed with )"),
        ("activation in ()", "invalid --where 'activation in ()': missing value after ("),
        ("activation in (relu,)", "invalid --where 'activation in (relu,)': missing value after ,"),
        ("activation in (relu) or 1", "invalid --where 'activation in (relu) or 1': unexpected 'or 1' after the value"),
        (
            "activation=(relu)",
            "invalid --where 'activation=(relu)': unexpected '(' in a value; quote values that hold symbols, as in tag:note='a;b'"
        ),
        (
            "activation=a,b",
            "invalid --where 'activation=a,b': unexpected ',' in a value; quote values that hold symbols, as in tag:note='a;b'"
        ),
    ])
    func badCondition(text: String, message: String) {
        do {
            _ = try ConditionParser.parse(text)
            Issue.record("'\(text)' was accepted")
        } catch {
            #expect(error.description == message)
        }
    }

    // MARK: --sort, --status, --baseline

    @Test func sortOrder() throws {
        let columns = ["architecture", "batch_size", "runs", "test_mean", "tag:opt"]
        #expect(
            try SortOrder(parsing: "test_mean:desc", columns: columns)
                == SortOrder(column: "test_mean", descending: true))
        #expect(try SortOrder(parsing: "runs:asc", columns: columns) == SortOrder(column: "runs"))
        #expect(try SortOrder(parsing: "batch-size", columns: columns) == SortOrder(column: "batch_size"))
        #expect(
            try SortOrder(parsing: "tag:opt:desc", columns: columns) == SortOrder(column: "tag:opt", descending: true))
    }

    @Test(arguments: ["test_ci_low", "test_mean DESC", "test_mean; DROP TABLE runs", "1", "", ":desc", "-test_mean"])
    func badSort(text: String) {
        let columns = ["runs", "test_mean"]
        do {
            _ = try SortOrder(parsing: text, columns: columns)
            Issue.record("'\(text)' was accepted")
        } catch {
            let shown = text.contains("'") ? "\"\(text)\"" : "'\(text)'"
            #expect(
                error.description
                    == "cannot sort by \(shown); columns: runs, test_mean (add :desc to sort in descending order)")
        }
    }

    @Test func status() throws {
        #expect(try StatusFilter(parsing: "all") == .any)
        #expect(try StatusFilter(parsing: "diverged") == .only(.diverged))
        for garbage in ["done", "Completed", "", "completed'--"] {
            #expect(throws: QueryInputError.unknownStatus(garbage)) { try StatusFilter(parsing: garbage) }
            #expect(
                QueryInputError.unknownStatus(garbage).description
                    == "unknown status '\(garbage)'; statuses: running, completed, failed, interrupted, diverged, all")
        }
    }

    @Test func baseline() throws {
        let groups: [GroupKey] = [.attribute(.architecture), .attribute(.activation)]
        let last = try Baseline(parsing: "relu", groups: groups)
        #expect(last.keyIndex == 1 && last.value == "relu")
        let named = try Baseline(parsing: "architecture=128-128", groups: groups)
        #expect(named.keyIndex == 0 && named.value == "128-128")
        // A value holding '=' names its key; text before '=' spelt like a key must be one.
        let plain = try Baseline(parsing: "activation=a=b", groups: groups)
        #expect(plain.keyIndex == 1 && plain.value == "a=b")
        let symbol = try Baseline(parsing: "1+1=2", groups: groups)
        #expect(symbol.keyIndex == 1 && symbol.value == "1+1=2")
        #expect(Baseline(keyIndex: 0, value: "0.50").matches(.real(0.5)))
        #expect(Baseline(keyIndex: 0, value: "10").matches(.integer(10)))
        #expect(!Baseline(keyIndex: 0, value: "x").matches(.null))
        for (text, message) in [
            ("", "invalid --baseline '': it needs a value, as in --baseline relu"),
            ("activation=", "invalid --baseline 'activation=': it needs a value, as in --baseline relu"),
            ("dropout=0.5", "invalid --baseline 'dropout=0.5': dropout is not a --group key"),
            ("colour=red", "invalid --baseline 'colour=red': colour is not a --group key"),
        ] {
            do {
                _ = try Baseline(parsing: text, groups: groups)
                Issue.record("'\(text)' was accepted")
            } catch {
                #expect(error.description == message)
            }
        }
    }
}
