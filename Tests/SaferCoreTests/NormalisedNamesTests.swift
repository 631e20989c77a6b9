import Foundation
import Testing
@testable import SaferCore

/// File names compared after Unicode normalisation: é as one character or as e and an accent.
@Suite struct NormalisedNamesTests {
    static func yamlProblem(_ text: String) -> Diagnostic? {
        do { _ = try YAMLValue.parse(text, file: "a.yaml").mapping(); return nil } catch { return error }
    }

    @Test func namesAreComparedAfterNormalisation() throws {
        let composed = "content/caf\u{E9}.md", decomposed = "content/cafe\u{301}.md"
        #expect(composed.utf8.count != decomposed.utf8.count)
        #expect(NormalisedNames.firstCollision([composed, "content/other.md"]) == nil)
        let pair = try #require(NormalisedNames.firstCollision(["content/a.md", decomposed, composed]))
        // Swift's == would call the two equal: compared as bytes. The earlier by bytes is named in
        // the message, the later is where it is reported, whichever was listed first.
        let bytes = { (text: String) in Array(text.utf8) }
        #expect(bytes(pair.first) == bytes(decomposed) && bytes(pair.second) == bytes(composed))
        let reversed = try #require(NormalisedNames.firstCollision([composed, decomposed]))
        #expect(bytes(reversed.first) == bytes(decomposed) && bytes(reversed.second) == bytes(composed))
        let error = NormalisedNames.collision(pair.first, pair.second)
        #expect(error.isError && bytes(error.location.file) == bytes(composed))
        #expect(error.message.utf8.contains(0xCC) && error.message.contains("U+00E9 in this name and U+0065 U+0301 in the other"))
        // The same name twice (a listing never has it) is no collision.
        #expect(NormalisedNames.firstCollision([composed, composed]) == nil)
    }

    @Test func yamlKeysThatDifferOnlyInNormalisationAreAnErrorNotACrash() throws {
        let problem = try #require(Self.yamlProblem("caf\u{E9}: 1\ncafe\u{301}: 2\n"))
        #expect(problem.isError && problem.message.contains("given twice"), "\(problem.message)")
    }
}
