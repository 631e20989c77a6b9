import SaferContent
import SaferCore
import SaferData
import SaferRender

/// An Atom feed of the site's updates: the pages whose front matter says when they were `updated`,
/// newest first. Dates come from the pages, never from the clock, so builds stay identical.
enum Feed {
    static let path = "feed.xml"

    /// nil when no page has an `updated` date: a feed with nothing in it helps nobody.
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
        for page in entries {
            let url = config.baseURL + page.urlPath
            xml += "  <entry>\n    <title>\(HTMLText.escape(page.title))</title>\n    <id>\(HTMLText.escape(url))</id>\n"
            xml += "    <link rel=\"alternate\" href=\"\(HTMLText.escape(url))\"/>\n    <updated>\(page.frontMatter.updated!)T00:00:00Z</updated>\n"
            if !page.frontMatter.description.isEmpty { xml += "    <summary>\(HTMLText.escape(page.frontMatter.description))</summary>\n" }
            xml += "  </entry>\n"
        }
        // Each correction is news of its own, linked to its entry in the log.
        for correction in corrections.sorted(by: { ($0.date, $0.number) > ($1.date, $1.number) }) {
            let url = config.baseURL + EditionBuild.changesPath + "#" + correction.anchor
            xml += "  <entry>\n    <title>\(HTMLText.escape("Correction of " + correction.dateText))</title>\n    <id>\(HTMLText.escape(url))</id>\n"
            xml += "    <link rel=\"alternate\" href=\"\(HTMLText.escape(url))\"/>\n    <updated>\(correction.date)T00:00:00Z</updated>\n"
            xml += "    <summary>\(HTMLText.escape(correction.change + (correction.why.map { " " + $0 } ?? "")))</summary>\n  </entry>\n"
        }
        return OutputFile(path: path, text: xml + "</feed>\n")
    }
}
