import SaferContent
import SaferCore
import SaferRender

/// `sitemap.xml` and `robots.txt`, from the published pages.
enum SiteMap {
    static func sitemap(pages: [Page], baseURL: String) -> OutputFile {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages where !page.isNotFoundPage {
            xml += "  <url><loc>\(HTMLText.escape(baseURL + page.urlPath))</loc></url>\n"
        }
        xml += "</urlset>\n"
        return OutputFile(path: "sitemap.xml", text: xml)
    }

    static func robots(baseURL: String) -> OutputFile {
        OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(baseURL)sitemap.xml\n")
    }
}
