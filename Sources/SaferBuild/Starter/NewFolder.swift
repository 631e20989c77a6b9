import Foundation
import SaferCore
import SaferRender

/// Writes a set of files into a folder that is new or empty, so a starter or an exported theme can
/// never overwrite someone's work.
enum NewFolder {
    /// - Parameter example: a command that names a new folder, for the hint.
    static func write(_ files: [(path: String, text: String)], into folder: URL, example: String) throws(Diagnostic) {
        let location = SourceLocation(file: folder.path)
        if let kind = FileKind.of(folder.path) {
            guard kind.kind == .folder else {
                throw .error(at: location, "this is a file, not a folder", hint: "give the name of a new folder: \(example)")
            }
            let entries = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            guard entries.isEmpty else {
                throw .error(
                    at: location, "this folder is not empty (it holds \(entries.prefix(3).joined(separator: ", "))\(entries.count > 3 ? ", …" : ""))",
                    hint: "give the name of a new folder, such as \(example); nothing is ever written over")
            }
        }
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            do {
                try OutputWriter.makeFolder(url.deletingLastPathComponent().path)
                try OutputWriter.write(Data(text.utf8), to: url.path)
            } catch {
                let problem = FileProblem(error)
                throw .error(at: SourceLocation(file: url.path), "this file could not be written: \(problem.what)", hint: problem.hint)
            }
        }
    }
}

/// `safersite theme export`: the built-in theme written out as a folder a site can change.
public enum ThemeExport {
    /// Writes the built-in theme into `themes/NAME/` of the site; returns that folder's path in the site.
    @discardableResult
    public static func write(name: String, siteFolder: URL) throws(Diagnostic) -> String {
        if let problem = InsideSite.folderNameProblem(name) {
            throw .error(at: SourceLocation(file: siteFolder.path), "`\(SafeText.terminal(name))` cannot be a theme's name: it \(problem)",
                         hint: "use a plain folder name of letters, digits, `-` and `_`, such as `default` or `our-theme`")
        }
        let path = "themes/\(name)"
        try InsideSite.check(siteFolder.appendingPathComponent(path), site: siteFolder)
        try NewFolder.write(Theme.builtInFiles, into: siteFolder.appendingPathComponent(path), example: "safersite theme export our-theme")
        return path
    }
}
