import Engine
import Store

/// One setting of a run, as every layer spells it: the key users type (`ConfigKey`), its
/// column in `runs`, its key in the stored JSON, where it lives in `RunConfig` and what it
/// accepts. `RunSetting.all` is the one list of a run's settings; the flags, the
/// experiment files, the stored JSON, the trial hash and the stored columns all read it.
public struct RunSetting: Sendable {
    public let key: ConfigKey
    /// Its key, column and type as stored, the half of the definition that the queries
    /// (which cannot see Training) read too.
    public let stored: StoredSetting
    /// The column of `runs` that holds it, so that plain SQL can group on it.
    public var column: String { stored.column }
    /// Its key in the JSON stored in `runs.config`, which `RunConfig.trialHash` hashes:
    /// renaming one would orphan every stored trial.
    public let jsonKey: String
    /// What it accepts, as error messages and help state it.
    public let requirement: String

    /// Sets the value from its text; false, leaving the configuration unchanged, when the
    /// text is not acceptable.
    let parse: @Sendable (inout RunConfig, String) -> Bool
    let encode: @Sendable (RunConfig, inout KeyedEncodingContainer<JSONKey>) throws -> Void
    let decode: @Sendable (inout RunConfig, KeyedDecodingContainer<JSONKey>) throws -> Void
    /// Writes the value to its column's field.
    let store: @Sendable (RunConfig, inout RunParameters) -> Void

    /// The entry of `key`.
    public static subscript(key: ConfigKey) -> RunSetting {
        guard let setting = byKey[key] else { preconditionFailure("\(key) has no RunSetting") }
        return setting
    }

    private static let byKey = Dictionary(all.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })

    struct JSONKey: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }
}

extension RunSetting {
    /// Sets `path` to what `parse` reads from the text; false, leaving the configuration
    /// as it was, when the text is not acceptable. Shared by every kind of setting.
    private static func assigning<Value>(
        _ parse: @escaping @Sendable (String) -> Value?, to path: WritableKeyPath<RunConfig, Value> & Sendable
    ) -> @Sendable (inout RunConfig, String) -> Bool {
        { config, text in
            guard let value = parse(text) else { return false }
            config[keyPath: path] = value
            return true
        }
    }

    /// A setting that always has a value.
    static func required<Value: Codable & Sendable>(
        _ key: ConfigKey, stored: StoredSetting, json: String, _ path: WritableKeyPath<RunConfig, Value> & Sendable,
        requirement: String, parse: @escaping @Sendable (String) -> Value?,
        store: @escaping @Sendable (RunConfig, inout RunParameters) -> Void
    ) -> RunSetting {
        let codingKey = JSONKey(stringValue: json)
        return RunSetting(
            key: key, stored: stored, jsonKey: json, requirement: requirement,
            parse: assigning(parse, to: path),
            encode: { config, container in try container.encode(config[keyPath: path], forKey: codingKey) },
            decode: { config, container in config[keyPath: path] = try container.decode(Value.self, forKey: codingKey)
            },
            store: store)
    }

    /// A setting that may be absent (`nil`), which the stored JSON leaves out rather than
    /// writing `null`.
    static func optional<Wrapped: Codable & Sendable>(
        _ key: ConfigKey, stored: StoredSetting, json: String, _ path: WritableKeyPath<RunConfig, Wrapped?> & Sendable,
        requirement: String, parse: @escaping @Sendable (String) -> Wrapped??,
        store: @escaping @Sendable (RunConfig, inout RunParameters) -> Void
    ) -> RunSetting {
        let codingKey = JSONKey(stringValue: json)
        return RunSetting(
            key: key, stored: stored, jsonKey: json, requirement: requirement,
            parse: assigning(parse, to: path),
            encode: { config, container in try container.encodeIfPresent(config[keyPath: path], forKey: codingKey) },
            decode: { config, container in
                config[keyPath: path] = try container.decodeIfPresent(Wrapped.self, forKey: codingKey)
            },
            store: store)
    }
}

extension RunSetting {
    /// A setting added after runs were first stored: the stored JSON holds it only when it
    /// differs from `defaultValue`, so that every earlier trial keeps its hash, and JSON
    /// without it reads back as the default.
    static func defaulted<Value: Codable & Equatable & Sendable>(
        _ key: ConfigKey, stored: StoredSetting, json: String, _ path: WritableKeyPath<RunConfig, Value> & Sendable,
        default defaultValue: Value, requirement: String, parse: @escaping @Sendable (String) -> Value?,
        store: @escaping @Sendable (RunConfig, inout RunParameters) -> Void
    ) -> RunSetting {
        let codingKey = JSONKey(stringValue: json)
        return RunSetting(
            key: key, stored: stored, jsonKey: json, requirement: requirement,
            parse: assigning(parse, to: path),
            encode: { config, container in
                let value = config[keyPath: path]
                if value != defaultValue { try container.encode(value, forKey: codingKey) }
            },
            decode: { config, container in
                config[keyPath: path] = try container.decodeIfPresent(Value.self, forKey: codingKey) ?? defaultValue
            },
            store: store)
    }
}
