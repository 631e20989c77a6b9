import Mustache

/// Where a template value comes from, as an incremental build needs to know it.
public enum ValueOrigin: Sendable {
    /// The page, its body and its way back to the root, or the block's own YAML: what is already
    /// part of the place the template renders for.
    case ownPlace
    /// Something of the site, the same for every page.
    case site(SiteRead)
    /// A collection whose parts are written down one by one as they are looked up (`lists.roles`).
    case eachPart(@Sendable (String) -> SiteRead)
}

/// The names a template's context holds. A context is made from these alone (`values(_:)`), and
/// each name says where its value comes from (`origin`, an exhaustive switch): a value cannot be
/// added to a template's context without saying what it depends on, so an incremental build can
/// never keep a page that shows an old value.
public protocol TemplateName: RawRepresentable<String>, CaseIterable, Sendable {
    var origin: ValueOrigin { get }
}

extension TemplateName {
    /// The context, with a value for every name, in one switch at the caller: there is no other way in.
    static func values(_ value: (Self) -> Any) -> [String: Any] {
        var values: [String: Any] = [:]
        for name in allCases { values[name.rawValue] = value(name) }
        return values
    }

    /// `values` as a template reads them; with a `log`, every look-up is written down.
    static func context(_ values: [String: Any], log: ReadLog?) -> Any {
        log.map { LoggedValues<Self>(values: values, log: $0) } ?? values
    }
}

/// What a page's layout can look up.
public enum LayoutName: String, TemplateName {
    case site, page, nav, root, home, assets, lists, csp

    public var origin: ValueOrigin {
        switch self {
        case .site: .site(.settings)
        // A page's own values are part of its place; its previous and next pages come from the navigation.
        case .page, .nav: .site(.navigation)
        case .root, .home, .csp: .ownPlace
        case .assets: .site(.assets)
        case .lists: .eachPart(SiteRead.list)
        }
    }
}

/// What a block's template (```` ```block NAME ````) can look up.
public enum BlockName: String, TemplateName {
    case params, lists, root, site, assets, figures, figures_by_id, downloads, sources

    public var origin: ValueOrigin {
        switch self {
        case .params, .root: .ownPlace
        case .lists: .eachPart(SiteRead.list)
        case .site: .site(.settings)
        case .assets: .site(.assets)
        case .figures: .site(.figureValues)
        case .figures_by_id: .eachPart(SiteRead.figureValue)
        case .downloads: .site(.downloads)
        case .sources: .site(.sources)
        }
    }
}

/// What the chart template (`charts/chart`) can look up: one drawn chart. Everything here is
/// drawn from the chart's own block, page and data reads, which its drawing already records.
public enum ChartName: String, TemplateName {
    /// The SVG's id prefix, also the figure's id (`risk-factors-chart-1`).
    case id
    /// The headline and the line under it (what is measured, where and when).
    case title, subtitle
    /// The `<svg>` element, to include unescaped: `{{{svg}}}`.
    case svg
    /// What the chart shows in words, and its source line.
    case description, source
    /// The numbers of the notes on the whole chart, to mark after its subtitle: each has `number`
    /// and `anchor` (the id of the note in `notes`).
    case noteReferences
    /// `headers` and `rows` (`label`, `cells`, and `notes` as in `noteReferences`); absent where
    /// the page leaves the table out (the print report).
    case table
    /// The chart's footnotes, numbered for the page: `items`, each `number`, `text` and `anchor`;
    /// absent when it has none.
    case notes
    /// The CSV: `url` and `text` ("Download the data for this chart (CSV, 1 KB)").
    case download
    case root

    /// The template's name; a theme or site overrides it with `templates/charts/chart.mustache`.
    public static let template = "charts/chart"

    public var origin: ValueOrigin {
        switch self {
        case .id, .title, .subtitle, .svg, .description, .source, .noteReferences, .table, .notes, .download, .root: .ownPlace
        }
    }
}

/// Template values that write down what the template looks up, by `Name`'s origins.
struct LoggedValues<Name: TemplateName>: MustacheParent {
    let values: [String: Any]
    let log: ReadLog

    func child(named name: String) -> Any? {
        guard let known = Name(rawValue: name), let value = values[name] else { return nil }
        switch known.origin {
        case .ownPlace: return value
        case .site(let read):
            log.note(read)
            return value
        case .eachPart(let read): return LoggedParts(base: value, read: read, log: log)
        }
    }
}

/// A collection of template values whose parts are written down one at a time: a page that shows
/// one list does not depend on the others.
struct LoggedParts: MustacheParent {
    let base: Any
    let read: @Sendable (String) -> SiteRead
    let log: ReadLog

    func child(named name: String) -> Any? {
        log.note(read(name))
        switch base {
        case let values as [String: Any]: return values[name]
        case let parent as MustacheParent: return parent.child(named: name)
        default: return nil
        }
    }
}
