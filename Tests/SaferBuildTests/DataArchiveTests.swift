import Foundation
import SaferTestSupport
import SaferBuild
import Testing
import ZIPFoundation

/// One download of all the data: the ZIP holds exactly the separate downloads, byte for byte, and
/// two builds give the same archive.
@Suite struct DataArchiveTests {
    static func unzipped(_ data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var files: [String: Data] = [:]
        for entry in archive {
            var contents = Data()
            _ = try archive.extract(entry) { contents.append($0) }
            files[entry.path] = contents
            #expect(entry.type == .file)
        }
        return files
    }

    @Test func theArchiveUnzipsToTheSeparateDownloadsAndIsTheSameEveryBuild() throws {
        let site = try TestSite(copying: "northbrook")
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        let output = TestSite.tree(site.output)
        let archive = try #require(output["downloads/all-data.zip"])
        let separate = output.filter { $0.key.hasPrefix("downloads/") && !$0.key.hasSuffix(".zip") }
        let inside = try Self.unzipped(archive)
        #expect(inside.keys.sorted() == separate.keys.map { String($0.dropFirst("downloads/".count)) }.sorted())
        for (name, data) in inside { #expect(data == separate["downloads/" + name], "\(name)") }
        let again = try TestSite(copying: "northbrook")
        _ = try SiteBuilder.build(BuildOptions(siteFolder: again.folder))
        #expect(try Data(contentsOf: again.output.appendingPathComponent("downloads/all-data.zip")) == archive)
    }

    @Test func theDataPageListsIt() throws {
        let site = try TestSite.copyingRepositorySite()
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        let pages = TestSite.tree(site.output).filter { $0.key.hasSuffix(".html") }
        let listing = pages.values.map { String(decoding: $0, as: UTF8.self) }.first { $0.contains("class=\"downloads\"") }
        let html = try #require(listing, "a page lists the downloads")
        #expect(html.contains("all-data.zip\" download>All of the data above in one file</a> (ZIP, "))
    }
}
