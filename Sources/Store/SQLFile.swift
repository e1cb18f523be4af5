import Foundation

/// A `.sql` file of the package, as the EmbedSQL build plugin compiled it into the
/// binary: tracker needs no file beside it at run time.
struct SQLFile: Sendable, Hashable {
    /// The file name, `0001_initial.sql`.
    let name: String
    /// The file's text, byte for byte.
    let text: String

    /// The files of one embedded folder, in file-name order.
    ///
    /// The build tool wrote the base64 itself, so text that does not decode is a bug in
    /// the build, not a condition to handle.
    static func decode(_ entries: [(name: String, base64: String)]) -> [SQLFile] {
        entries.map { entry in
            guard let data = Data(base64Encoded: entry.base64) else {
                preconditionFailure("embedded \(entry.name) is not base64")
            }
            return SQLFile(name: entry.name, text: String(decoding: data, as: UTF8.self))
        }
    }

    /// `migrations/*.sql`.
    static let migrations = decode(EmbeddedSQL.migrations)
    /// `queries/*.sql`.
    static let queries = decode(EmbeddedSQL.queries)

    /// The name without its `.sql` extension.
    var baseName: String {
        name.hasSuffix(".sql") ? String(name.dropLast(4)) : name
    }

    /// The comment block at the top of the file: its `--` lines up to the first line
    /// that is not a comment, without the `--` and one following space.
    var leadingComment: [String] {
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("--") else { break }
            let body = line.dropFirst(2)
            lines.append(String(body.hasPrefix(" ") ? body.dropFirst() : body))
        }
        return lines
    }
}
