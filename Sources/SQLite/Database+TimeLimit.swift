internal import CSQLite

extension Database {
    /// How many virtual-machine instructions SQLite runs between two looks at the clock:
    /// about a microsecond of work, so a look (a few nanoseconds) costs well under 1%.
    static let instructionsPerClockCheck: Int32 = 1_000

    /// Runs `body`, stopping each of its statements once `seconds` have passed since it
    /// began: a statement still stepping then fails with `SQLITE_INTERRUPT`, and so does
    /// every later one, since the limit covers `body` as a whole.
    ///
    /// Whatever `body` did with that failure (rethrew it, wrapped it, swallowed it), a
    /// `body` that was stopped throws `SQLiteError` with code `interrupt`, so that a
    /// caller never takes a half-read answer for a whole one. Limits don't nest: an inner
    /// one replaces the outer one until it ends.
    ///
    /// Wraps `sqlite3_progress_handler`, which SQLite calls every
    /// `instructionsPerClockCheck` instructions of a statement.
    public func withTimeLimit<T>(seconds: Double, _ body: () throws -> T) throws -> T {
        let deadline = Deadline(ContinuousClock.now.advanced(by: .seconds(seconds)))
        let wasInTransaction = isInTransaction
        let context = Unmanaged.passUnretained(deadline).toOpaque()
        sqlite3_progress_handler(handle, Self.instructionsPerClockCheck, checkDeadline, context)
        defer {
            sqlite3_progress_handler(handle, 0, nil, nil)
            withExtendedLifetime(deadline) {}
        }
        let result: Result<T, Error> = Result { try body() }
        guard !deadline.reached else {
            sqlite3_progress_handler(handle, 0, nil, nil)
            // A transaction whose ROLLBACK was stopped too would stay open on the connection.
            if isInTransaction && !wasInTransaction { try? execute("ROLLBACK") }
            throw SQLiteError(
                extendedCode: SQLiteError.interrupt,
                message: "interrupted: the statements took longer than their limit of \(seconds) s")
        }
        return try result.get()
    }
}

/// When a time limit ends, and whether a statement ran into it.
private final class Deadline {
    let instant: ContinuousClock.Instant
    var reached = false

    init(_ instant: ContinuousClock.Instant) {
        self.instant = instant
    }
}

/// The progress handler of `withTimeLimit`: a non-zero answer interrupts the statement.
private func checkDeadline(_ context: UnsafeMutableRawPointer?) -> Int32 {
    guard let context else { return 0 }
    let deadline = Unmanaged<Deadline>.fromOpaque(context).takeUnretainedValue()
    if ContinuousClock.now >= deadline.instant { deadline.reached = true }
    return deadline.reached ? 1 : 0
}
