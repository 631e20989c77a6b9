import SaferContent
import SaferCore
import SaferData
import SaferRender

/// An Atom feed of the site's updates: the pages whose front matter says when they were `updated`,
/// newest first. Dates come from the pages, never from the clock, so builds stay identical.
enum Feed {
    static let path = "feed.xml"

    /// nil when no page has an `updated` date: a feed with nothing in it helps nobody.
    /// - Parameter corrections: the corrections log's entries, newest first.
    static func atom(pages: [Page], corrections: [Correction] = [], config: SiteConfig) -> OutputFile? {
        let entries = pages.filter { $0.updated != nil && !$0.isNotFoundPage }
            .sorted { ($0.updated!, $1.urlPath) > ($1.updated!, $0.urlPath) }
        guard let latest = entries.first?.updated else { return nil }
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(HTMLText.escape(config.language))\">\n"
        xml += "  <title>\(HTMLText.escape(config.title))</title>\n"
        if !config.description.isEmpty { xml += "  <subtitle>\(HTMLText.escape(config.description))</subtitle>\n" }
        xml += "  <id>\(HTMLText.escape(config.baseURL))</id>\n"
        xml += "  <link rel=\"alternate\" href=\"\(HTMLText.escape(config.baseURL))\"/>\n"
        xml += "  <link rel=\"self\" href=\"\(HTMLText.escape(config.baseURL + path))\"/>\n"
        xml += "  <updated>\(latest)T00:00:00Z</updated>\n"
        xml += "  <author><name>\(HTMLText.escape(config.organisation))</name></author>\n"
        func entry(title: String, url: String, updated: String, summary: String) {
            xml += "  <entry>\n    <title>\(HTMLText.escape(title))</title>\n    <id>\(HTMLText.escape(url))</id>\n"
            xml += "    <link rel=\"alternate\" href=\"\(HTMLText.escape(url))\"/>\n    <updated>\(updated)T00:00:00Z</updated>\n"
            if !summary.isEmpty { xml += "    <summary>\(HTMLText.escape(summary))</summary>\n" }
            xml += "  </entry>\n"
        }
        for page in entries {
            entry(title: page.title, url: config.baseURL + page.urlPath, updated: page.frontMatter.updated!, summary: page.frontMatter.description)
        }
        // Each correction is news of its own, linked to its entry in the log.
        for correction in corrections {
            entry(title: "Correction of " + correction.dateText, url: config.baseURL + EditionBuild.changesPath + "#" + correction.anchor,
                  updated: correction.date, summary: correction.change + (correction.why.map { " " + $0 } ?? ""))
        }
        return OutputFile(path: path, text: xml + "</feed>\n")
    }
}
