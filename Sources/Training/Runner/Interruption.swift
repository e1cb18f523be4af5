import Dispatch
import Foundation
import Synchronization

/// Turns SIGINT (Ctrl-C), SIGTERM and SIGHUP (the terminal closed) into a flag the
/// training loop checks between batches, so that a run stops at a clean point and is
/// recorded as `interrupted`.
/// A second signal ends the process at once: its run is then found abandoned and
/// marked `interrupted` by the next tracker command.
public final class Interruption: Sendable {
    /// The process-wide instance; `watchSignals()` must be called for it to see signals.
    public static let shared = Interruption()

    private let signalCount = Atomic<Int>(0)
    private let lastSignal = Atomic<Int32>(0)
    private let sources = Mutex<[any DispatchSourceSignal]>([])

    public init() {}

    /// Whether a stop was requested.
    public var isRequested: Bool { signalCount.load(ordering: .relaxed) > 0 }

    /// The signal that requested the stop, if any.
    public var signal: Int32? {
        let value = lastSignal.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }

    /// Asks the run in progress to stop, as a signal would.
    public func request(signal: Int32) {
        lastSignal.store(signal, ordering: .relaxed)
        if signalCount.wrappingAdd(1, ordering: .relaxed).newValue > 1 {
            // The user insists: leave now; the run is marked interrupted later.
            exit(128 + signal)
        }
    }

    /// The signals that stop a run.
    public static let signals = [SIGINT, SIGTERM, SIGHUP]

    /// Routes `signals` to `request(signal:)` from now on.
    public func watchSignals() {
        sources.withLock { sources in
            guard sources.isEmpty else { return }
            for number in Self.signals {
                // Unblock as well: a parent may have started us with the signal blocked.
                var set = sigset_t()
                sigemptyset(&set)
                sigaddset(&set, number)
                pthread_sigmask(SIG_UNBLOCK, &set, nil)
                Foundation.signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { [self] in request(signal: number) }
                source.resume()
                sources.append(source)
            }
        }
    }
}
