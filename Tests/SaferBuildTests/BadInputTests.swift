import Foundation
import SaferTestSupport
import SaferBuild
import SaferCore
import Testing

/// The catalogue of bad inputs: each folder in BadInputs/ is laid over a copy of the Northbrook
/// fixture (files replace the fixture's; `.delete` lists paths to remove) and holds one fault.
/// The build must fail with exactly the error in `expected-error.txt` (file:line:column, message,
/// hint), and leave the previous output byte for byte. `make golden` rewrites the expectations.
@Suite struct BadInputTests {
    static let catalogue = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("BadInputs")
    static let expectationFile = "expected-error.txt"

    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: catalogue.path)) ?? []).sorted()

    /// Pinned exactly (the README gives the number): a case removed by mistake is noticed, and a
    /// new case is counted here on purpose.
    @Test func theCatalogueHoldsEveryCase() throws {
        #expect(Self.cases.count == 149)
        for name in Self.cases {
            #expect(FileManager.default.fileExists(atPath: Self.catalogue.appendingPathComponent(name).appendingPathComponent(Self.expectationFile).path),
                    "\(name) has no \(Self.expectationFile)")
        }
        let readme = try String(contentsOf: Self.catalogue.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("holds \(Self.cases.count) broken site folders"))
    }

    /// A hint's examples are neutral: another council reads them, so none names a real borough.
    @Test func hintsGiveNeutralExamples() throws {
        for name in Self.cases {
            let expected = try String(contentsOf: Self.catalogue.appendingPathComponent(name).appendingPathComponent(Self.expectationFile), encoding: .utf8)
            for line in expected.split(separator: "\n") where line.contains("hint:") {
                #expect(!line.lowercased().contains("dudley") && !line.contains("West Midlands"), "\(name): \(line)")
            }
        }
    }

    @Test(arguments: cases)
    func failsClearlyAndKeepsThePreviousOutput(_ name: String) throws {
        let site = try TestSite(copying: "northbrook")
        _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
        let before = TestSite.tree(site.output)

        let fault = Self.catalogue.appendingPathComponent(name)
        for (path, data) in TestSite.files(fault) where path != Self.expectationFile {
            if path == ".delete" {
                for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
                    try FileManager.default.removeItem(at: site.folder.appendingPathComponent(String(line)))
                }
            } else {
                let target = site.folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: target)
            }
        }

        var firstError = ""
        do {
            _ = try SiteBuilder.build(BuildOptions(siteFolder: site.folder))
            Issue.record("\(name): the build should have failed")
        } catch {
            #expect(error.diagnostics.allSatisfy { $0.isError && $0.hint != nil && !$0.location.file.isEmpty })
            firstError = DiagnosticPrinter.text(error.diagnostics[0])
        }
        #expect(TestSite.tree(site.output) == before, "\(name): the previous output changed")

        let expectation = fault.appendingPathComponent(Self.expectationFile)
        if Golden.updating {
            try Data((firstError + "\n").utf8).write(to: expectation)
        }
        let expected = (try? String(contentsOf: expectation, encoding: .utf8)) ?? "(no \(Self.expectationFile))"
        #expect(firstError + "\n" == expected)
    }
}
