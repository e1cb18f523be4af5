import ArgumentParser
import Foundation
import UI

/// `tracker ui`: a read-only dashboard in the browser.
struct UICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui",
        abstract: "Serve a live, read-only dashboard of the database in the browser until Ctrl-C.",
        discussion: """
            Experiments, runs, a run's curves as it trains, compare, diff and reports, and a JSON API \
            (/api/experiments, /api/runs, /api/runs/ID, /api/runs/ID/epochs, /api/compare) answering \
            as tracker's --format json does. The database is opened read-only. On a host other than \
            loopback every request needs the token (--token, else one is generated and printed).
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("The address to listen on (an IPv4 address).", valueName: "address"))
    var host: String = ServerSettings.defaultHost

    @Option(help: ArgumentHelp("The port to listen on; 0 picks a free one.", valueName: "port"))
    var port: Int = ServerSettings.defaultPort

    @Option(
        help: ArgumentHelp("The access token every request must carry (at least 16 characters).", valueName: "token"))
    var token: String?

    @Option(
        help: ArgumentHelp(
            "How long one request's queries may run before it is answered 503 (default: 10).",
            valueName: "seconds"))
    var queryTimeLimit: String?

    func validate() throws {
        _ = try settings()
    }

    func run() throws {
        let settings = try settings()
        let path = database.path
        try DashboardService.serve(databasePath: path, settings: settings) { url in
            FileHandle.standardOutput.write(
                Data("tracker ui: serving \(path) read-only at \(url) (Ctrl-C to stop)\n".utf8))
        }
    }

    private func settings() throws -> ServerSettings {
        do {
            return try ServerSettings(host: host, port: port, token: token, queryTimeLimit: queryTimeLimit)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
