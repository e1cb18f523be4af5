import Foundation
import SQLite

/// A query name or `--param` that `tracker query` refuses before any file is read; each
/// description is one line for the user, with what may be given instead.
public enum QueryCallError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownQuery(String, available: [String])
    /// A `--param` without `=`, or without a name before it.
    case malformedParameter(String, query: String, available: [String])
    case unknownParameter(String, query: String, available: [String])
    case repeatedParameter(String)
    /// A value the parameter cannot take, with what it takes.
    case invalidValue(key: String, value: String, expected: String)

    public var description: String {
        switch self {
        case .unknownQuery(let name, let available):
            "no query named '\(name)'; queries: \(available.joined(separator: ", "))"
        case .malformedParameter(let text, let query, let available):
            "--param '\(text)' is not NAME=VALUE; \(Self.parameters(of: query, available))"
        case .unknownParameter(let name, let query, let available):
            "query \(query) has no parameter '\(name)'; \(Self.parameters(of: query, available))"
        case .repeatedParameter(let name):
            "--param \(name) is given twice"
        case .invalidValue(let key, let value, let expected):
            "--param \(key)=\(value): expected \(expected)"
        }
    }

    private static func parameters(of query: String, _ available: [String]) -> String {
        available.isEmpty ? "\(query) takes none" : "parameters of \(query): \(available.joined(separator: ", "))"
    }
}

/// What a query parameter holds, by its name: the files of `queries/` give one meaning
/// to each name.
enum QueryParameterKind {
    /// `:experiment`: an experiment's name, checked against the database when run.
    case experiment
    /// `:runs`: run ids separated by commas.
    case runIDs
    /// `:limit`: a count of rows.
    case count
    /// Any other name: text, as the shell would bind it.
    case text

    init(_ name: String) {
        switch name {
        case "experiment": self = .experiment
        case "runs": self = .runIDs
        case "limit": self = .count
        default: self = .text
        }
    }

    /// `text` as the value to bind.
    ///
    /// - Throws: `QueryCallError.invalidValue` when the parameter cannot take it.
    func value(_ text: String, key: String) throws(QueryCallError) -> SQLiteValue {
        switch self {
        case .experiment:
            guard !text.isEmpty else { throw .invalidValue(key: key, value: text, expected: "an experiment's name") }
            return .text(text)
        case .runIDs:
            let ids = text.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard ids.allSatisfy({ Int64($0).map { $0 >= 1 } ?? false }) else {
                throw .invalidValue(key: key, value: text, expected: "run ids separated by commas, as in 3,7,12")
            }
            return .text(ids.joined(separator: ","))
        case .count:
            guard let count = Int64(text), count >= 1 else {
                throw .invalidValue(key: key, value: text, expected: "a count of rows, 1 or more")
            }
            return .integer(count)
        case .text:
            return .text(text)
        }
    }
}
