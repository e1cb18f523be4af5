import Testing

@testable import Training

/// Runs refused before they train: a checkpoint over the store's limit, more memory than
/// there is, a grid whose concurrent trials do not fit together.
@Suite struct FeasibilityTests {
    static let gigabyte = AvailableMemory(bytes: 1e9, source: "MemAvailable")

    private func config(_ settings: [(ConfigKey, String)]) throws -> RunConfig {
        var config = RunConfig()
        config.threads = 1
        for (key, text) in settings { try config.set(key, from: text) }
        return config
    }

    private func refusal(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// 784-128-128-10 on 50,000 images, batch 100, one thread: every part counted by hand.
    @Test func theDefaultRunsFootprint() throws {
        let footprint = try RunFootprint(try config([]))
        #expect(footprint.engine.parameterCount == 118_282)
        let data: Double = 70_000 * 785 + 60_000
        #expect(footprint.dataBytes == data)
        let training: Double = 100 * (4 * (784 + 2 * 266) + 1) + 4 * 50_000
        #expect(footprint.engine.trainingBuffers == training)
        let evaluation: Double = 1_000 * (4 * (784 + 266) + 1)
        #expect(footprint.engine.evaluationBuffers == evaluation)
        let checkpoint: Double = 20 + 16 + 1 + 64 + 4 * 118_282 + 8
        #expect(footprint.checkpointCopies == 3 * checkpoint)
        #expect(footprint.totalBytes == 2 * 473_128 + training + evaluation + 3 * checkpoint + data)
        let checked = try Feasibility.check(
            try config([]), subject: "this run", memory: Self.gigabyte, largestCheckpoint: 999_999_936)
        #expect(checked == footprint)
    }

    @Test func aCheckpointOverTheLimitIsRefusedWithItsSize() throws {
        let wide = try config([(.hidden, "1000000"), (.trainLimit, "2000")])
        #expect(
            refusal {
                _ = try Feasibility.check(wide, subject: "this run", memory: nil, largestCheckpoint: 999_999_936)
            }
                == "this run cannot be recorded: its checkpoint would be 3.2 GB (795000010 parameters), "
                + "more than the 1.0 GB SQLite stores in one row; use smaller layers")
        var withMomentum = try config([(.hidden, "200000"), (.momentum, "0.9")])
        withMomentum.threads = 1
        #expect(
            refusal {
                _ = try Feasibility.check(
                    withMomentum, subject: "run 4", memory: nil, largestCheckpoint: 999_999_936)
            }
                == "run 4 cannot be recorded: its checkpoint would be 1.3 GB (159000010 parameters and their momentum), "
                + "more than the 1.0 GB SQLite stores in one row; use smaller layers")
    }

    /// Adam keeps two moments per parameter: 159,000,010 parameters are 636.0 MB each as
    /// float32, three times that in the checkpoint (1,908,000,120 bytes and a 114-byte
    /// header and checksum).
    @Test func adamsMomentsCountInTheCheckpointAndTheMemory() throws {
        var adam = try config([(.hidden, "200000"), (.optimizer, "adam")])
        adam.threads = 1
        let footprint = try RunFootprint(adam)
        #expect(footprint.engine.optimizerState == 2 * 636_000_040)
        #expect(footprint.engine.checkpointBytes == 1_908_000_234)
        #expect(
            refusal {
                _ = try Feasibility.check(adam, subject: "run 4", memory: nil, largestCheckpoint: 999_999_936)
            }
                == "run 4 cannot be recorded: its checkpoint would be 1.9 GB (159000010 parameters and their Adam moments), "
                + "more than the 1.0 GB SQLite stores in one row; use smaller layers")
        var small = try config([(.hidden, "20000"), (.optimizer, "adamw")])
        small.threads = 1
        let memory = AvailableMemory(bytes: 200e6, source: "TRACKER_MEMORY")
        let needs = try RunFootprint(small)
        // 15,900,010 parameters: 63.6 MB of weights, as much of gradients, twice that of moments.
        #expect(needs.engine.optimizerState == 2 * 63_600_040)
        let line = refusal {
            _ = try Feasibility.check(small, subject: "this run", memory: memory, largestCheckpoint: 999_999_936)
        }
        #expect(
            line?.hasPrefix(
                "this run needs \(ByteSize.text(needs.totalBytes)) of memory (weights 63.6 MB, gradients 63.6 MB, Adam moments 127.2 MB, training batch "
            ) == true)
    }

    @Test func moreMemoryThanThereIsIsRefusedWithEachPart() throws {
        let large = try config([(.hidden, "100000"), (.batchSize, "50000")])
        #expect(
            refusal {
                _ = try Feasibility.check(
                    large, subject: "this run", memory: AvailableMemory(bytes: 16e9, source: "TRACKER_MEMORY"),
                    largestCheckpoint: 999_999_936)
            }
                == "this run needs 42.2 GB of memory (weights 318.0 MB, gradients 318.0 MB, training batch 40.2 GB, "
                + "evaluation 403.2 MB, checkpoint copies 954.0 MB, data 55.0 MB), "
                + "but 16.0 GB is available (TRACKER_MEMORY)")
    }

    /// Without a reading of the memory, only the checkpoint is checked.
    @Test func nothingKnownAboutMemoryChecksOnlyTheCheckpoint() throws {
        let large = try config([(.hidden, "100000"), (.batchSize, "50000")])
        _ = try Feasibility.check(large, subject: "this run", memory: nil, largestCheckpoint: 999_999_936)
    }

    private func request(_ label: String, _ settings: [(ConfigKey, String)]) throws -> TrialRequest {
        TrialRequest(
            database: "tracker.db", experiment: "e", description: nil, config: try config(settings), tags: [],
            label: label, dataDirectory: nil)
    }

    @Test func aGridNamesItsFirstTrialThatCannotRun() throws {
        let requests = [
            try request("hidden 16", [(.hidden, "16")]),
            try request("hidden 100000-100000", [(.hidden, "100000-100000")]),
            try request("hidden 200000", [(.hidden, "200000")]),
        ]
        #expect(
            refusal { try Feasibility.check(requests, jobs: 1, memory: nil, largestCheckpoint: 999_999_936) }
                == "trial 2 of 3 (hidden 100000-100000) cannot be recorded: its checkpoint would be 40.3 GB "
                + "(10079600010 parameters), more than the 1.0 GB SQLite stores in one row; use smaller layers")
    }

    /// Each of these fits alone; two at once do not.
    @Test func trialsRunAtOnceMustFitTogether() throws {
        let requests = try (1...3).map { try request("seed \($0)", [(.hidden, "8000"), (.seed, "\($0)")]) }
        let one = try RunFootprint(requests[0].config).totalBytes
        let memory = AvailableMemory(bytes: 1.5 * one, source: "MemAvailable")
        try Feasibility.check(requests, jobs: 1, memory: memory, largestCheckpoint: 999_999_936)
        #expect(
            refusal { try Feasibility.check(requests, jobs: 2, memory: memory, largestCheckpoint: 999_999_936) }
                == "the 2 largest trials, which --jobs 2 runs at once, need \(ByteSize.text(2 * one)) of memory "
                + "together, but \(ByteSize.text(1.5 * one)) is available (MemAvailable); use fewer --jobs")
        // One trial is never run beside another.
        try Feasibility.check([requests[0]], jobs: 2, memory: memory, largestCheckpoint: 999_999_936)
    }
}
