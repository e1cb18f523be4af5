import Foundation
import SQLite
import TestSupport
import Testing
import TrackerFixtures

@testable import Store

/// Telling a live process from a gone one, and marking runs left `running` by the gone.
@Suite struct AbandonedRunTests {
    let me = ProcessIdentity.current()

    /// The identity of a process that existed and has ended (and been reaped).
    func endedProcess() throws -> ProcessIdentity {
        let child = try ChildProcess(URL(fileURLWithPath: "/bin/sleep"), ["0.01"])
        let pid = Int(child.pid)
        let startTime = ProcessTable.status(of: pid)?.startTime
        _ = child.finish()
        return ProcessIdentity(host: me.host, pid: pid, startTime: startTime, bootID: me.bootID)
    }

    @Test func thisProcessIsAlive() {
        #expect(me.pid == Int(getpid()))
        #expect(me.startTime != nil)
        #expect(me.bootID?.count == 36)
        #expect(!me.hasEnded(seenFrom: me))
    }

    @Test func aLiveChildIsAliveAndThenEnded() throws {
        let child = try ChildProcess(URL(fileURLWithPath: "/bin/sleep"), ["30"])
        let pid = Int(child.pid)
        let identity = ProcessIdentity(
            host: me.host, pid: pid, startTime: ProcessTable.status(of: pid)?.startTime, bootID: me.bootID)
        #expect(!identity.hasEnded(seenFrom: me))
        child.send(SIGTERM)
        #expect(child.finish().signal == SIGTERM)
        #expect(identity.hasEnded(seenFrom: me))
    }

    @Test func aReusedPidIsNotTheSameProcess() throws {
        var reused = me
        reused.startTime = (me.startTime ?? 0) + 1
        #expect(reused.hasEnded(seenFrom: me))
    }

    @Test func anotherBootMeansEnded() {
        var before = me
        before.bootID = "00000000-0000-0000-0000-000000000000"
        #expect(before.hasEnded(seenFrom: me))
    }

    @Test func anotherHostCannotBeJudged() throws {
        var remote = try endedProcess()
        remote.host = me.host + "-elsewhere"
        #expect(!remote.hasEnded(seenFrom: me))
    }

    @Test func aZombieHasEnded() throws {
        // posix_spawn without waiting leaves the child a zombie until it is reaped.
        var pid: pid_t = 0
        let arguments: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        defer { for pointer in arguments { free(pointer) } }
        #expect(posix_spawn(&pid, "/bin/true", nil, nil, arguments, environ) == 0)
        var state = ""
        for _ in 0..<500 where state != "Z" {
            usleep(2_000)
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            state = stat.split(separator: ")").last.map { String($0.dropFirst().prefix(1)) } ?? ""
        }
        #expect(state == "Z")
        let zombie = ProcessIdentity(
            host: me.host, pid: Int(pid), startTime: ProcessTable.status(of: Int(pid))?.startTime, bootID: me.bootID)
        #expect(zombie.hasEnded(seenFrom: me))
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    @Test func procStatParsingSurvivesAwkwardCommandNames() throws {
        // The command name of `sleep` started through a symlink named with spaces and
        // parentheses appears inside /proc/PID/stat's parentheses.
        let directory = try TemporaryDirectory()
        let link = directory.path("a b) (c")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/bin/sleep")
        let child = try ChildProcess(URL(fileURLWithPath: link), ["30"])
        defer { child.kill() }
        let stat = try String(contentsOfFile: "/proc/\(child.pid)/stat", encoding: .utf8)
        #expect(stat.contains("(a b) (c)"))
        let fields = stat.split(separator: " ")
        let status = try #require(ProcessTable.status(of: Int(child.pid)))
        #expect(String(status.startTime) == fields[fields.count - 52 + 21])
        #expect(!status.isZombie)
    }

    @Test func onlyRunsOfEndedProcessesOnThisHostAreMarked() throws {
        let scratch = try ScratchStore()
        let store = scratch.store
        let ended = try endedProcess()
        var remote = ended
        remote.host = "another-host"
        let live = try store.createRun(experiment: "e", sampleParameters(), process: me).id
        let gone = try store.createRun(experiment: "e", sampleParameters(), process: ended).id
        let elsewhere = try store.createRun(experiment: "e", sampleParameters(), process: remote).id
        let finished = try store.createRun(experiment: "e", sampleParameters(), process: ended).id
        try store.finishRun(finished, results: sampleResults(train: 1, dev: 1, test: 1))

        #expect(try store.abandonedRuns() == [gone])
        #expect(try store.markAbandonedRuns() == [gone])
        #expect(try store.markAbandonedRuns() == [])
        let statuses = try store.runs().map { "\($0.id) \($0.status.rawValue)" }
        #expect(
            statuses == ["\(finished) completed", "\(elsewhere) running", "\(gone) interrupted", "\(live) running"])
        let run = try store.run(gone).run
        #expect(
            run.error == "the process recording the run (pid \(ended.pid) on \(me.host)) ended without finishing it")
        #expect(isTimestamp(run.finishedAt))
    }

    @Test func anAbandonedRunEndsWithItsLastCommittedEpochOrItsStart() throws {
        let scratch = try ScratchStore()
        let store = scratch.store
        let ended = try endedProcess()
        let trained = try store.createRun(experiment: "e", sampleParameters(), process: ended).id
        let untrained = try store.createRun(experiment: "e", sampleParameters(), process: ended).id
        for epoch in 1...2 {
            try store.recordEpoch(sampleEpoch(epoch, train: 0.5, dev: 0.5, test: 0.5), for: trained)
        }
        // Times well before now, as if the process had died long before anyone looked.
        try store.database.execute(
            """
            UPDATE runs SET started_at = '2026-01-02T03:04:05.000Z';
            UPDATE epochs SET recorded_at = '2026-01-02T03:04:0' || (5 + epoch) || '.250Z'
            """)

        #expect(try store.markAbandonedRuns(seenFrom: me) == [trained, untrained])
        let finished = try [trained, untrained].map { try store.run($0).run.finishedAt }
        #expect(finished == ["2026-01-02T03:04:07.250Z", "2026-01-02T03:04:05.000Z"])
    }

    @Test func aWriterKilledMidRunLeavesWholeEpochsAndIsMarkedInterrupted() throws {
        let writer = try BuiltExecutable.url("StoreBenchmark")
        let scratch = try ScratchStore()
        let child = try ChildProcess(writer, ["write", "--db", scratch.path, "--runs", "100000", "--epochs", "20"])
        // Holding the write lock freezes the writer between two transactions: look, and
        // kill it once it is inside a run (some epochs recorded, the run not finished).
        let lock = try Database(path: scratch.path)
        lock.setBusyTimeout(milliseconds: 10_000)
        var recorded = 0
        for _ in 0..<2000 {
            try lock.execute("BEGIN IMMEDIATE")
            let state = try lock.fetchOne(
                """
                SELECT (SELECT count(*) FROM epochs), status, (SELECT count(*) FROM epochs WHERE run_id = r.id)
                FROM runs AS r ORDER BY id DESC LIMIT 1
                """)
            recorded = state?[2].int ?? 0
            if state?[0].int ?? 0 >= 50 && state?[1] == "running" && recorded > 0 { break }
            try lock.execute("ROLLBACK")
            usleep(2_000)
        }
        try #require(lock.isInTransaction, "the writer never got 50 epochs into a run")
        #expect(child.kill().signal == SIGKILL)
        try lock.execute("ROLLBACK")

        let store = try TrackerStore(path: scratch.path, access: .mustExist)
        #expect(try store.database.fetchOne("PRAGMA integrity_check")?[0] == "ok")
        let runs = try store.runs()
        #expect(try store.markAbandonedRuns() == [runs[0].id])
        #expect(try store.run(runs[0].id).run.status == .interrupted)
        #expect(runs.count >= 3)
        // Every completed run has its 20 epochs; the killed one the epochs it committed.
        for run in runs.dropFirst() {
            #expect(run.status == .completed)
            #expect(try store.epochs(of: run.id).map(\.epoch) == Array(1...20))
        }
        #expect(try store.epochs(of: runs[0].id).map(\.epoch) == Array(1...recorded))
    }
}
