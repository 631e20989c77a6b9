import Foundation
import SaferContent
import SaferCore
import SaferData
import SaferMarkdown
import SaferRender

/// The answers one build's site gives to what pages, blocks, charts and layouts read (`SiteRead`),
/// as hashes, each worked out once and shared by the pages checked on every core. A build without
/// a cache never makes one.
final class SiteAnswers: Sendable {
    let renderer: SiteRenderer
    private let reads = KeyedValues<SiteRead, UInt64>()
    private let templates = KeyedValues<String, UInt64>()
    private let siteStamp = OnceValue<UInt64>()

    init(_ renderer: SiteRenderer) {
        self.renderer = renderer
    }

    /// A hash of what `read` stands for in this build's site: one case per kind of read, so a new
    /// kind cannot be added without saying how to tell that it changed.
    func answer(to read: SiteRead) -> UInt64 {
        reads.value(read) {
            let data = renderer.figures.data
            func all<T: FingerprintText>(_ values: [T]) -> String { values.map(\.fingerprintText).joined(separator: "\u{3}") }
            let value: Any = switch read {
            case .navigation: renderer.navigation.map { [$0.urlPath, $0.title, $0.frontMatter.navTitle ?? "", $0.frontMatter.description] }
            case .settings: renderer.siteContext
            case .assets: renderer.assetPaths
            case .list(let name): renderer.listValues[name] ?? "absent"
            case .figureValues: renderer.figureValues.values
            case .figureValue(let id): renderer.figures.templateFiguresByID(root: "").child(named: id) ?? "absent"
            case .downloads: renderer.downloads.map { "\($0.path)\u{0}\($0.bytes)" }
            case .sources: renderer.sourceValues
            case .figure(let id): data.figures.figure(id)?.fingerprintText ?? "absent"
            case .figures: all(data.figures.figures)
            case .indicators: all(data.indicators)
            case .areas: data.areas.fingerprintText
            case .indicator(let id): data.indicator(id)?.fingerprintText ?? "absent"
            case .figureText(let reference): (try? data.text(for: reference, at: SourceLocation(file: "")).text) ?? "absent"
            case .observations(let indicator): all(data.areas.all.flatMap { data.observations(indicator: indicator, area: $0.id) })
            case .comparison(let indicator): ChartData.comparisonFigure(indicator: indicator, in: data)?.fingerprintText ?? "absent"
            case .boundary(let id): data.boundary(id).map { String(describing: $0) } ?? "absent"
            case .boundaries: data.boundaries.map(\.id)
            }
            return TraceHash.of(StableText.of(value))
        }
    }

    private func readsText(_ reads: [SiteRead]) -> [String] {
        reads.map { "\($0)=\(answer(to: $0))" }
    }

    /// The answer a chart or a block records: a hash of what it was drawn from (its YAML, place,
    /// templates) and of what it read, so checking it again draws nothing.
    func drawingAnswer(_ dependency: RenderDependency) -> UInt64? {
        switch dependency {
        case .chart(let yaml, let name, let place, let location, let reads):
            let withTable = place.reportSections == nil
            let templates = templatesHash(for: ChartName.template)
            return TraceHash.of(([yaml, name, place.root, String(withTable), location.description, String(templates)] + readsText(reads)).joined(separator: "\u{0}"))
        case .block(let info, let yaml, let place, let location, let reads):
            let words = info.split(separator: " ", omittingEmptySubsequences: true)
            let templates = words.count == 2 && words[0] == "block" ? templatesHash(for: "blocks/" + words[1]) : 0
            return TraceHash.of(([info, yaml, place.root, location.description, String(templates)] + readsText(reads)).joined(separator: "\u{0}"))
        case .source, .reportSections, .glossary, .figure, .link:
            return nil
        }
    }

    /// What a page's layout is applied to: when this is the same as last time, so is the page.
    /// `reads`: what the layout looked up when it was last applied.
    func layoutKey(_ page: Page, bodyHash: UInt64, headings: [Heading], root: String, reads: [SiteRead]) -> UInt64 {
        let templates = templatesHash(for: renderer.layout(for: page))
        let headingText = headings.map { "\($0.level)\u{1}\($0.id)\u{1}\($0.text)" }.joined(separator: "\u{2}")
        return TraceHash.of(([String(templates), String(page.contentHash), root, headingText, String(bodyHash)] + readsText(reads))
            .joined(separator: "\u{0}"))
    }

    /// A hash of everything any page's layout can read that is the same for every page: the
    /// templates, the navigation, the site's settings, the assets and the lists. While it and a
    /// page (its content and body) are unchanged, that page's layout gives the same HTML, and a
    /// rebuild need not work out the page's `layoutKey`.
    func layoutStamp(_ page: Page, bodyHash: UInt64, root: String) -> UInt64 {
        // Combined as numbers: every page of a rebuild asks.
        var stamp = siteLayoutStamp
        for part in [page.contentHash, bodyHash, TraceHash.of(root)] { stamp = (stamp ^ part) &* 0x0000_0100_0000_01B3 }
        return stamp
    }

    private var siteLayoutStamp: UInt64 {
        siteStamp.value {
            let sources = renderer.theme.templates.sources
            let templates = sources.keys.sorted().map { "\($0)\u{0}\(sources[$0]?.file.text ?? "")" }
            let navigationText = renderer.navigation.map { "\($0.urlPath)\u{0}\($0.contentHash)" }
            let config = renderer.content.config
            return TraceHash.of((templates + navigationText + [StableText.of(renderer.siteContext), StableText.of(renderer.assetPaths),
                                                               StableText.of(renderer.listValues), config.basePath, config.baseURL, config.description])
                .joined(separator: "\u{1}"))
        }
    }

    /// A hash of the template `name` and the templates it includes.
    private func templatesHash(for name: String) -> UInt64 {
        templates.value(name) {
            let sources = renderer.theme.templates.sources
            return TraceHash.of(renderer.theme.templates.templatesUsed(by: name).map { "\($0)\u{0}\(sources[$0]?.file.text ?? "absent")" }.joined(separator: "\u{1}"))
        }
    }

    /// The question the one-page report asks first: which pages it holds, in order.
    var reportSectionsDependency: RecordedDependency {
        let sections = renderer.navigation.filter { $0.urlPath != ReportPage.urlPath }
        let text = sections.map { "\($0.sourcePath)\u{0}\($0.urlPath)\u{0}\($0.title)\u{0}\(ReportPage.prefix(for: $0))" }.joined(separator: "\u{1}")
        return RecordedDependency(dependency: .reportSections, answer: TraceHash.of(text))
    }

    /// The question every page asks first: its own parsed file.
    static func sourceDependency(_ page: Page) -> RecordedDependency {
        RecordedDependency(dependency: .source(path: page.sourcePath), answer: page.contentHash)
    }
}

/// Template values written out the same way on every run (dictionary keys sorted), for hashing.
enum StableText {
    static func of(_ value: Any) -> String {
        var text = ""
        append(value, to: &text)
        return text
    }

    static func append(_ value: Any, to text: inout String) {
        switch value {
        case let string as String: text += "s" + String(string.utf8.count) + ":" + string
        case let bool as Bool: text += bool ? "T" : "F"
        case let dictionary as [String: Any]:
            text += "{"
            for key in dictionary.keys.sorted() {
                append(key, to: &text)
                append(dictionary[key]!, to: &text)
            }
            text += "}"
        case let array as [Any]:
            text += "["
            for item in array { append(item, to: &text) }
            text += "]"
        default: text += "?" + String(describing: value)
        }
    }
}
