import Foundation
import SaferCore

/// Files in `content/` are published as they are, outside every page's Content-Security-Policy:
/// one that can run a script in a reader's browser, under the site's own address, is refused.
enum ActiveContent {
    /// Kinds of file a browser runs or renders as a page of its own.
    static let pageLike: Set<String> = ["html", "htm", "xhtml", "xht", "shtml", "js", "mjs", "cjs", "wasm", "swf"]

    /// Why the file at `path` (below `content/`) may not be published, or `nil` when it may.
    static func problem(path: String, data: Data) -> Diagnostic? {
        let location = SourceLocation(file: "content/" + path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let kind = name.split(separator: ".").count > 1 ? String(name.split(separator: ".").last!).lowercased() : ""
        if pageLike.contains(kind) {
            return .error(at: location, "this .\(kind) file would be published as it is, outside the pages' protection against scripts",
                          hint: kind.hasPrefix("htm") || kind.hasPrefix("x") || kind == "shtml"
                              ? "write the page in Markdown instead (content/\(name.split(separator: ".").first ?? "page").md); SaferSite gives every page its policy"
                              : "remove it: the site's pages run no scripts")
        }
        if kind == "svg" || kind == "svgz" || kind == "xml" || kind == "xsl" {
            let text = String(decoding: data, as: UTF8.self).lowercased()
            if text.contains("<script") || text.contains("javascript:") || text.contains("<foreignobject") || text.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) != nil {
                return .error(at: location, "this .\(kind) file holds a script or an event handler, which would run when it is opened on its own",
                              hint: "save it again without scripts (most drawing programs have a plain or optimised SVG export), or remove it")
            }
        }
        return nil
    }
}
