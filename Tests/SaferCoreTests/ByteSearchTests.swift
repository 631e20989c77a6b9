import Foundation
import SaferCore
import SaferTestSupport
import Testing

/// The byte searches must find what the Character-wise searches they replaced find, for the
/// ASCII markers they are used with, in text that mixes those markers with other bytes.
@Suite struct ByteSearchTests {
    static let pieces = ["{", "}", "{{", "}}", "a", "é", " ", "\n", "http-equiv", "\"", "<", "🙂"]

    static func randomText(_ random: inout SplitMix) -> String {
        (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    @Test func firstRangeAgreesWithTheCharacterSearch() {
        var random = SplitMix(seed: 3)
        for _ in 0..<3000 {
            let text = Self.randomText(&random)
            for needle in ["{{", "}}", "{{>"] {
                let expected = text[...].firstRange(of: needle)
                #expect(text[...].firstRange(ofBytes: needle) == expected, "\(text.debugDescription) \(needle)")
            }
        }
        let text = "ab{{c}}"
        let tail = text[text.index(text.startIndex, offsetBy: 3)...]
        #expect(tail.firstRange(ofBytes: "{{") == nil)
        #expect(tail.firstRange(ofBytes: "}}").map { String(tail[$0]) } == "}}")
    }

    @Test func containsAgreesWithFoundation() {
        var random = SplitMix(seed: 5)
        for _ in 0..<3000 {
            let text = Self.randomText(&random)
            for needle in ["http-equiv=\"", "{{", "é ", "a"] {
                #expect(text.containsBytes(needle) == text.contains(needle), "\(text.debugDescription) \(needle)")
            }
        }
        #expect("".containsBytes(""))
        #expect(!"".containsBytes("a"))
        #expect("abc".containsBytes("abc"))
        #expect(!"ab".containsBytes("abc"))
    }

    @Test func firstUTF8IndexAgreesWithTheUTF8View() {
        var random = SplitMix(seed: 9)
        for _ in 0..<2000 {
            let text = Self.randomText(&random)
            for byte in ["{", "}", "a", "\n", "\""].map({ $0.utf8.first! }) {
                #expect(text.firstUTF8Index(of: byte) == text.utf8.firstIndex(of: byte), "\(text.debugDescription)")
            }
        }
        let substring = "xx#yy".dropFirst()
        #expect(String(substring).firstUTF8Index(of: UInt8(ascii: "#")).map { String(substring)[..<$0] } == "x")
    }
}
