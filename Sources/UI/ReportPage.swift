import Reports
import RunQueries
import Store

/// The Report page: the HTML `tracker report --experiment …` writes, as it is.
enum ReportPage {
    static func html(experiments: [String], path: String, store: TrackerStore) throws -> String {
        let request = ReportRequest(
            experiments: experiments, database: DatabaseReference(path: path, isDefault: false))
        return try Report(request, store: store).html
    }
}
