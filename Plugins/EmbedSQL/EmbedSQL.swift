import Foundation
import PackagePlugin

/// Compiles the package's `migrations/*.sql` and `queries/*.sql` into the target
/// that uses it, so the binary carries its schema and queries and runs from any
/// directory with no files beside it.
@main
struct EmbedSQL: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let inputs = try ["migrations", "queries"].flatMap { folder in
            try sqlFiles(in: root.appending(path: folder))
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedSQL.swift")
        return [
            .buildCommand(
                displayName: "Embedding migrations/ and queries/ into \(target.name)",
                executable: try context.tool(named: "EmbedSQLTool").url,
                arguments: [output.path, root.path],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    private func sqlFiles(in folder: URL) throws -> [URL] {
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "sql" }
    }
}
