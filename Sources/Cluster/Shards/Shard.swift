/// One part of a grid's trials: shard `index` of `count` (1 ≤ index ≤ count).
public struct Shard: Hashable, Sendable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) throws(ShardError) {
        guard count >= 1, (1...count).contains(index) else { throw .outOfRange(index: index, count: count) }
        self.index = index
        self.count = count
    }

    public var description: String { "\(index)/\(count)" }

    /// `K/N`, or `slurm` for the array task this process is (`SLURM_ARRAY_TASK_ID`,
    /// `SLURM_ARRAY_TASK_MIN`, `SLURM_ARRAY_TASK_COUNT` and, if set, `SLURM_ARRAY_TASK_STEP`:
    /// task MIN is shard 1, MIN + STEP shard 2).
    public static func parse(_ text: String, environment: [String: String]) throws(ShardError) -> Shard {
        if text == "slurm" { return try fromSlurm(environment) }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw .malformed(text)
        }
        return try Shard(index: index, count: count)
    }

    static func fromSlurm(_ environment: [String: String]) throws(ShardError) -> Shard {
        let names = ["SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_COUNT"]
        let values = names.map { environment[$0] }
        guard let id = values[0], let minimum = values[1], let count = values[2] else {
            throw .notInArray(missing: zip(names, values).filter { $0.1 == nil }.map(\.0))
        }
        guard let id = Int(id), let minimum = Int(minimum), let count = Int(count) else {
            throw .badSlurmValues(id: id, minimum: minimum, count: count)
        }
        // --array=0-10:2 steps by 2; a list such as --array=1,4,9 has no step and cannot be
        // numbered 1...COUNT from its ID alone.
        let step = environment["SLURM_ARRAY_TASK_STEP"].flatMap { Int($0) } ?? 1
        guard step >= 1, id >= minimum, (id - minimum) % step == 0, (id - minimum) / step < count else {
            throw .badSlurmValues(id: String(id), minimum: String(minimum), count: String(count))
        }
        return try Shard(index: (id - minimum) / step + 1, count: count)
    }
}

/// Why `--shard` was refused; each one line.
public enum ShardError: Error, Hashable, Sendable, CustomStringConvertible {
    case malformed(String)
    case outOfRange(index: Int, count: Int)
    case notInArray(missing: [String])
    case badSlurmValues(id: String, minimum: String, count: String)

    public var description: String {
        switch self {
        case .malformed(let text):
            "--shard \(text): expected K/N with 1 <= K <= N (such as 2/8), or slurm"
        case .outOfRange(let index, let count):
            "--shard \(index)/\(count): expected K/N with 1 <= K <= N (such as 2/8), or slurm"
        case .notInArray(let missing):
            "--shard slurm: not in a Slurm job array (\(missing.joined(separator: ", ")) not set); "
                + "submit with sbatch --array, or give --shard K/N"
        case .badSlurmValues(let id, let minimum, let count):
            "--shard slurm: SLURM_ARRAY_TASK_ID=\(id), SLURM_ARRAY_TASK_MIN=\(minimum), SLURM_ARRAY_TASK_COUNT=\(count) "
                + "do not name a task of a contiguous array (submit with --array=1-N)"
        }
    }
}
