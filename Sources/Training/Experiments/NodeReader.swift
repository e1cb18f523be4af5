import Store
import Yams

/// Turns the YAML nodes of an experiment file into typed values, each fault reported
/// with the file, the node's line and the key it was found under.
struct NodeReader {
    let file: String

    func error(_ node: Node?, _ message: String) -> ExperimentFileError {
        ExperimentFileError(file: file, line: node?.mark?.line, message: message)
    }

    func syntaxError(_ error: any Error) -> ExperimentFileError {
        guard let yamlError = error as? YamlError else {
            return ExperimentFileError(file: file, line: nil, message: "not valid YAML: \(error)")
        }
        switch yamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ExperimentFileError(file: file, line: mark.line, message: "not valid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.joined(separator: ", ")
            return ExperimentFileError(file: file, line: context.mark.line, message: "duplicate key \(keys)")
        default:
            let summary = "\(yamlError)".split(whereSeparator: \.isNewline).first.map(String.init) ?? "unreadable"
            return ExperimentFileError(file: file, line: nil, message: "not valid YAML: \(summary)")
        }
    }

    /// A mapping whose keys are plain strings from `allowed`; the first unknown key is an
    /// error listing the allowed ones.
    func mapping(_ node: Node, context: String, allowed: [String]) throws(ExperimentFileError) -> [String: Node] {
        let pairs = try pairs(node, context: context)
        var result: [String: Node] = [:]
        for (key, value) in pairs {
            guard allowed.contains(key.text) else {
                throw error(
                    key.node, "unknown key '\(key.text)' in \(context) (valid: \(allowed.joined(separator: ", ")))")
            }
            result[key.text] = value
        }
        return result
    }

    /// The key-value pairs of a mapping in file order, keys as text.
    func pairs(_ node: Node, context: String) throws(ExperimentFileError) -> [(
        key: (text: String, node: Node), value: Node
    )] {
        guard case .mapping(let mapping) = node else {
            throw error(node, "\(context): expected a mapping of keys to values, found \(kind(node))")
        }
        var result: [(key: (text: String, node: Node), value: Node)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                throw error(key, "\(context): keys must be plain names, found \(kind(key))")
            }
            result.append((key: (scalar.string, key), value: value))
        }
        return result
    }

    func string(_ node: Node, key: String) throws(ExperimentFileError) -> String {
        guard case .scalar(let scalar) = node else {
            throw error(node, "\(key): expected text, found \(kind(node))")
        }
        return scalar.string
    }

    func nonEmptyString(_ node: Node, key: String) throws(ExperimentFileError) -> String {
        let text = try string(node, key: key).trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw error(node, "\(key): must not be empty") }
        return text
    }

    /// The settings of `base`: each key a `ConfigKey`, each value one setting.
    func config(_ node: Node) throws(ExperimentFileError) -> RunConfig {
        var config = RunConfig()
        for (key, value) in try pairs(node, context: "base") {
            let configKey = try self.configKey(key.text, at: key.node, context: "base")
            let text = try settingText(value, key: configKey)
            do {
                try config.set(configKey, from: text)
            } catch {
                throw self.error(value, error.keyMessage)
            }
        }
        return config
    }

    /// Whether the mapping `node` has `key`.
    func mentions(_ key: ConfigKey, in node: Node?) -> Bool {
        guard case .mapping(let mapping)? = node else { return false }
        return mapping.keys.contains { $0.string == key.rawValue }
    }

    /// `grid`: one mapping, or a list of mappings, of keys to lists of values.
    func grid(_ node: Node) throws(ExperimentFileError) -> [GridBlock] {
        if case .sequence(let blocks) = node {
            guard !blocks.isEmpty else { throw error(node, "grid: the list of blocks is empty") }
            var result: [GridBlock] = []
            for block in blocks {
                result.append(try gridBlock(block))
            }
            return result
        }
        return [try gridBlock(node)]
    }

    private func gridBlock(_ node: Node) throws(ExperimentFileError) -> GridBlock {
        var block = GridBlock()
        for (key, value) in try pairs(node, context: "grid") {
            let configKey = try self.configKey(key.text, at: key.node, context: "grid")
            // A list gives the values to try; a single value is an axis of one.
            let items: [Node] = if case .sequence(let sequence) = value { Array(sequence) } else { [value] }
            guard !items.isEmpty else {
                throw error(value, "grid: \(key.text): the list of values is empty")
            }
            var values: [Assignment] = []
            // Values are compared by what they set (`0.1` and `1e-1` are one learning rate).
            var seen: Set<RunConfig> = []
            for item in items {
                let text = try settingText(item, key: configKey)
                let value: Assignment
                do {
                    value = try Assignment(configKey, text)
                } catch {
                    throw self.error(item, "grid: " + error.keyMessage)
                }
                var probe = RunConfig()
                value.apply(to: &probe)
                guard seen.insert(probe).inserted else {
                    throw self.error(item, "grid: \(key.text): \(text) is listed twice")
                }
                values.append(value)
            }
            block.axes.append((configKey, values))
        }
        return block
    }

    /// `seeds: [1, 2, 3]` or `seeds: 3` (seeds 1 to 3).
    func seeds(_ node: Node) throws(ExperimentFileError) -> [UInt64] {
        let requirement = "expected a list of integers in 0...\(ConfigKey.Limits.seed), or a count in 1...10000"
        switch node {
        case .scalar(let scalar):
            guard let count = Int(scalar.string), (1...10_000).contains(count) else {
                throw error(node, "seeds: \(scalar.string): \(requirement)")
            }
            return (1...UInt64(count)).map { $0 }
        case .sequence(let sequence):
            var seeds: [UInt64] = []
            var seen: Set<UInt64> = []
            for item in sequence {
                guard case .scalar(let scalar) = item, let seed = UInt64(scalar.string), seed <= ConfigKey.Limits.seed
                else {
                    throw error(item, "seeds: \(describe(item)): \(requirement)")
                }
                guard seen.insert(seed).inserted else { throw error(item, "seeds: \(seed) is listed twice") }
                seeds.append(seed)
            }
            guard !seeds.isEmpty else { throw error(node, "seeds: the list is empty: \(requirement)") }
            return seeds
        default:
            throw error(node, "seeds: \(requirement), found \(kind(node))")
        }
    }

    /// `tags: {key: value}`: text keys and scalar values.
    func tags(_ node: Node) throws(ExperimentFileError) -> [Tag] {
        var tags: [Tag] = []
        for (key, value) in try pairs(node, context: "tags") {
            let name = key.text.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw error(key.node, "tags: a tag name must not be empty") }
            let text = try string(value, key: "tags: \(name)")
            if let problem = Label.tagKey.problem(in: name) { throw error(key.node, "tags: \(problem)") }
            if let problem = Label.tagValue.problem(in: text) { throw error(value, "tags: \(problem)") }
            tags.append(Tag(key: name, value: text))
        }
        return tags.sorted { $0.key < $1.key }
    }

    private func configKey(_ text: String, at node: Node, context: String) throws(ExperimentFileError) -> ConfigKey {
        guard let key = ConfigKey(named: text) else {
            let valid = ConfigKey.allCases.map(\.rawValue).joined(separator: ", ")
            throw error(node, "unknown key '\(text)' in \(context) (valid: \(valid))")
        }
        return key
    }

    /// The text of one setting. Only `hidden` takes a list (`[128, 64]`), written the
    /// way `--hidden` takes it.
    private func settingText(_ node: Node, key: ConfigKey) throws(ExperimentFileError) -> String {
        switch node {
        case .scalar(let scalar):
            return scalar.string
        case .sequence(let sequence) where key == .hidden:
            var sizes: [String] = []
            for item in sequence {
                guard case .scalar(let scalar) = item else {
                    throw error(item, "hidden: expected layer sizes, found \(kind(item))")
                }
                sizes.append(scalar.string)
            }
            return sizes.joined(separator: "-")
        default:
            throw error(node, "\(key.rawValue): expected \(key.requirement), found \(kind(node))")
        }
    }

    private func kind(_ node: Node) -> String {
        switch node {
        case .scalar: "a single value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    private func describe(_ node: Node) -> String {
        if case .scalar(let scalar) = node { scalar.string } else { kind(node) }
    }
}
