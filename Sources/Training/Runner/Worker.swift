import Foundation
import Store

/// The body of `tracker worker REQUEST`: runs one trial of a grid for the tracker that
/// started it, writing events and then the outcome as JSON lines on standard output.
public enum Worker {
    /// Runs the trial described by `requestJSON` and returns the exit status.
    public static func run(requestJSON: String, write: @escaping @Sendable (String) -> Void = Worker.standardOutput)
        -> Int32
    {
        let encoder = JSONEncoder()
        let send = { (message: WorkerMessage) in
            guard let data = try? encoder.encode(message) else { return }
            write(String(decoding: data, as: UTF8.self) + "\n")
        }
        guard let request = try? JSONDecoder().decode(TrialRequest.self, from: Data(requestJSON.utf8)) else {
            FileHandle.standardError.write(Data("not a trial request: \(requestJSON.prefix(80))\n".utf8))
            return 2
        }
        let interruption = Interruption.shared
        interruption.watchSignals()
        let outcome: TrialOutcome
        do {
            // The launcher checked the file for damage before it started the workers.
            let store = try TrackerStore(path: request.database, access: .mustExist, checksIntegrity: false)
            outcome = try request.execute(
                store: store, interruption: interruption, watchesParent: true, data: nil,
                emit: { send(.event($0)) })
        } catch {
            outcome = .failed(
                label: request.label, message: DatabaseFile.userLine(for: error, path: request.database) ?? "\(error)")
        }
        send(.outcome(outcome))
        return outcome.exitStatus(interruption: interruption)
    }

    public static func standardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

extension TrialOutcome {
    /// 0 when the trial is done (completed, diverged or skipped), 128 + the signal when it
    /// was interrupted by one, 1 otherwise.
    public func exitStatus(interruption: Interruption) -> Int32 {
        switch self {
        case .ran(let finished) where finished.status == RunStatus.interrupted.rawValue:
            128 + (interruption.signal ?? SIGINT)
        case .ran(let finished) where finished.status == RunStatus.failed.rawValue:
            1
        case .ran, .skipped:
            0
        case .failed:
            1
        }
    }
}
