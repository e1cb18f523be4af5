import Foundation
import Yams

/// Reads experiment files:
///
///     name: activation            # optional: defaults to the file name without .yaml
///     description: Section 4.1
///     base:                       # settings of every trial (keys as `tracker run` flags)
///       batch-size: 100
///       epochs: 10
///     grid:                       # lists expand to their cartesian product; a list of
///       hidden: [128-128, 128-64-32-16]   # such mappings concatenates their trials
///       activation: [relu, tanh, sigmoid]
///     seeds: [1, 2, 3]            # or a count: 3 means seeds 1, 2, 3
///     tags: {study: seed}
public enum ExperimentFile {
    static let topLevelKeys = ["name", "description", "base", "grid", "seeds", "tags"]

    /// Reads and checks the file at `path`; every fault names the file, the line and the key.
    public static func load(path: String) throws(ExperimentFileError) -> ExperimentSpec {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExperimentFileError(file: path, line: nil, message: "cannot read the file (missing or not readable)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ExperimentFileError(file: path, line: nil, message: "not UTF-8 text")
        }
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try parse(text, file: path, defaultName: stem)
    }

    /// Parses the text of an experiment file; `file` only labels errors.
    public static func parse(_ text: String, file: String, defaultName: String) throws(ExperimentFileError)
        -> ExperimentSpec
    {
        let reader = NodeReader(file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw reader.syntaxError(error)
        }
        guard let root else {
            throw ExperimentFileError(
                file: file, line: nil, message: "the file is empty: expected at least a grid or a base")
        }
        let top = try reader.mapping(root, context: "the file", allowed: topLevelKeys)

        var spec = ExperimentSpec(name: defaultName)
        if let node = top["name"] {
            spec.name = try reader.nonEmptyString(node, key: "name")
            if let problem = ExperimentNameCheck.problem(in: spec.name) { throw reader.error(node, "name: \(problem)") }
        }
        if let node = top["description"] {
            spec.description = try reader.string(node, key: "description")
        }
        if let node = top["base"] {
            spec.base = try reader.config(node)
        }
        if let node = top["grid"] {
            spec.blocks = try reader.grid(node)
        }
        if let node = top["seeds"] {
            spec.seeds = try reader.seeds(node)
            if spec.blocks.contains(where: { $0.axes.contains { $0.key == .seed } }) {
                throw ExperimentFileError(
                    file: file, line: node.mark?.line,
                    message: "seeds: the grid also varies seed; give seeds in one place only")
            }
        }
        try checkSize(of: spec, file: file, at: top["grid"] ?? top["seeds"])
        spec.setsThreads =
            reader.mentions(.threads, in: top["base"])
            || spec.blocks.contains { block in
                block.axes.contains { $0.key == .threads }
            }
        if let node = top["tags"] {
            spec.tags = try reader.tags(node)
        }
        return spec
    }
}

extension ExperimentFile {
    /// The most trials one file may describe: beyond it, expanding the grid takes longer
    /// than anyone waits for a `--dry-run`, and it is more than a machine trains.
    public static let maximumTrials = 100_000

    /// Refuses a file whose grid is too large, counted before anything is expanded.
    static func checkSize(of spec: ExperimentSpec, file: String, at node: Node?) throws(ExperimentFileError) {
        let count = spec.trialCount
        guard count > Double(maximumTrials) else { return }
        let shown = count < 1e18 ? String(format: "%.0f", count) : String(format: "%.3g", count)
        throw ExperimentFileError(
            file: file, line: node?.mark?.line,
            message: "the grid has \(shown) trials, more than the \(maximumTrials) one file may hold; "
                + "split it into several files")
    }
}

/// A fault in an experiment file: `experiments/a.yaml:7: dropout: 1.5: expected a
/// probability in [0, 1)`.
public struct ExperimentFileError: Error, Equatable, CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int?
    public let message: String

    public var description: String {
        if let line { "\(file):\(line): \(message)" } else { "\(file): \(message)" }
    }
}
