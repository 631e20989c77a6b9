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
    public var assets: [String: ThemeAsset]

    public static let templatesFolder = "templates"
    public static let staticFolder = "static"

    /// The theme a site uses when it names none; built into SaferSite, so a site needs no
    /// `themes/` folder to use it (a `themes/default/` folder, when there is one, is used instead).
    public static let builtInName = BuiltInTheme.name
    /// The built-in theme's files by path below its folder (`templates/layouts/page.mustache`).
    public static var builtInFiles: [(path: String, text: String)] { BuiltInTheme.files }

    /// With a `memo`, templates whose texts are all unchanged since the last build are not parsed again.
    public static func load(named name: String, siteFolder: URL, configLocation: SourceLocation, memo: TextMemo? = nil) throws(DiagnosticList) -> Theme {
        let themePath = "themes/\(name)"
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: siteFolder.appendingPathComponent(themePath).path, isDirectory: &isFolder) && isFolder.boolValue
        let builtIn = !exists && name == builtInName
        guard !name.contains("/"), !name.hasPrefix("."), exists || builtIn else {
            let available = (try? FileManager.default.contentsOfDirectory(atPath: siteFolder.appendingPathComponent("themes").path))?.filter { !$0.hasPrefix(".") }.sorted() ?? []
            throw DiagnosticList([.error(
                at: configLocation, "the theme `\(name)` was not found in themes/",
                hint: (available.isEmpty ? "" : "themes in this site: \(available.joined(separator: ", ")); ")
                    + "`theme: \(builtInName)` (or no `theme:`) uses the theme built into SaferSite")])
        }
        var bag = DiagnosticBag()
        var sources = Dictionary(uniqueKeysWithValues: BuiltInTemplates.sources.map { ($0.name, $0) })
        var assets: [String: ThemeAsset] = [:]
        if builtIn {
            for (path, text) in BuiltInTheme.files {
                if let name = templateName(path) {
                    sources[name] = TemplateSource(name: name, file: TextFile(path: "(built-in theme)/\(path)", text: text))
                } else if path.hasPrefix(staticFolder + "/") {
                    assets[String(path.dropFirst(staticFolder.count + 1))] = ThemeAsset(path: "(built-in theme)/\(path)", source: .builtIn(Data(text.utf8)))
                }
            }
        }
        // The theme first, then the site's own folders, so the site's files replace the theme's.
        for base in builtIn ? [""] : [themePath, ""] {
            let prefix = base.isEmpty ? "" : base + "/"
            for file in bag.collect({ () throws(DiagnosticList) in try SiteFiles.list(in: siteFolder, below: prefix + templatesFolder) }) ?? [] {
                guard let name = templateName(String(file.path.dropFirst(prefix.count))) else { continue }
                if let text = bag.collect({ () throws(Diagnostic) in try TextFile.read(atPath: file.absolutePath, as: file.path) }) {
                    sources[name] = TemplateSource(name: name, file: text)
                }
            }
            for file in bag.collect({ () throws(DiagnosticList) in try SiteFiles.list(in: siteFolder, below: prefix + staticFolder) }) ?? [] {
                assets[String(file.path.dropFirst(prefix.count + staticFolder.count + 1))] = ThemeAsset(path: file.path, source: .file(absolutePath: file.absolutePath))
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

    /// `layouts/page` for `templates/layouts/page.mustache`; nil for any other file.
    private static func templateName(_ pathInTheme: String) -> String? {
        guard pathInTheme.hasPrefix(templatesFolder + "/"), pathInTheme.hasSuffix(".mustache") else { return nil }
        return String(pathInTheme.dropFirst(templatesFolder.count + 1).dropLast(".mustache".count))
    }
}

/// A file of a theme's or site's `static/` folder, or of the built-in theme.
public struct ThemeAsset: Sendable {
    /// As messages name it: relative to the site folder, or `(built-in theme)/static/…`.
    public var path: String
    public var source: Source

    public enum Source: Sendable {
        case file(absolutePath: String)
        case builtIn(Data)
    }

    /// Its bytes; nil when a file cannot be read.
    public func contents() -> Data? {
        switch source {
        case .file(let absolutePath): FileManager.default.contents(atPath: absolutePath)
        case .builtIn(let data): data
        }
    }
}

public struct TemplateSource: Sendable {
    public var name: String
    public var file: TextFile
}
