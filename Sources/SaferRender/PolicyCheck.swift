/// What a page's Content-Security-Policy must say, read by its directives: a theme's policy may be
/// stricter than SaferSite's own, never looser. No script may run (the site has none; only the
/// preview adds its own, to its own copy), no plugin may load, and nothing may come from other
/// hosts without the theme saying which.
enum PolicyCheck {
    /// Why the policy in `html` is not enough, or `nil` when it is. `html` is a whole page.
    static func problem(in html: String) -> String? {
        guard let head = html.range(of: "</head>", options: .caseInsensitive).map({ html[..<$0.lowerBound] }) ?? Optional(html[...]),
              let meta = head.range(of: "http-equiv=\"Content-Security-Policy\"", options: .caseInsensitive) else {
            return "gives this page no Content-Security-Policy in its <head>"
        }
        // The meta's content="…", on either side of http-equiv.
        let tagStart = head[..<meta.lowerBound].range(of: "<", options: .backwards)?.lowerBound ?? meta.lowerBound
        let tagEnd = head[meta.upperBound...].range(of: ">")?.upperBound ?? head.endIndex
        let tag = head[tagStart..<tagEnd]
        guard let open = tag.range(of: "content=\"", options: .caseInsensitive), let close = tag[open.upperBound...].firstIndex(of: "\"") else {
            return "has a Content-Security-Policy with no policy in it"
        }
        let policy = String(tag[open.upperBound..<close])
        var directives: [String: [String]] = [:]
        for part in policy.split(separator: ";") {
            let words = part.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map { String($0).lowercased() }
            guard let name = words.first, directives[name] == nil else { continue }
            directives[name] = Array(words.dropFirst())
        }
        guard let fallback = directives["default-src"] else {
            return "has a Content-Security-Policy without `default-src` (SaferSite's is `default-src 'none'`)"
        }
        for name in ["script-src", "script-src-elem", "script-src-attr", "object-src", "worker-src", "frame-src", "child-src"] {
            let sources = directives[name] ?? fallback
            if let loose = sources.first(where: { !["'none'", "'self'"].contains($0) }) {
                return "has a Content-Security-Policy whose `\(directives[name] == nil ? "default-src" : name)` allows \(loose), which would let a script or plugin run"
            }
        }
        for (name, sources) in directives.sorted(by: { $0.key < $1.key }) where sources.contains("*") || sources.contains("'unsafe-eval'") {
            return "has a Content-Security-Policy whose `\(name)` allows \(sources.contains("*") ? "any host (`*`)" : "'unsafe-eval'")"
        }
        return nil
    }
}
