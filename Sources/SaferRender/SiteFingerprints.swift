import Foundation
import SaferContent
import SaferCore
import SaferMarkdown
import Mustache

/// The names a block's template looked up while it rendered: what its output can depend on.
final class ReadLog: @unchecked Sendable {
    private let lock = NSLock()
    private var names: Set<String> = []

    func note(_ name: String) { lock.withLock { _ = names.insert(name) } }
    var read: [String] { lock.withLock { names.sorted() } }
}

/// Template values that write down each name the template asks for. `lists` is logged one list
/// at a time (`lists.roles`): a page that shows one list does not depend on the others.
struct LoggedContext: MustacheParent {
    let values: [String: Any]
    let log: ReadLog
    var prefix = ""

    func child(named name: String) -> Any? {
        log.note(prefix + name)
        if prefix.isEmpty, name == "lists", let lists = values[name] as? [String: Any] {
            return LoggedContext(values: lists, log: log, prefix: "lists.")
        }
        return values[name]
    }
}

/// Template values written out the same way on every run (dictionary keys sorted), for hashing.
enum StableText {
    static func of(_ value: Any) -> String {
        var text = ""
        append(value, to: &text)
        return text
    }

    static func append(_ value: Any, to text: inout String) {
        switch value {
        case let string as String: text += "s" + String(string.utf8.count) + ":" + string
        case let bool as Bool: text += bool ? "T" : "F"
        case let dictionary as [String: Any]:
            text += "{"
            for key in dictionary.keys.sorted() {
                append(key, to: &text)
                append(dictionary[key]!, to: &text)
            }
            text += "}"
        case let array as [Any]:
            text += "["
            for item in array { append(item, to: &text) }
            text += "]"
        default: text += "?" + String(describing: value)
        }
    }
}

extension SiteRenderer {
    /// A hash of one thing a block template can look up (a name `ReadLog` wrote down); its own
    /// YAML (`params`) and `root` are part of the question itself.
    func blockReadFingerprint(_ name: String) -> UInt64 {
        fingerprints.value("block read \(name)") {
            let figurePrefix = "figures_by_id."
            let value: Any
            switch name {
            case "params", "root", "figures_by_id": value = ""
            case "figures": value = figureValues.values
            case "downloads": value = downloads.map { "\($0.path)\u{0}\($0.bytes)" }
            case _ where name.hasPrefix(figurePrefix):
                value = figures.templateFiguresByID(root: "").child(named: String(name.dropFirst(figurePrefix.count))) ?? "absent"
            default: value = sharedReadValue(name)
            }
            return TraceHash.of(StableText.of(value))
        }
    }

    /// A hash of one thing a layout can look up (a name `ReadLog` wrote down); the page itself, its
    /// body and root are part of the layout's key.
    func layoutReadFingerprint(_ name: String) -> UInt64 {
        fingerprints.value("layout read \(name)") {
            let value: Any
            switch name {
            case "root", "home", "csp": value = ""
            // The navigation, and the previous and next pages a page links to.
            case "nav", "page": value = navigation.map { [$0.urlPath, $0.title, $0.frontMatter.navTitle ?? "", $0.frontMatter.description] }
            default: value = sharedReadValue(name)
            }
            return TraceHash.of(StableText.of(value))
        }
    }

    /// What the names that blocks and layouts both see stand for: the lists (each one on its own),
    /// the site's settings and the assets; any other name is not a value of the site.
    private func sharedReadValue(_ name: String) -> Any {
        switch name {
        case "lists": return ""
        case _ where name.hasPrefix("lists."): return listValues[String(name.dropFirst("lists.".count))] ?? "absent"
        case "site": return siteContext
        case "assets": return assetPaths
        default: return "absent"
        }
    }

    /// A hash of one thing a chart read from the data (a name `ChartData` wrote down).
    func chartReadFingerprint(_ name: String) -> UInt64 {
        fingerprints.value("chart read \(name)") { TraceHash.of(ChartData.describe(name, in: figures.data)) }
    }

    /// The answer a chart's question records: a hash of its YAML, place and what it read.
    func chartAnswer(body: String, name: String, root: String, withTable: Bool, at location: SourceLocation, reads: [String]) -> UInt64 {
        TraceHash.of(([body, name, root, String(withTable), location.description] + reads.map { "\($0)=\(chartReadFingerprint($0))" })
            .joined(separator: "\u{0}"))
    }

    /// The answer a block's question records: a hash of what it was drawn from, the templates and
    /// whatever its template looked up (`reads`), so checking it again draws nothing.
    func blockAnswer(info: String, body: String, root: String, at location: SourceLocation, reads: [String]) -> UInt64 {
        let words = info.split(separator: " ", omittingEmptySubsequences: true)
        let templates = words.count == 2 && words[0] == "block" ? templatesHash(for: "blocks/" + words[1]) : 0
        return TraceHash.of(([info, body, root, location.description, String(templates)] + reads.map { "\($0)=\(blockReadFingerprint($0))" })
            .joined(separator: "\u{0}"))
    }

    /// What a page's layout is applied to: when this is the same as last time, so is the page.
    /// `reads`: what the layout looked up when it was last applied.
    func layoutKey(_ page: Page, bodyHash: UInt64, headings: [Heading], root: String, reads: [String]) -> UInt64 {
        let templates = templatesHash(for: layout(for: page))
        let headingText = headings.map { "\($0.level)\u{1}\($0.id)\u{1}\($0.text)" }.joined(separator: "\u{2}")
        return TraceHash.of(([String(templates), String(TraceHash.of(page)), root, headingText, String(bodyHash)]
            + reads.map { "\($0)=\(layoutReadFingerprint($0))" }).joined(separator: "\u{0}"))
    }

    /// A hash of everything any page's layout can read that is the same for every page: the
    /// templates, the navigation, the site's settings, the assets and the lists. While it and a
    /// page (its fingerprint and body) are unchanged, that page's layout gives the same HTML, and
    /// a rebuild need not work out the page's `layoutKey`.
    func layoutStamp(_ page: Page, bodyHash: UInt64, root: String) -> UInt64 {
        // Combined as numbers: every page of a rebuild asks.
        var stamp = siteLayoutStamp
        for part in [page.fingerprint, bodyHash, TraceHash.of(root)] { stamp = (stamp ^ part) &* 0x0000_0100_0000_01B3 }
        return stamp
    }

    private var siteLayoutStamp: UInt64 {
        fingerprints.value("layout stamp") {
            let templates = theme.templates.sources.keys.sorted().map { "\($0)\u{0}\(theme.templates.sources[$0]?.file.text ?? "")" }
            let navigationText = navigation.map { "\($0.urlPath)\u{0}\($0.fingerprint)" }
            return TraceHash.of((templates + navigationText + [StableText.of(siteContext), StableText.of(assetPaths), StableText.of(listValues),
                                                               content.config.basePath, content.config.baseURL, content.config.description])
                .joined(separator: "\u{1}"))
        }
    }

    /// A hash of the template `name` and the templates it includes.
    private func templatesHash(for name: String) -> UInt64 {
        fingerprints.value("templates \(name)") {
            let sources = theme.templates.sources
            return TraceHash.of(theme.templates.templatesUsed(by: name).map { "\($0)\u{0}\(sources[$0]?.file.text ?? "absent")" }.joined(separator: "\u{1}"))
        }
    }
}
