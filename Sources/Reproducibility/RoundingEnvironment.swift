import Store

/// What a run recorded, besides its configuration, that decides how it rounds: the BLAS
/// kernel OpenBLAS selected, the CPU, the thread count and the tracker version.
struct RoundingEnvironment: Sendable, Hashable {
    var blasCore: String?
    var cpuModel: String?
    var threads: Int?
    var version: String

    init(blasCore: String?, cpuModel: String?, threads: Int?, version: String) {
        self.blasCore = blasCore
        self.cpuModel = cpuModel
        self.threads = threads
        self.version = version
    }

    /// The environment `run` recorded.
    init(_ run: StoredRun, parameters: RunParameters) {
        self.init(
            blasCore: run.text(.blasCore), cpuModel: run.text(.cpuModel), threads: parameters.threads,
            version: parameters.trackerVersion)
    }

    /// Each part as the verdict names it, with its value.
    var parts: [(name: String, value: String)] {
        [
            ("BLAS core", blasCore ?? "not recorded"), ("CPU", cpuModel ?? "not recorded"),
            ("threads", threads.map(String.init) ?? "not recorded"), ("tracker", version),
        ]
    }

    /// The parts that differ from `stored`: `threads 1 → 2`.
    func changes(from stored: RoundingEnvironment) -> [String] {
        zip(stored.parts, parts).filter { $0.value != $1.value }.map { "\($0.name) \($0.value) → \($1.value)" }
    }

    /// Every part: `BLAS core Haswell, CPU Intel(R) Xeon(R) Processor, threads 1, tracker 0.1.0`.
    var summary: String {
        parts.map { "\($0.name) \($0.value)" }.joined(separator: ", ")
    }
}
