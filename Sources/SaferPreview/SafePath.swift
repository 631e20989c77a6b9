import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns a request's path into a file inside the output folder, or refuses it.
///
/// The path is percent-decoded once, strictly; `..` and `.` segments, hidden names, NUL bytes and
/// backslashes are refused; then the file's real path (every symlink resolved) must still be inside
/// the output folder's real path. A folder is never listed: it serves its `index.html`.
public enum SafePath {
    public enum Resolution: Equatable, Sendable {
        case file(path: String)
        /// A folder asked for without its final `/`: relative links only work with it.
        case redirect(location: String)
        case notFound
        case forbidden
        case badRequest
    }

    public static func resolve(_ rawPath: String, in root: URL) -> Resolution {
        guard rawPath.hasPrefix("/"), let decoded = rawPath.removingPercentEncoding else { return .badRequest }
        if decoded.contains("\0") || decoded.contains("\\") { return .badRequest }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .forbidden }
        // Hidden names (`.safersite`, editors' files) are not part of the site.
        if segments.contains(where: { $0.hasPrefix(".") }) { return .notFound }
        guard let rootReal = realPath(root.path) else { return .notFound }
        let candidate = ([rootReal] + segments).joined(separator: "/")
        guard let real = realPath(candidate) else { return .notFound }
        guard isInside(real, rootReal) else { return .forbidden }
        var info = stat()
        guard stat(real, &info) == 0 else { return .notFound }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            if !rawPath.hasSuffix("/") {
                // Built from the checked segments, never the raw path: `//host` would leave the site.
                let encoded = segments.map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? $0 }
                return .redirect(location: "/" + encoded.joined(separator: "/") + "/")
            }
            guard let index = realPath(real + "/index.html"), isInside(index, rootReal), isRegularFile(index) else { return .notFound }
            return .file(path: index)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .notFound }
        return .file(path: real)
    }

    static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root == "/" ? "/" : root + "/")
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Content types by extension; anything else is bytes to download.
    public static func contentType(for path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let ext = name.contains(".") ? String(name.split(separator: ".").last!).lowercased() : ""
        switch ext {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json", "map": return "application/json"
        case "webmanifest": return "application/manifest+json"
        case "xml": return "application/xml"
        case "txt": return "text/plain; charset=utf-8"
        case "csv": return "text/csv; charset=utf-8"
        case "md": return "text/markdown; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/vnd.microsoft.icon"
        case "woff": return "font/woff"
        case "woff2": return "font/woff2"
        case "ttf": return "font/ttf"
        case "otf": return "font/otf"
        case "pdf": return "application/pdf"
        case "zip": return "application/zip"
        default: return "application/octet-stream"
        }
    }
}
