import Cluster
import Testing

@Suite struct SlurmScriptTests {
    func job(tasks: Int) -> SlurmJob {
        SlurmJob(
            file: "grid.yaml", tasks: tasks, partition: nil, time: nil, cpusPerTask: 1, memory: nil,
            study: "study.db", shards: nil, dataDirectory: nil, executable: "/usr/bin/tracker", directory: "/lab")
    }

    /// The script's first comment is read by whoever resubmits it by hand.
    @Test(arguments: [(1, "1 task"), (2, "2 tasks"), (16, "16 tasks")])
    func theHeaderCountsTheTasks(tasks: Int, words: String) {
        let lines = job(tasks: tasks).arrayScript.split(separator: "\n")
        #expect(lines[1] == "# Written by tracker slurm: \(words), each training one shard of")
        #expect(lines[2] == "# /lab/grid.yaml into its own database in /lab/study.db.shards.")
        #expect(lines.contains("#SBATCH --array=1-\(tasks)"))
    }
}
