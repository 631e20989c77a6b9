import SaferCore

/// What the site adds on top of CommonMark, applied to cmark's tree before it renders HTML.
///
/// Each hook is optional: with none set (and `headingIDs` off) the output is plain CommonMark.
public struct MarkdownTransforms {
    /// Give every heading a stable `id` (from its text, or from a trailing `{#custom-id}`).
    public var headingIDs: Bool
    /// Added to every heading's level (at most h6): 1 makes `##` an `<h3>`, for pages shown
    /// inside another page under its own heading.
    public var headingLevelOffset: Int

    /// Decides what a link or image destination becomes: kept, rewritten, or an error.
    public var resolveLink: ((_ destination: String, _ location: SourceLocation) -> LinkResolution)?

    /// Turns the inside of a `{{ ... }}` in text into HTML (for figure references).
    public var placeholder: ((_ content: String, _ location: SourceLocation) throws(Diagnostic) -> String)?

    /// Terms whose first use on the page links to their definition (a glossary): searched in
    /// running text only, never in headings, links, images or code.
    public var termLinks: [TermLink] = []

    /// Refuse text that decodes to an invisible control or bidirectional character (`&#x1b;`,
    /// `&#x202E;`), as the raw-byte check refuses the characters themselves: an error at the
    /// reference. Off only for plain CommonMark (`none`), whose spec examples are the spec's.
    public var checksDecodedText: Bool = true

    /// Turns a fenced code block into HTML; returns nil to leave it as a code block.
    /// Used for ```` ```chart ```` blocks; `info` is the fence's info string.
    public var fencedBlock: ((_ info: String, _ body: String, _ location: SourceLocation) throws(Diagnostic) -> String?)?

    public init(
        headingIDs: Bool = true,
        headingLevelOffset: Int = 0,
        resolveLink: ((String, SourceLocation) -> LinkResolution)? = nil,
        placeholder: ((String, SourceLocation) throws(Diagnostic) -> String)? = nil,
        fencedBlock: ((String, String, SourceLocation) throws(Diagnostic) -> String?)? = nil
    ) {
        self.headingIDs = headingIDs
        self.headingLevelOffset = headingLevelOffset
        self.resolveLink = resolveLink
        self.placeholder = placeholder
        self.fencedBlock = fencedBlock
    }

    /// No transforms at all: cmark's own HTML.
    public static var none: MarkdownTransforms {
        var transforms = MarkdownTransforms(headingIDs: false)
        transforms.checksDecodedText = false
        return transforms
    }
}

/// The outcome of checking one link.
public enum LinkResolution: Sendable {
    case keep
    case rewrite(String)
    case invalid(Diagnostic)
}

/// A term to link where a page first uses it, in any of its written forms.
public struct TermLink: Sendable, Equatable {
    /// "rate per 10,000", "rates per 10,000": matched case-insensitively, as whole words.
    public var phrases: [String]
    public var href: String
    /// For the link's `title` (a tooltip): the definition's first words.
    public var title: String

    public init(phrases: [String], href: String, title: String) {
        self.phrases = phrases
        self.href = href
        self.title = title
    }
}
