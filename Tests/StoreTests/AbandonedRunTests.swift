import Foundation
import SQLite
@testable import Store
import Testing
import TestSupport

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
        child.kill()
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
        defer { arguments.forEach { free($0) } }
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
        #expect(statuses == ["\(finished) completed", "\(elsewhere) running", "\(gone) interrupted", "\(live) running"])
        let run = try store.run(gone).run
        #expect(run.error == "the process recording the run (pid \(ended.pid) on \(me.host)) ended without finishing it")
        #expect(isTimestamp(run.finishedAt))
    }

    @Test func aWriterKilledMidRunLeavesWholeEpochsAndIsMarkedInterrupted() throws {
        let writer = try BuiltExecutable.url("StoreBenchmark")
        let scratch = try ScratchStore()
        let child = try ChildProcess(writer, ["write", "--db", scratch.path, "--runs", "100000", "--epochs", "20"])
        // Let it record a few runs, then kill it without warning.
        let reader = try Database(path: scratch.path, mode: .readOnly)
        for _ in 0..<2000 {
            if try reader.fetchOne("SELECT count(*) FROM epochs")?[0].int ?? 0 >= 50 { break }
            usleep(5_000)
        }
        #expect(child.kill().status == SIGKILL)

        let store = try TrackerStore(path: scratch.path, access: .mustExist)
        #expect(try store.database.fetchOne("PRAGMA integrity_check")?[0] == "ok")
        let interrupted = try store.markAbandonedRuns()
        #expect(interrupted.count == 1)
        let runs = try store.runs()
        #expect(runs.count >= 3)
        #expect(runs.first?.status == .interrupted)
        #expect(runs.dropFirst().allSatisfy { $0.status == .completed })
        // Every completed run has its 20 epochs; the interrupted one epochs 1...k.
        var total = 0
        for run in runs {
            let epochs = try store.epochs(of: run.id).map(\.epoch)
            #expect(epochs == (0..<epochs.count).map { $0 + 1 })
            #expect(run.status == .interrupted ? epochs.count < 20 : epochs.count == 20)
            total += epochs.count
        }
        #expect(total >= 50)
    }
}
