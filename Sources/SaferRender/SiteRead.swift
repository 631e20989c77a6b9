import Foundation

/// One thing of the site that a layout, a block or a chart looked up while it rendered, beyond
/// what its own place already says (the page, its body, its way back to the root, a block's YAML).
/// Written down as it is looked up (`ReadLog`), so an incremental build can ask later whether each
/// is still the same without drawing anything again.
public enum SiteRead: Hashable, Comparable, Codable, Sendable {
    // What templates look up (layouts and blocks; see `LayoutName` and `BlockName`).
    /// The pages of the navigation: their addresses, titles and descriptions.
    case navigation
    /// The site's settings (`site` in templates).
    case settings
    /// The addresses of the theme's assets.
    case assets
    /// One list of `content/lists/` (`lists.roles`).
    case list(String)
    /// Every figure as a template value (`figures` in blocks).
    case figureValues
    /// One figure as a template value (`figures_by_id.population` in blocks).
    case figureValue(String)
    /// The data files readers can download, with their sizes.
    case downloads
    /// The sources the data's values come from, with the indicators and periods of each (`sources` in blocks).
    case sources

    // What charts look up in the data (see `ChartData`).
    case figure(String)
    /// Every figure (only to suggest a name after a typo).
    case figures
    case indicators
    case areas
    case indicator(String)
    /// The text a figure reference gives (`{{population}}`, `{{population.share}}`).
    case figureText(String)
    case observations(indicator: String)
    /// The comparison figure made from an indicator, if any.
    case comparison(indicator: String)
    /// A boundary file of boundaries.yaml, as read (its areas' shapes, names and codes).
    case boundary(String)
    /// Which boundaries there are (only to suggest a name after a typo).
    case boundaries
}

/// What a template or a chart looked up while it rendered, in the order of `SiteRead`.
public final class ReadLog: @unchecked Sendable {
    // @unchecked: `reads` is only read or changed under `lock`.
    private let lock = NSLock()
    private var reads: Set<SiteRead> = []

    public init() {}

    func note(_ read: SiteRead) { lock.withLock { _ = reads.insert(read) } }
    public var read: [SiteRead] { lock.withLock { reads.sorted() } }
}
