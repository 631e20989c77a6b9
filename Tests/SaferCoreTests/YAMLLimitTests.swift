import Testing
@testable import SaferCore

/// YAML aliases let a short file stand for far more than it spells out; SaferSite stops reading
/// at a count of values and at a size of text, each with the aliases expanded.
@Suite struct YAMLLimitTests {
    @Test func aliasesNestedTenDeepAreRefusedByCount() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...6 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        let error = #expect(throws: Diagnostic.self) { try YAMLValue.parse(lines.joined(separator: "\n"), file: "lists/bomb.yaml") }
        #expect(error?.message.contains("more than 250,000 values") == true)
        #expect(error?.location.file == "lists/bomb.yaml")
    }

    @Test func aLargeFileWithNoAliasesIsNotToldAboutAliases() {
        let yaml = "values: [" + Array(repeating: "1", count: 250_001).joined(separator: ",") + "]\n"
        let error = #expect(throws: Diagnostic.self) { try YAMLValue.parse(yaml, file: "lists/big.yaml") }
        #expect(error?.message == "this YAML holds more than 250,000 values, more than SaferSite reads")
        #expect(error?.hint?.contains("alias") == false)
    }

    @Test func oneLongTextRepeatedThroughAliasesIsRefusedBySize() {
        // 100 uses of a 100 KB text: 200 values, but 10 MB of text.
        let long = String(repeating: "x", count: 100_000)
        let yaml = "text: &long \(long)\nrepeated: [" + Array(repeating: "*long", count: 100).joined(separator: ", ") + "]\n"
        let error = #expect(throws: Diagnostic.self) { try YAMLValue.parse(yaml, file: "site.yaml", lineOffset: 3) }
        #expect(error?.message.contains("more than 8 MB of text") == true)
        #expect(error?.location.line == 4)
        #expect(error?.hint?.contains("*alias") == true)
    }

    @Test func aLongTextWrittenOutInFullIsRead() throws {
        // Text spelt out is never counted against the aliases' allowance, however long.
        let long = String(repeating: "y", count: 9 * 1024 * 1024)
        let value = try YAMLValue.parse("text: \(long)\n", file: "site.yaml")
        #expect(value.node["text"]?.string?.utf8.count == long.utf8.count)
    }

    @Test func modestAliasesAreRead() throws {
        let yaml = "base: &base {source: ONS, period: 2023}\none: *base\ntwo: *base\n"
        let value = try YAMLValue.parse(yaml, file: "indicators.yaml")
        #expect(value.node["two"]?["source"]?.string == "ONS")
    }
}
