import Cluster
import Testing

@Suite struct ShardParsingTests {
    @Test func kOfN() throws {
        #expect(try Shard.parse("2/8", environment: [:]) == Shard(index: 2, count: 8))
        #expect(try Shard.parse("1/1", environment: [:]).description == "1/1")
    }

    @Test(arguments: ["0/3", "4/3", "-1/3", "1/0", "a/b", "3", "1/2/3", "", "1/", " 1/2"])
    func refusesWhatIsNotKOfN(text: String) {
        #expect(throws: ShardError.self) { try Shard.parse(text, environment: [:]) }
    }

    @Test func messages() {
        #expect(
            ShardError.malformed("x").description
                == "--shard x: expected K/N with 1 <= K <= N (such as 2/8), or slurm")
        #expect(
            ShardError.outOfRange(index: 4, count: 3).description
                == "--shard 4/3: expected K/N with 1 <= K <= N (such as 2/8), or slurm")
    }

    @Test func slurmArrayTasksCountFromTheirMinimum() throws {
        let environment = ["SLURM_ARRAY_TASK_ID": "12", "SLURM_ARRAY_TASK_MIN": "10", "SLURM_ARRAY_TASK_COUNT": "4"]
        #expect(try Shard.parse("slurm", environment: environment) == Shard(index: 3, count: 4))
        let first = ["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_COUNT": "2"]
        #expect(try Shard.parse("slurm", environment: first) == Shard(index: 1, count: 2))
        let stepped = [
            "SLURM_ARRAY_TASK_ID": "6", "SLURM_ARRAY_TASK_MIN": "0", "SLURM_ARRAY_TASK_COUNT": "6",
            "SLURM_ARRAY_TASK_STEP": "2",
        ]
        #expect(try Shard.parse("slurm", environment: stepped) == Shard(index: 4, count: 6))
    }

    @Test func outsideAnArray() {
        #expect(throws: ShardError.notInArray(missing: ["SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_COUNT"])) {
            try Shard.parse("slurm", environment: ["SLURM_ARRAY_TASK_ID": "1"])
        }
        #expect(
            ShardError.notInArray(missing: ["SLURM_ARRAY_TASK_ID"]).description
                == "--shard slurm: not in a Slurm job array (SLURM_ARRAY_TASK_ID not set); "
                + "submit with sbatch --array, or give --shard K/N")
    }

    @Test func aSparseOrGarbledArray() {
        let sparse = ["SLURM_ARRAY_TASK_ID": "9", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "3"]
        #expect(throws: ShardError.badSlurmValues(id: "9", minimum: "1", count: "3")) {
            try Shard.parse("slurm", environment: sparse)
        }
        let garbled = ["SLURM_ARRAY_TASK_ID": "x", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "3"]
        #expect(throws: ShardError.badSlurmValues(id: "x", minimum: "1", count: "3")) {
            try Shard.parse("slurm", environment: garbled)
        }
    }
}
