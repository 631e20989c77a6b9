import Foundation
import Testing
@testable import SaferBuild
import SaferRender

/// A page's weight counts its HTML and what it loads (images, stylesheets), not the pages and
/// downloads it links to.
@Suite struct PageWeightTests {
    @Test func onlyWhatThePageLoadsIsReferenced() {
        let html = """
        <link rel="stylesheet" href="../assets/site.css"><link rel="icon" href="../favicon.ico">
        <img src="chart.svg" alt=""><img src="https://example.org/x.png" alt=""><a href="../other/">x</a>
        <a href="downloads/data.csv">csv</a><a href="#top">top</a><img src="" alt=""><a href="style.css#x">odd</a>
        <p data-x="src">text = "quoted"</p><script src="../a.js"></script><a href="b.css">b</a>
        """
        #expect(PageWeight.references(in: Data(html.utf8)) == ["../assets/site.css", "chart.svg", "../a.js", "b.css"])
    }

    @Test func theLargestPageCountsItsImagesOnce() {
        let page = OutputFile(path: "a/index.html", text: "<img src=\"chart.svg\"><img src=\"chart.svg\"><a href=\"../b/\">b</a>")
        let other = OutputFile(path: "b/index.html", text: String(repeating: "x", count: 80))
        let chart = OutputFile(path: "a/chart.svg", text: String(repeating: "y", count: 100))
        let largest = PageWeight.largest([page, other], allFiles: [page, other, chart])
        #expect(largest?.path == "a/index.html")
        #expect(largest?.bytes == page.contents.count + 100)
    }
}
