import Foundation
import SaferCore

/// What the preview server adds to the pages it serves, and only there: the published output never
/// holds any of it. The pages' Content-Security-Policy forbids scripts, so the served copy's policy
/// allows scripts and connections from the preview server itself, and nothing else more.
public enum LiveReload {
    /// Paths below this belong to the preview server, not the site.
    public static let prefix = "/__safersite/"
    public static let scriptPath = prefix + "live.js"
    public static let eventsPath = prefix + "events"
    public static let stylePath = prefix + "preview.css"
    public static let errorPath = prefix + "error"

    /// Reloads the page when a build newer than the one it was served from finishes (the server
    /// sends the build's number first on every connection, so a build missed while reconnecting
    /// still reloads).
    public static let script = """
        // SaferSite preview: reloads this page after each rebuild. Added by `safersite serve` only.
        (function () {
          var script = document.currentScript;
          var served = script ? script.getAttribute("data-build") : null;
          var events = new EventSource("\(eventsPath)");
          events.addEventListener("build", function (event) {
            if (served === null) { served = event.data; return; }
            if (event.data !== served) { events.close(); location.reload(); }
          });
        })();

        """

    public static let style = """
        .safersite-preview-error { margin: 0; padding: 1rem 1.25rem; background: #fff; color: #0b0c0c;
          border: 6px solid #d4351c; font: 1rem/1.5 system-ui, sans-serif; }
        .safersite-preview-error h2 { margin: 0 0 .5rem; font-size: 1.25rem; color: #d4351c; }
        .safersite-preview-error pre { white-space: pre-wrap; overflow-wrap: anywhere; font: .95rem/1.4 ui-monospace, monospace; margin: .5rem 0 0; }

        """

    /// The served copy of an HTML page: the policy opened to the preview's script, the script, and
    /// when the last build failed, its problems at the top of the page.
    public static func inject(into html: String, generation: Int, errors: [Diagnostic]) -> String {
        var html = allowPreview(in: html)
        var head = "<script src=\"\(scriptPath)\" data-build=\"\(generation)\" defer></script>"
        if !errors.isEmpty { head += "<link rel=\"stylesheet\" href=\"\(stylePath)\">" }
        if let close = html.range(of: "</head>", options: .caseInsensitive) {
            html.insert(contentsOf: head, at: close.lowerBound)
        } else {
            html = head + html
        }
        if !errors.isEmpty {
            let panel = errorPanel(errors)
            if let body = html.range(of: "<body", options: .caseInsensitive), let end = html[body.upperBound...].firstIndex(of: ">") {
                html.insert(contentsOf: panel, at: html.index(after: end))
            } else {
                html += panel
            }
        }
        return html
    }

    /// The problems of the failed build as the terminal prints them (up to 20 a file), HTML-escaped.
    public static func errorPanel(_ errors: [Diagnostic]) -> String {
        let count = errors.filter(\.isError).count
        var html = "<div class=\"safersite-preview-error\" role=\"alert\">\n"
        html += "<h2>The site did not build: \(HTMLText.escape(DiagnosticPrinter.summary(errors: count, warnings: errors.count - count)))</h2>\n"
        html += "<p>This is the last good build. Fix the problem below and save the file: this page reloads by itself.</p>\n"
        for line in DiagnosticPrinter.text(errors) { html += "<pre>\(HTMLText.escape(line))</pre>\n" }
        return html + "</div>\n"
    }

    /// A page of its own with the problems, at `/__safersite/error`.
    public static func errorPage(_ errors: [Diagnostic], generation: Int) -> String {
        let body = errors.isEmpty ? "<p>The last build succeeded.</p>\n" : errorPanel(errors)
        return inject(into: """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>SaferSite preview: build problems</title>
            <link rel="stylesheet" href="\(stylePath)"></head>
            <body>\(body)</body></html>

            """, generation: generation, errors: [])
    }

    /// The Content-Security-Policy meta with `script-src 'self'` and `connect-src 'self'` (for the
    /// events), and `'self'` added to `style-src` if it has a list without it.
    static func allowPreview(in html: String) -> String {
        guard let meta = html.range(of: "http-equiv=\"Content-Security-Policy\"", options: .caseInsensitive),
              let contentStart = html[meta.upperBound...].range(of: "content=\""),
              let contentEnd = html[contentStart.upperBound...].firstIndex(of: "\"") else { return html }
        let policy = String(html[contentStart.upperBound..<contentEnd])
        var directives = policy.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        func set(_ name: String, to value: String) {
            if let index = directives.firstIndex(where: { $0.split(separator: " ").first.map(String.init)?.lowercased() == name }) {
                directives[index] = "\(name) \(value)"
            } else {
                directives.append("\(name) \(value)")
            }
        }
        set("script-src", to: "'self'")
        set("connect-src", to: "'self'")
        if let index = directives.firstIndex(where: { $0.lowercased().hasPrefix("style-src ") }), !directives[index].contains("'self'") {
            directives[index] = directives[index].contains("'none'") ? "style-src 'self'" : directives[index] + " 'self'"
        }
        var result = html
        result.replaceSubrange(contentStart.upperBound..<contentEnd, with: directives.joined(separator: "; "))
        return result
    }
}
