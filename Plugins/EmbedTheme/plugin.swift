import Foundation
import PackagePlugin

/// Builds the default theme into SaferRender: `themes/default/` is the theme's one home, and
/// every build where one of its files changed writes `BuiltInTheme.swift` from it again.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let theme = context.package.directoryURL.appending(path: "themes/default")
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltInTheme.swift")
        var files: [URL] = []
        let enumerator = FileManager.default.enumerator(at: theme, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { files.append(url) }
        }
        return [.buildCommand(
            displayName: "Building themes/default into SaferRender",
            executable: try context.tool(named: "ThemeEmbedder").url,
            arguments: [theme.path, output.path],
            inputFiles: files.sorted { $0.path < $1.path },
            outputFiles: [output])]
    }
}
