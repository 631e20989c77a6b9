import Foundation
import SaferCore

/// The one rule for a command that writes into a site folder (`theme export`, `init`,
/// `new-edition`'s editions.yaml, `diff --output`): it never follows a link out of the site. A
/// `themes` folder that is a link to somewhere else would otherwise receive the theme there, and
/// every later build would fail on a link it refuses to read.
public enum InsideSite {
    /// Refuses `target` when a folder or file on its way from `site` (or `site` itself, with
    /// `includingSite`) is a symbolic link leading out of the site folder, or nowhere. A target
    /// outside the site folder is the caller's own path and is not checked here.
    public static func check(_ target: URL, site: URL, includingSite: Bool = false) throws(Diagnostic) {
        let sitePath = site.standardizedFileURL.path
        let targetPath = target.standardizedFileURL.path
        guard targetPath == sitePath || targetPath.hasPrefix(sitePath.hasSuffix("/") ? sitePath : sitePath + "/") else { return }
        if includingSite, isLink(sitePath) {
            throw .error(at: SourceLocation(file: sitePath), "this is a link (to \(shown(realPath(sitePath)))), not a folder",
                         hint: "give the name of a new folder itself, not a link to one: SaferSite does not write through links")
        }
        let realSite = realPath(sitePath) ?? sitePath
        var current = sitePath
        var relative = ""
        for component in targetPath.dropFirst(sitePath.count).split(separator: "/") {
            current += (current.hasSuffix("/") ? "" : "/") + component
            relative += (relative.isEmpty ? "" : "/") + component
            var info = stat()
            // Not there yet: it is made as a plain folder or file, inside the site.
            guard lstat(current, &info) == 0 else { return }
            guard info.st_mode & S_IFMT == S_IFLNK else { continue }
            let destination = realPath(current)
            guard let destination, destination == realSite || destination.hasPrefix(realSite == "/" ? "/" : realSite + "/") else {
                throw .error(at: SourceLocation(file: relative), "this is a link to \(shown(destination)), outside the site folder, and SaferSite writes only inside the site",
                             hint: "replace the link `\(SafeText.terminal(relative))` with a real folder in the site (copy what it holds), then run the command again")
            }
        }
    }

    private static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func shown(_ destination: String?) -> String {
        destination.map { "`\(SafeText.terminal($0))`" } ?? "a path that does not exist"
    }

    /// Why `name` cannot be a folder of its own in `themes/`, or nil: a plain name is letters,
    /// digits, `-`, `_` and `.` (not first), at most 64 characters. No path, no control or
    /// invisible characters, nothing a terminal or a file system would read as more than a name.
    public static func folderNameProblem(_ name: String) -> String? {
        if name.isEmpty { return "is empty" }
        if name.count > 64 { return "is longer than 64 characters" }
        if name.hasPrefix(".") { return "starts with `.`, which would hide the folder (or name a folder above it)" }
        if name.contains("/") || name.contains("\\") { return "is a path, not a folder name" }
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        if let odd = name.unicodeScalars.first(where: { !allowed.contains($0) }) {
            let what = odd.properties.generalCategory == .control || odd.properties.generalCategory == .format ? "an invisible or control character" : "the character `\(SafeText.terminal(String(odd)))`"
            return "has \(what) (U+\(String(odd.value, radix: 16, uppercase: true))) in it"
        }
        return nil
    }
}
