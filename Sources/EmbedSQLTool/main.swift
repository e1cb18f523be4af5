// Writes a Swift source file holding every `*.sql` file of `migrations/` and
// `queries/`, byte for byte. Contents are base64-encoded so that no character a
// SQL file may contain (quotes, backslashes, `"""`, CR) can change them.
//
// Usage: EmbedSQLTool OUTPUT.swift PACKAGE_ROOT
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: EmbedSQLTool OUTPUT.swift PACKAGE_ROOT\n".utf8))
    exit(2)
}
let output = URL(fileURLWithPath: arguments[1])
let root = URL(fileURLWithPath: arguments[2])

func entries(_ folder: String) throws -> String {
    let directory = root.appendingPathComponent(folder)
    guard FileManager.default.fileExists(atPath: directory.path) else { return "[]" }
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        .filter { $0.hasSuffix(".sql") }
        .sorted()
    guard !names.isEmpty else { return "[]" }
    let lines = try names.map { name -> String in
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return "        (name: \"\(name)\", base64: \"\(data.base64EncodedString())\"),"
    }
    return "[\n" + lines.joined(separator: "\n") + "\n    ]"
}

do {
    let source = """
        // Generated at build time by EmbedSQLTool from migrations/ and queries/. Do not edit.
        enum EmbeddedSQL {
            /// `migrations/*.sql`, sorted by file name.
            static let migrations: [(name: String, base64: String)] = \(try entries("migrations"))
            /// `queries/*.sql`, sorted by file name.
            static let queries: [(name: String, base64: String)] = \(try entries("queries"))
        }

        """
    try Data(source.utf8).write(to: output, options: .atomic)
} catch {
    FileHandle.standardError.write(Data("EmbedSQLTool: \(error)\n".utf8))
    exit(1)
}
