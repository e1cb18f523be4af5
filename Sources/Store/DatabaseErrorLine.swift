import SQLite

extension StoreError {
    /// The line to show a user for `error`, met while using the database at `path`:
    /// for SQLite's own errors, what happened to the file, never the SQL that failed
    /// (`SQLiteError.description` keeps it, for logs and tests). Nil when `error` is
    /// not SQLite's, whose own description is the line.
    public static func userLine(for error: any Error, path: String) -> String? {
        guard let error = error as? SQLiteError else { return nil }
        switch error.code {
        case SQLiteError.corrupt, SQLiteError.notADatabase:
            return StoreError.damaged(path: path).description
        case SQLiteError.readOnly:
            return StoreError.notWritable(path: path, reason: "the file or its directory is read-only").description
        case SQLiteError.full:
            return "cannot write to '\(path)': the disk is full; the last transaction was rolled back"
        default:
            return "the database '\(path)' failed: \(error.message) (SQLite code \(error.extendedCode))"
        }
    }
}
