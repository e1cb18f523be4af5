/// How a transaction takes its locks (https://sqlite.org/lang_transaction.html).
public enum TransactionKind: String, Sendable {
    /// Locks on first use: for readers. A deferred transaction that later writes can
    /// fail with `SQLITE_BUSY` at once, without waiting, when another writer got there first.
    case deferred = "DEFERRED"
    /// Takes the write lock at `BEGIN`, waiting out the busy timeout: for writers.
    case immediate = "IMMEDIATE"
    /// As immediate; in WAL mode the two are the same.
    case exclusive = "EXCLUSIVE"
}

extension Database {
    /// Runs `body` in a transaction: commits when it returns, rolls back when it
    /// throws and rethrows its error.
    ///
    /// Writers use `.immediate` (the default): the write lock is taken at `BEGIN`, where
    /// the busy timeout applies, so a writer waits for another instead of failing.
    /// When the rollback fails too (or SQLite already rolled back after an I/O error),
    /// the first error is the one thrown. Transactions don't nest: beginning one
    /// inside another is a bug.
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        precondition(!isInTransaction, "a transaction is already open on this connection")
        try execute("BEGIN \(kind.rawValue)")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if isInTransaction {
                // The error that matters is the one that stopped the transaction.
                try? execute("ROLLBACK")
            }
            throw error
        }
    }
}
