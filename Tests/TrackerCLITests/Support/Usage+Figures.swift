/// The lines ArgumentParser prints after a refused argument of `plot` and `report`.
extension Usage {
    static let plot = "Usage: tracker plot [<options>] [<run> ...]\n  See 'tracker plot --help' for more information.\n"
    static let report =
        "Usage: tracker report [--db <path>] [--experiment <name> ...] [--status <status>] [--where <test> ...] "
        + "[--format <format>] [--out <file>] [--figures <folder>] [--baseline <[key=]value>] [--runs] "
        + "[--title <title>] [--notes <file>]\n"
        + "  See 'tracker report --help' for more information.\n"
}
