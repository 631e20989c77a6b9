import Foundation
import SaferContent
import SaferCore

// The YAML reader (SaferCore's YAMLValue over Yams), front matter (split and parse), site.yaml,
// and lists as templates see them (every value walked, as a template would).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    let file: TextFile
    do { file = try TextFile.decode(data, as: "content/page.md") } catch { return 0 }
    if let split = try? FrontMatter.split(file.text, file: file.path) {
        _ = try? FrontMatter.parse(split.yaml, file: file.path)
    }
    _ = try? SiteConfig.parse(TextFile(path: "site.yaml", text: file.text))
    if let value = try? YAMLValue.parse(file.text, file: "content/lists/list.yaml") {
        _ = value.templateValue(resolving: { reference, _ in reference.isEmpty ? nil : "1" })
    }
    return 0
}
