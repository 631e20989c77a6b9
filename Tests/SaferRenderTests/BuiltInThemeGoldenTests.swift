import Foundation
import SaferTestSupport
import Testing
@testable import SaferRender

/// The default theme is built into the binary from `themes/default/`, through the generated
/// `Sources/SaferRender/BuiltInTheme.swift`. This test fails when the two differ; with
/// `UPDATE_GOLDEN=1` (`make golden`) it writes the Swift file again from the folder.
@Suite struct BuiltInThemeGoldenTests {
    static let folder = TestSite.repository.appendingPathComponent("themes/default")
    static let generated = TestSite.repository.appendingPathComponent("Sources/SaferRender/BuiltInTheme.swift")

    /// Every file of the theme folder by path below it, sorted.
    static func themeFiles() throws -> [(path: String, text: String)] {
        try TestSite.tree(folder).filter { !$0.key.split(separator: "/").contains { $0.hasPrefix(".") } }
            .sorted { $0.key < $1.key }
            .map { path, data in (path, try #require(String(data: data, encoding: .utf8), "\(path) is not UTF-8 text")) }
    }

    /// The Swift source that holds `files` as raw string literals, each exactly as on disk.
    static func swiftSource(_ files: [(path: String, text: String)]) -> String {
        var out = """
        // Generated from themes/default/ by Tests/SaferRenderTests/BuiltInThemeGoldenTests.swift:
        // change the theme's folder, then run `make golden`. Do not edit by hand.

        /// The default theme, built in: a site without a `themes/default/` folder uses these files.
        enum BuiltInTheme {
            static let name = "default"

            /// Each file by its path below the theme's folder.
            static let files: [(path: String, text: String)] = [

        """
        for (path, text) in files {
            // Enough #s that the text can never close or escape the literal.
            var hashes = "#"
            while text.contains("\"\"\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
            out += "        (\"\(path)\", \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)),\n"
        }
        out += "    ]\n}\n"
        return out
    }

    @Test func theBuiltInThemeIsTheThemesFolder() throws {
        let files = try Self.themeFiles()
        let source = Self.swiftSource(files)
        if Golden.updating {
            try Data(source.utf8).write(to: Self.generated)
            return
        }
        let current = try String(contentsOf: Self.generated, encoding: .utf8)
        #expect(current == source, "Sources/SaferRender/BuiltInTheme.swift is out of date with themes/default/: run make golden")
        #expect(BuiltInTheme.files.map(\.path) == files.map(\.path))
        for (built, file) in zip(BuiltInTheme.files, files) {
            #expect(built.text == file.text, "\(file.path) differs from its built-in copy")
        }
    }
}
