import Foundation
import SaferTestSupport
import Testing
@testable import SaferRender

/// The default theme is built into the binary from `themes/default/` by the EmbedTheme build
/// plugin: the built-in files are the folder's, byte for byte, and nothing else.
@Suite struct BuiltInThemeTests {
    @Test func theBuiltInThemeIsTheThemesFolder() throws {
        let folder = TestSite.tree(TestSite.repository.appendingPathComponent("themes/default"))
            .filter { !$0.key.split(separator: "/").contains { $0.hasPrefix(".") } }
        #expect(!folder.isEmpty)
        #expect(BuiltInTheme.files.map(\.path) == folder.keys.sorted())
        for (path, text) in BuiltInTheme.files {
            #expect(Data(text.utf8) == folder[path], "\(path) differs from its built-in copy")
        }
        #expect(BuiltInTheme.files.contains { $0.path == "templates/layouts/page.mustache" })
    }
}
