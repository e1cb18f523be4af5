import Dispatch
import Foundation

/// `tracker ui` from start to Ctrl-C: open the database read-only, listen, print the
/// address, serve until SIGINT or SIGTERM.
public enum DashboardService {
    /// Blocks the calling thread while serving.
    ///
    /// - Parameter announce: called once listening, with the address to open.
    /// - Throws: `StoreError` for the database, `ServeError` when the address cannot be used.
    public static func serve(
        databasePath: String, settings: ServerSettings, announce: @escaping @Sendable (String) -> Void
    )
        throws
    {
        let dashboard = try Dashboard(
            path: databasePath, token: settings.token, queryTimeLimit: settings.queryTimeLimit)
        let server: DashboardServer
        do {
            server = try DashboardServer(dashboard: dashboard, settings: settings)
        } catch {
            throw ServeError(host: settings.host, port: settings.port, reason: "\(error)")
        }
        let outcome = Outcome()
        let serving = Task {
            do { try await server.run() } catch { outcome.finish(error) }
            outcome.finish(nil)
        }
        Task {
            if let port = try? await server.waitForPort() { announce(settings.url(port: port)) }
        }
        let signals = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { outcome.finish(nil) }
            source.resume()
            return source
        }
        let failure = outcome.wait()
        for source in signals { source.cancel() }
        serving.cancel()
        if let failure { throw ServeError(host: settings.host, port: settings.port, reason: "\(failure)") }
    }

    /// The first of: a signal, or the server's end.
    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private let done = DispatchSemaphore(value: 0)
        private var finished = false
        private var error: Error?

        func finish(_ error: Error?) {
            lock.lock()
            defer { lock.unlock() }
            guard !finished else { return }
            finished = true
            self.error = error
            done.signal()
        }

        func wait() -> Error? {
            done.wait()
            lock.lock()
            defer { lock.unlock() }
            return error
        }
    }
}

/// The address cannot be listened on (in use, not this machine's).
public struct ServeError: Error, Sendable, CustomStringConvertible {
    public var host: String
    public var port: UInt16
    public var reason: String

    public var description: String { "cannot listen on \(host):\(port): \(reason)" }
}
