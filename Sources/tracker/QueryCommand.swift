import ArgumentParser
import RunQueries
import TextOutput
import Training

/// `tracker query [NAME]`: the documented queries of `queries/`, as the binary embeds
/// them, from any directory.
struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Run one of the documented SQL queries tracker carries (queries/*.sql), or list them.",
        discussion: """
            Without a name, lists the queries, their parameters and what each computes. A \
            parameter not given is NULL, which each query reads as "all" (its header says how). \
            Values are bound as SQLite parameters, never written into the SQL. --print shows \
            the query's SQL (after .parameter lines for the values given), to run in the \
            sqlite3 shell: tracker query NAME --print | sqlite3 -box tracker.db.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("The query's name, as `tracker query` lists them.", valueName: "name"))
    var name: String?

    @Option(
        name: .customLong("param"), parsing: .unconditionalSingleValue,
        help: ArgumentHelp("Bind the query's parameter :NAME to VALUE (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    @Flag(name: .customLong("print"), help: "Print the query's SQL instead of running it.")
    var printsSQL = false

    @Option(help: "How to print the rows.")
    var format: OutputFormat = .table

    func validate() throws {
        _ = try call()
    }

    func run() throws {
        let printer = Printer.standardOutput
        guard let call = try call() else {
            let catalog = QueryCall.catalog
            return try printer.print(
                catalog, table: QueryCall.textTable(catalog), format: format, empty: "no queries")
        }
        if printsSQL {
            printer.sink.write(call.printedSQL)
            return try printer.sink.flush()
        }
        let cells = try call.run(in: try database.open(.readOnly))
        try printer.print(cells, table: QueryCall.textTable(cells), format: format, empty: "no rows")
    }

    /// The call the arguments describe; nil for the list of queries.
    private func call() throws -> QueryCall? {
        guard let name else {
            if let given = parameters.first { throw ValidationError("--param \(given) needs a query name") }
            if printsSQL { throw ValidationError("--print needs a query name") }
            return nil
        }
        do {
            return try QueryCall(name: name, parameters: parameters)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
