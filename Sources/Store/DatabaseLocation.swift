/// Where commands find the database when no path is given.
public enum DatabaseLocation {
    /// The file used when neither `--db` nor `$TRACKER_DB` names one: in the current
    /// directory.
    public static let defaultPath = "tracker.db"

    /// The database path: `explicit` (from `--db`) if given, else `$TRACKER_DB` if set
    /// and not empty, else `tracker.db`.
    public static func resolve(explicit: String?, environment: [String: String]) -> String {
        if let explicit { return explicit }
        if let fromEnvironment = environment["TRACKER_DB"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return defaultPath
    }
}
