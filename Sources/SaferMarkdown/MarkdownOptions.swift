/// How Markdown is read. The defaults are the site's: smart punctuation on, raw HTML dropped.
public struct MarkdownOptions: Sendable, Hashable {
    /// Curly quotes, en and em dashes and ellipses, as published documents use.
    public var smartPunctuation: Bool
    /// Raw HTML in pages is published only when the site opts in (`markdown: {rawHTML: true}`).
    public var allowRawHTML: Bool

    public init(smartPunctuation: Bool = true, allowRawHTML: Bool = false) {
        self.smartPunctuation = smartPunctuation
        self.allowRawHTML = allowRawHTML
    }

    /// Plain CommonMark, exactly as the spec's examples expect: raw HTML kept, no smart punctuation.
    public static let commonMark = MarkdownOptions(smartPunctuation: false, allowRawHTML: true)
}
