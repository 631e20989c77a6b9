import Foundation
import SaferCore

/// Structured lists the pages show (risk factors, actions, goals): YAML files in `content/lists/`,
/// rendered by templates rather than written as HTML. `content/lists/goals.yaml` is `lists.goals`.
public struct SiteLists: Sendable {
    public static let folder = "content/lists"
    public var lists: [String: YAMLValue]

    public init(lists: [String: YAMLValue] = [:]) {
        self.lists = lists
    }

    /// With a `memo`, a list whose text is unchanged since the last build is not parsed again.
    public static func load(from siteFolder: URL, memo: TextMemo? = nil) -> (SiteLists, [Diagnostic]) {
        var bag = DiagnosticBag()
        var lists: [String: YAMLValue] = [:]
        for file in bag.collect({ () throws(DiagnosticList) in try SiteFiles.list(in: siteFolder, below: folder) }) ?? [] {
            guard file.path.hasSuffix(".yaml") || file.path.hasSuffix(".yml") else {
                bag.add(.warning(at: SourceLocation(file: file.path), "only .yaml files are read in content/lists/; this file is ignored"))
                continue
            }
            let name = String(file.path.dropFirst(folder.count + 1).split(separator: ".").first ?? "")
            let value = bag.collect { () throws(Diagnostic) -> YAMLValue in
                let text = try TextFile.read(atPath: file.absolutePath, as: file.path).text
                func parse() -> Result<YAMLValue, Diagnostic> { Result { () throws(Diagnostic) in try YAMLValue.parse(text, file: file.path) } }
                return try (memo?.value("list", path: file.path, text: text, make: parse) ?? parse()).get()
            }
            if let value {
                lists[name.replacingAll("/", with: "_").replacingAll("-", with: "_")] = value
            }
        }
        return (SiteLists(lists: lists), bag.diagnostics)
    }
}

extension YAMLValue {
    /// The value as plain Swift values for templates: mappings become dictionaries, lists arrays,
    /// everything else text (`true`/`false` become Bools so they work as sections).
    public var templateValue: Any { templateValue(resolving: { _, _ in nil }) }

    /// The same, with each `{{ reference }}` in text replaced by what `resolve` gives (left as
    /// written when it gives nil).
    public func templateValue(resolving resolve: (String, SourceLocation) -> String?) -> Any {
        switch node {
        case .mapping:
            var dictionary: [String: Any] = [:]
            for (key, value) in (try? mapping()) ?? [] { dictionary[key] = value.templateValue(resolving: resolve) }
            return dictionary
        case .sequence:
            return ((try? sequence()) ?? []).map { $0.templateValue(resolving: resolve) }
        case .scalar(let scalar):
            if scalar.style == .plain, ["true", "false"].contains(scalar.string) { return scalar.string == "true" }
            return scalar.string.replacingReferences { resolve($0, location) }
        case .alias:
            return ""
        }
    }
}
