import Foundation
import SaferTestSupport
import SaferBuild
import Testing

/// Builds the Northbrook fixture (a made-up borough with its own theme) and compares every output
/// file with the reviewed copy in Golden/. `make golden` rewrites them; review the diff.
@Suite struct GoldenSiteTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/northbrook")

    @Test func northbrookBuildsAsReviewed() throws {
        let site = try TestSite(copying: "northbrook")
        let report = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        #expect(report.pageCount == 5)  // home, plan, about, numbers and the generated figures page; not the draft
        // The data archive's compressed bytes are zlib's, which may differ between zlib versions:
        // it is compared by what it unzips to (DataArchiveTests), not byte for byte here.
        let built = TestSite.tree(site.output).filter { !$0.key.hasSuffix(".zip") }
        if Golden.updating {
            try? FileManager.default.removeItem(at: Self.golden)
            for (path, data) in built {
                let url = Self.golden.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
        }
        let expected = TestSite.tree(Self.golden)
        #expect(built.keys.sorted() == expected.keys.sorted())
        for (path, data) in built.sorted(by: { $0.key < $1.key }) {
            #expect(String(decoding: data, as: UTF8.self) == String(decoding: expected[path] ?? Data(), as: UTF8.self), "\(path) differs from Golden/northbrook/\(path)")
        }
    }
}
