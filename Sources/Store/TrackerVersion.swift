/// The version of tracker recorded with every run, so a result can be traced
/// back to the code that produced it.
public enum TrackerVersion {
    public static let current = "0.1.0"
}
