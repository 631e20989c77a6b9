import SaferCore
import SaferRender

/// One output path, one file: a file in `content/` published as it is may not take the address of
/// a file the build writes itself (the feed, the site map, a download, a chart's data, a page),
/// which would otherwise be dropped, replace it, or be written at the same moment as it.
enum PathCollisions {
    /// An error for every path more than one output file claims, at the file of the site's that
    /// claims it. `staticFiles`: the files published as they are, by output path.
    static func problems(_ files: [OutputFile], staticFiles: [String: Any]) -> [Diagnostic] {
        var seen: [String: Int] = [:]
        for file in files { seen[file.path, default: 0] += 1 }
        return seen.filter { $0.value > 1 }.keys.sorted().map { path in
            let source = staticFiles[path] != nil ? "content/" + path : path
            return .error(at: SourceLocation(file: source),
                          "this file would be published at `\(path)`, where SaferSite writes \(what(path))",
                          hint: staticFiles[path] != nil
                              ? "rename or move it: the two would replace each other (to replace a generated page, write a page in Markdown at its address instead)"
                              : "two outputs have the same address; rename one of the files that make them")
        }
    }

    /// What the build writes at `path`, for the message.
    static func what(_ path: String) -> String {
        switch path {
        case "feed.xml": return "the Atom feed"
        case "sitemap.xml": return "the site map"
        case "robots.txt": return "the robots file"
        case "404.html": return "the page-not-found page"
        default: break
        }
        let first = path.split(separator: "/").first.map(String.init) ?? path
        switch first + "/" {
        case SiteFigures.downloadsFolder: return "a data download"
        case "charts/": return "a chart's data"
        case "assets/": return "a theme asset"
        case SiteFigures.pagePath: return "the page of every figure"
        case ReportPage.urlPath: return "the one-page report"
        case EditionBuild.changesPath: return "the page of what changed"
        case "editions/": return "an earlier edition"
        default: return "a page"
        }
    }
}
