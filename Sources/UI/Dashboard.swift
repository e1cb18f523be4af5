import Foundation
import Reports
import RunQueries
import Store
import TextOutput

/// Answers the dashboard's requests: the token check, then the route, then the library
/// call on a read-only store. Nothing here writes; no route takes anything but GET or HEAD.
public final class Dashboard: Sendable {
    let pool: StorePool
    let access: AccessCheck
    let path: String
    let events: LiveEvents
    /// The Compare page draws its curves for at most this many runs.
    let compareCurveRunLimit: Int

    /// How long one request's queries may run, by default: a page that needs longer is
    /// one to narrow, and meanwhile it would hold one of the few connections.
    public static let defaultQueryTimeLimit = 10.0

    /// Curves read every epoch of every run compared (2,000,000 rows for 100,000 runs,
    /// seconds of work), on each live refresh: beyond this many runs the page leaves them out.
    public static let defaultCompareCurveRunLimit = 2_000

    /// Opens `connections` read-only stores on the database at `path`.
    ///
    /// - Parameter queryTimeLimit: the seconds a request's queries may run before they are
    ///   stopped and the request answered 503; nil for no limit.
    /// - Parameter compareCurveRunLimit: the Compare page draws curves for at most this
    ///   many runs and says how to draw more.
    /// - Throws: `StoreError` for a file that is missing, foreign, older or newer.
    public init(
        path: String, token: String?, connections: Int = 4, maxWaiting: Int = 64,
        queryTimeLimit: Double? = defaultQueryTimeLimit, compareCurveRunLimit: Int = defaultCompareCurveRunLimit
    ) throws {
        self.compareCurveRunLimit = compareCurveRunLimit
        pool = try StorePool(
            path: path, connections: connections, maxWaiting: maxWaiting, timeLimit: queryTimeLimit)
        access = AccessCheck(token: token)
        self.path = path
        events = try LiveEvents(path: path)
    }

    /// The seconds a request's queries may run (nil: no limit); a change applies to the
    /// requests that start after it.
    public var queryTimeLimit: Double? {
        get { pool.timeLimit }
        set { pool.timeLimit = newValue }
    }

    /// The answer to `request`; every failure is an answer too.
    public func respond(to request: WebRequest) async -> WebResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            return WebResponse.jsonError(
                "the dashboard only reads: \(request.method.prefix(16)) is not allowed", status: 405)
        }
        guard access.allows(request) else {
            return WebResponse.jsonError("a valid token is required: open the URL tracker ui printed", status: 401)
        }
        guard let route = Route(path: request.path) else { return notFound(request) }
        var response: WebResponse
        do {
            response = try await answer(route, request)
        } catch let error as ParameterError {
            response =
                route.isAPI
                ? .jsonError(error.description, status: 400) : .html(errorPage(error.description), status: 400)
        } catch is StorePool.Busy {
            response = .jsonError("the dashboard is busy: try again", status: 503)
        } catch let error as QueryTimeLimitExceeded {
            response = .jsonError(
                "\(error.description): narrow it (an experiment, a where filter) or try again", status: 503)
        } catch {
            response = failure(error, api: route.isAPI)
        }
        if let token = access.token, request.value("token") != nil {
            // A page opened with the printed URL keeps working as its links are followed.
            response.headers.append(
                ("Set-Cookie", "\(AccessCheck.cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict"))
        }
        return response
    }

    private func answer(_ route: Route, _ request: WebRequest) async throws -> WebResponse {
        switch route {
        case .asset(let asset):
            return WebResponse(status: 200, contentType: asset.contentType, body: Data(asset.text.utf8))
        case .events:
            preconditionFailure("the event stream is answered by the server")
        case .apiExperiments:
            let table = try await pool.withStore { try DashboardAPI.experimentTable(store: $0) }
            return .json(OutputFormat.json.render(table))
        case .apiRuns:
            let listing = try QueryParameters.listing(request)
            return .json(try await pool.withStore { try DashboardAPI.runs(listing, store: $0) })
        case .apiRun(let id):
            return try await found(pool.withStore { try DashboardAPI.run(id, store: $0) }, id: id)
        case .apiEpochs(let id):
            return try await found(pool.withStore { try DashboardAPI.epochs(id, store: $0) }, id: id)
        case .apiCompare:
            let comparison = try QueryParameters.comparison(request)
            return .json(try await pool.withStore { try DashboardAPI.compare(comparison, store: $0) })
        default:
            return try await page(route, request)
        }
    }

    private func page(_ route: Route, _ request: WebRequest) async throws -> WebResponse {
        let path = path
        switch route {
        case .experiments:
            return .html(try await pool.withStore { try ListPages.experiments(store: $0) })
        case .runs:
            let listing = try QueryParameters.listing(request)
            return .html(try await pool.withStore { try ListPages.runs(request, listing: listing, store: $0) })
        case .run(let id):
            return .html(try await pool.withStore { try RunPages.run(id, store: $0) })
        case .compare:
            var comparison: ComparisonRequest?
            var message: String?
            if !request.values("group").isEmpty {
                do { comparison = try QueryParameters.comparison(request) } catch { message = error.description }
            }
            let chosen = comparison
            let error = message
            let limit = compareCurveRunLimit
            return .html(
                try await pool.withStore {
                    try ComparePage.page(request, comparison: chosen, error: error, curveRunLimit: limit, store: $0)
                })
        case .diff:
            guard !request.values("runs").isEmpty || !request.values("run").isEmpty else {
                return .html(RunPages.diffForm())
            }
            let ids = try QueryParameters.runIDs(request)
            return .html(try await pool.withStore { try RunPages.diff(ids, store: $0) })
        case .report:
            let experiments = request.values("experiment").filter { !$0.isEmpty }
            var response = WebResponse.html(
                try await pool.withStore { store in
                    try ReportPage.html(experiments: experiments, path: path, store: store)
                })
            // The report is one self-contained file whose stylesheet is inline.
            response.headers = response.headers.map {
                $0.name == "Content-Security-Policy"
                    ? ($0.name, "default-src 'self'; style-src 'self' 'unsafe-inline'") : $0
            }
            return response
        default:
            return notFound(request)
        }
    }

    private func found(_ json: String?, id: Int) -> WebResponse {
        json.map { .json($0) } ?? .jsonError("no run with id \(id)", status: 404)
    }

    func notFound(_ request: WebRequest) -> WebResponse {
        request.path.hasPrefix("/api/")
            ? .jsonError("not found", status: 404) : .html(errorPage("Not found."), status: 404)
    }

    /// The one line a user may see: the store's own message, never an SQL statement.
    private func failure(_ error: Error, api: Bool) -> WebResponse {
        let (message, status): (String, Int) =
            switch error {
            case StoreError.runNotFound(let id): ("no run with id \(id)", 404)
            case let error as StoreError: (error.description, 500)
            case let error as ReportError: (error.description, 400)
            case let error as ComparisonError: (error.description, 400)
            default: ("the database could not be read", 500)
            }
        return api ? .jsonError(message, status: status) : .html(errorPage(message), status: status)
    }

    private func errorPage(_ message: String) -> String {
        HTML.page(title: "Error", active: "", body: "<h1>Error</h1>\n<p class=\"error\">\(HTML.escape(message))</p>")
    }
}
