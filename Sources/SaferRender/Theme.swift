import Foundation
import Mustache
import SaferContent
import SaferCore

/// A theme's templates, with the site's own `templates/` laid over them, and its static assets.
///
/// Templates are named by their path below `templates/` without `.mustache`, so a layout reads
/// `{{> partials/header}}` and a site overrides `partials/header` by placing
/// `templates/partials/header.mustache` in its own folder.
public struct Theme: Sendable {
    public var name: String
    public var templates: TemplateSet
    /// Files under the theme's and the site's `static/`, by path below `static/` (the site's win).
    public var assets: [String: SiteFile]

    public static let templatesFolder = "templates"
    public static let staticFolder = "static"

    /// With a `memo`, templates whose texts are all unchanged since the last build are not parsed again.
    public static func load(named name: String, siteFolder: URL, configLocation: SourceLocation, memo: TextMemo? = nil) throws(DiagnosticList) -> Theme {
        let themePath = "themes/\(name)"
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: siteFolder.appendingPathComponent(themePath).path, isDirectory: &isFolder)
        guard !name.contains("/"), !name.hasPrefix("."), exists, isFolder.boolValue else {
            let available = (try? FileManager.default.contentsOfDirectory(atPath: siteFolder.appendingPathComponent("themes").path))?.filter { !$0.hasPrefix(".") }.sorted() ?? []
            throw DiagnosticList([.error(
                at: configLocation, "the theme `\(name)` was not found in themes/",
                hint: available.isEmpty ? "add the theme's folder under themes/" : "themes in this site: \(available.joined(separator: ", "))")])
        }
        var bag = DiagnosticBag()
        var sources = Dictionary(uniqueKeysWithValues: BuiltInTemplates.sources.map { ($0.name, $0) })
        var assets: [String: SiteFile] = [:]
        // The theme first, then the site's own folders, so the site's files replace the theme's.
        for base in [themePath, ""] {
            let prefix = base.isEmpty ? "" : base + "/"
            for file in bag.collect({ () throws(Diagnostic) in try SiteFiles.list(in: siteFolder, below: prefix + templatesFolder) }) ?? [] {
                guard file.path.hasSuffix(".mustache") else { continue }
                let name = String(file.path.dropFirst(prefix.count + templatesFolder.count + 1).dropLast(".mustache".count))
                if let text = bag.collect({ () throws(Diagnostic) in try TextFile.read(atPath: file.absolutePath, as: file.path) }) {
                    sources[name] = TemplateSource(name: name, file: text)
                }
            }
            for file in bag.collect({ () throws(Diagnostic) in try SiteFiles.list(in: siteFolder, below: prefix + staticFolder) }) ?? [] {
                assets[String(file.path.dropFirst(prefix.count + staticFolder.count + 1))] = file
            }
        }
        var templates: TemplateSet?
        let ordered = sources.values.sorted { $0.name < $1.name }
        func parse() -> Result<TemplateSet, DiagnosticList> { Result { () throws(DiagnosticList) in try TemplateSet(ordered) } }
        let key = ordered.map { "\($0.name)\u{0}\($0.file.path)\u{0}\($0.file.text)" }.joined(separator: "\u{1}")
        switch memo?.value("templates", path: themePath, text: key, make: parse) ?? parse() {
        case .success(let set): templates = set
        case .failure(let error): bag.add(contentsOf: error.diagnostics)
        }
        guard let templates, !bag.hasErrors else { throw DiagnosticList(DiagnosticBag.sorted(bag.errors)) }
        return Theme(name: name, templates: templates, assets: assets)
    }
}

/// A template's text and the file it came from.
public struct TemplateSource: Sendable {
    public var name: String
    public var file: TextFile
}
