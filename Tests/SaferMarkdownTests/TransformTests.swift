import Testing
import SaferCore
@testable import SaferMarkdown
import SaferTestSupport

// Swift Testing has a SourceLocation of its own.
private typealias SourceLocation = SaferCore.SourceLocation

@Suite struct TransformTests {
    func render(_ markdown: String, _ transforms: MarkdownTransforms = MarkdownTransforms(), options: MarkdownOptions = MarkdownOptions(), lineOffset: Int = 0) -> RenderedMarkdown {
        MarkdownDocument(markdown, file: "content/page.md", lineOffset: lineOffset, options: options).render(transforms)
    }

    @Test func aGlossaryTermIsLinkedAtItsFirstUseInRunningTextOnly() {
        var transforms = MarkdownTransforms()
        transforms.termLinks = [
            TermLink(phrases: ["rate per 10,000", "rates per 10,000"], href: "../glossary/#term-rate", title: "For every 10,000 <people>"),
            TermLink(phrases: ["ACEs"], href: "../glossary/#term-aces", title: "Adverse childhood experiences"),
        ]
        let html = render("""
            ## The rate per 10,000

            A [rate per 10,000](x.md) and `rate per 10,000` are left alone; rates per 10,000 in *this* text
            are linked, and the Rate per 10,000 after it is not. Separate rate per 10,000s are no match.

            > aces and ACEs: first use.
            """, transforms).html
        #expect(html == """
            <h2 id="the-rate-per-10000">The rate per 10,000</h2>
            <p>A <a href="x.md">rate per 10,000</a> and <code>rate per 10,000</code> are left alone; <a class="glossary-term" href="../glossary/#term-rate" title="For every 10,000 &lt;people&gt;">rates per 10,000</a> in <em>this</em> text
            are linked, and the Rate per 10,000 after it is not. Separate rate per 10,000s are no match.</p>
            <blockquote>
            <p><a class="glossary-term" href="../glossary/#term-aces" title="Adverse childhood experiences">aces</a> and ACEs: first use.</p>
            </blockquote>

            """)
    }

    @Test func headingsGetStableUniqueIDs() {
        let html = render("# Risk & protective factors\n\n## Summary\n\n## Summary\n\n## Who *we* are\n").html
        #expect(html == """
            <h1 id="risk-protective-factors">Risk &amp; protective factors</h1>
            <h2 id="summary">Summary</h2>
            <h2 id="summary-2">Summary</h2>
            <h2 id="who-we-are">Who <em>we</em> are</h2>

            """)
    }

    @Test func anExplicitIDWinsAndIsNotShown() {
        let document = MarkdownDocument("## The numbers {#violence-numbers}\n", file: "p.md")
        #expect(document.headings.map(\.id) == ["violence-numbers"])
        #expect(document.headings.map(\.text) == ["The numbers"])
        #expect(document.render(MarkdownTransforms()).html == "<h2 id=\"violence-numbers\">The numbers</h2>\n")
    }

    @Test func headingLocationsCountTheFrontMatter() {
        let document = MarkdownDocument("intro\n\n## Later\n", file: "p.md", lineOffset: 4)
        #expect(document.headings.first?.location == SourceLocation(file: "p.md", line: 7, column: 1))
    }

    @Test func proseWithReferencesIsNotedWithThePlaceOfEachPiece() {
        let text = "No reference here.\n\nDudley has *many* more\nthan {{x_comparison}} here.\n\n## Rates {{x}} {#rates}\n\n```chart\ntype: trend\n```\n"
        let document = MarkdownDocument(text, file: "p.md", lineOffset: 3)
        #expect(document.proseBlocks.map(\.text) == ["Dudley has many more than {{x_comparison}} here.", "Rates {{x}}"])
        #expect(document.proseBlocks.map(\.kind) == [.paragraph, .heading])
        let paragraph = document.proseBlocks[0]
        // "more" is on the first line, after the emphasis markers; "than" starts the second.
        let more = paragraph.text.utf8.count - "more than {{x_comparison}} here.".utf8.count
        #expect(paragraph.places.location(at: more) == SourceLocation(file: "p.md", line: 6, column: 19))
        let than = paragraph.text.utf8.count - "than {{x_comparison}} here.".utf8.count
        #expect(paragraph.places.location(at: than) == SourceLocation(file: "p.md", line: 7, column: 1))
        #expect(document.charts.map(\.body) == ["type: trend\n"])
        #expect(document.charts.first?.location.line == 11)
    }

    @Test func aFigureInsideALinkKeepsItsTextWithoutALinkOfItsOwn() {
        var transforms = MarkdownTransforms()
        transforms.placeholder = { content, _ in "<a class=\"figure\" href=\"figures/#figure-\(content)\">120,500</a>" }
        #expect(render("[{{population}} people](about.md) and {{population}}.", transforms).html
                == "<p><a href=\"about.md\">120,500 people</a> and <a class=\"figure\" href=\"figures/#figure-population\">120,500</a>.</p>\n")
    }

    @Test func aFigureInAnImagesTextIsPlainTextInItsAltAttribute() {
        var transforms = MarkdownTransforms()
        transforms.placeholder = { _, _ in "<a class=\"figure\" href=\"figures/\">A &amp; B &lt;1&gt;</a>" }
        #expect(render("![Map of {{areas}}](map.svg)", transforms).html == "<p><img src=\"map.svg\" alt=\"Map of A &amp; B &lt;1&gt;\" /></p>\n")
    }

    @Test func smartPunctuationIsOnForSites() {
        #expect(render("\"Dudley's\" -- safe...").html == "<p>“Dudley’s” – safe…</p>\n")
    }

    @Test func rawHTMLIsDroppedWithAWarningUnlessAllowed() {
        let dropped = render("<script>alert(1)</script>\n\nText <b>bold</b>.\n")
        #expect(dropped.html == "<p>Text bold.</p>\n")
        #expect(dropped.diagnostics.count == 3)
        #expect(dropped.diagnostics.allSatisfy { $0.severity == .warning })
        let kept = render("Text <b>bold</b>.\n", options: MarkdownOptions(allowRawHTML: true))
        #expect(kept.html == "<p>Text <b>bold</b>.</p>\n")
    }

    @Test func linksAreRewrittenOrReportedWithTheirLine() {
        let transforms = MarkdownTransforms(resolveLink: { destination, location in
            if destination == "risk-factors.md" { return .rewrite("../risk-factors/") }
            if destination.hasSuffix(".md") { return .invalid(.error(at: location, "no page \(destination)")) }
            return .keep
        })
        let result = render("See [risks](risk-factors.md).\n\nAnd\n[gone](missing.md) or [web](https://example.org).\n", transforms, lineOffset: 3)
        #expect(result.html == "<p>See <a href=\"../risk-factors/\">risks</a>.</p>\n<p>And\n<a href=\"missing.md\">gone</a> or <a href=\"https://example.org\">web</a>.</p>\n")
        #expect(result.diagnostics.map(\.location) == [SourceLocation(file: "content/page.md", line: 7, column: 1)])
    }

    @Test func placeholdersBecomeHTMLWithTheirColumn() {
        var seen: [(String, SourceLocation)] = []
        let transforms = MarkdownTransforms(placeholder: { content, location throws(Diagnostic) in
            seen.append((content, location))
            if content == "unknown" { throw .error(at: location, "unknown figure") }
            return "<span>\(content.uppercased())</span>"
        })
        let result = render("About {{ deprived_population }} people, *{{x}}*, `{{code}}`, {{unknown}}.\n", transforms)
        #expect(result.html == "<p>About <span>DEPRIVED_POPULATION</span> people, <em><span>X</span></em>, <code>{{code}}</code>, {{unknown}}.</p>\n")
        #expect(seen.map(\.0) == ["deprived_population", "x", "unknown"])
        #expect(seen.first?.1 == SourceLocation(file: "content/page.md", line: 1, column: 7))
        #expect(result.diagnostics.map(\.message) == ["unknown figure"])
    }

    /// A placeholder is found however cmark splits its text (a `_`, an escaped character inside
    /// it), in headings, links, nested inlines and an image's text alike, in document order (in an
    /// image's text, where the alt attribute can hold no HTML, as text).
    @Test func placeholdersAreFoundWhereverTheTextIsSplit() {
        var seen: [String] = []
        let transforms = MarkdownTransforms(headingIDs: false, placeholder: { content, _ throws(Diagnostic) in
            seen.append(content)
            return "<b>\(content)</b>"
        })
        let markdown = "# Heading {{a_1}}\n\n{{b\\_2}} {{c}} ![{{alt}}](x.png) [**{{d}}** {{e_f}}](p.md) {{g}}\n\n- {{h}}\n"
        let result = render(markdown, transforms)
        #expect(seen == ["a_1", "b_2", "c", "alt", "d", "e_f", "g", "h"])
        #expect(result.html == "<h1>Heading <b>a_1</b></h1>\n<p><b>b_2</b> <b>c</b> <img src=\"x.png\" alt=\"&lt;b&gt;alt&lt;/b&gt;\" /> "
            + "<a href=\"p.md\"><strong><b>d</b></strong> <b>e_f</b></a> <b>g</b></p>\n<ul>\n<li><b>h</b></li>\n</ul>\n")
    }

    /// A brace written as `\{` or as an entity is the character, as CommonMark says: the way to
    /// show `{{population}}` itself on a page. Only braces typed as they are open a placeholder.
    @Test(arguments: [
        ("\\{\\{population}}", "{{population}}"),
        ("\\{{population}}", "{{population}}"),
        ("{\\{population}}", "{{population}}"),
        ("&#123;&#123;population}}", "{{population}}"),
        ("&#x7B;&lbrace;population}}", "{{population}}"),
        ("\\\\{{population}}", "\\<b>population</b>"),
        ("a & b; {{population}} &amp; \\{{x}}", "a &amp; b; <b>population</b> &amp; {{x}}"),
        ("> quoted\n>   &#123;{population}} {{population}}", "quoted\n{{population}} <b>population</b>"),
        ("![\\{{population}} {{population}}](x.png)", "<img src=\"x.png\" alt=\"{{population}} &lt;b&gt;population&lt;/b&gt;\" />"),
        // Lines far down a page, and Windows line endings: each brace is found on its own line.
        (String(repeating: "Line {{population}}.\n\n", count: 300) + "Last \\{{x}} {{population}}", "Last {{x}} <b>population</b>"),
        ("First {{population}}\r\n\r\nSecond \\{{x}} {{population}}\r\n", "Second {{x}} <b>population</b>"),
    ])
    func escapedBracesAreText(markdown: String, shown: String) {
        let transforms = MarkdownTransforms(headingIDs: false, placeholder: { content, _ throws(Diagnostic) in "<b>\(content)</b>" })
        let html = render(markdown, transforms).html
        #expect(html.contains(shown), "\(html)")
        #expect(!html.contains("\u{1}"))
    }

    @Test func fencedBlocksCanBecomeHTML() {
        let transforms = MarkdownTransforms(fencedBlock: { info, body, location in
            info == "chart" ? "<figure>\(body.count) at line \(location.line ?? 0)</figure>" : nil
        })
        let result = render("Intro\n\n```chart\nkind: bars\n```\n\n```swift\nlet x = 1\n```\n", transforms)
        #expect(result.html == "<p>Intro</p>\n<figure>11 at line 3</figure>\n<pre><code class=\"language-swift\">let x = 1\n</code></pre>\n")
    }

    @Test func slugsAreReadable() {
        #expect(Slug.make("What we mean by violence?") == "what-we-mean-by-violence")
        #expect(Slug.make("  Scale 1 — universal  ") == "scale-1-universal")
        #expect(Slug.make("!!!") == "section")
        #expect(Slug.make("İstanbul KELVIN \u{212A}") == "istanbul-kelvin-k")
    }

    /// Headings in ASCII are slugged from their bytes; every ASCII text must get the slug that
    /// Unicode lowercasing gives, and any other text must take the Unicode way.
    @Test func theASCIISlugAgreesWithTheUnicodeSlug() {
        var random = SplitMix(seed: 7)
        let pieces = ["Risk", "and", " ", "  ", "-", "_", "/", "\t", "&", "?", "2024", "a", "Z", "!", ".", ",", "(", ")", "'", "\"", "~", "\u{7F}"]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...10, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(Slug.asciiSlug(text) == Slug.unicodeSlug(text), "\(text.debugDescription)")
        }
        #expect(Slug.asciiSlug("Café") == nil)
        #expect(Slug.asciiSlug("\u{212A}elvin") == nil)
    }

    /// Trees live in a per-thread arena released when each render ends; a document rendered from
    /// inside another's transform (a nested parse) must leave the outer tree whole, including when
    /// either needs more than one of the arena's chunks.
    @Test(arguments: [1, 400, 3000]) func aDocumentRenderedInsideAnotherLeavesItWhole(repeats: Int) {
        let paragraph = "Some *emphasis*, a [link](x.md) and `code` with {{figure}} text.\n\n"
        let inner = MarkdownDocument("# Inner\n\n" + String(repeating: paragraph, count: repeats), file: "inner.md")
        let innerHTML = inner.render(.none).html
        let outer = "# Outer\n\n```nested\n```\n\n" + String(repeating: "After **strong** text.\n\n", count: repeats) + "```nested\n```\n\nEnd.\n"
        let constant = render(outer, MarkdownTransforms(fencedBlock: { info, _, _ in info == "nested" ? innerHTML : nil }))
        let nested = render(outer, MarkdownTransforms(fencedBlock: { info, _, _ in info == "nested" ? inner.render(.none).html : nil }))
        #expect(nested.html == constant.html)
        #expect(nested.html.contains("<h1>Inner</h1>") && nested.html.hasSuffix("<p>End.</p>\n"))
    }

    /// Each thread parses into its own arena: the same documents rendered on every core give what
    /// they give one at a time.
    @Test func documentsRenderTheSameOnEveryCore() {
        let texts = (0..<64).map { index in
            "# Page \(index)\n\n" + String(repeating: "Text \(index) with *emphasis* and [a link](p\(index).md).\n\n", count: index * 20)
        }
        let alone = texts.map { MarkdownDocument($0, file: "p.md").render(.none).html }
        let together = ParallelMap.map(texts.indices) { MarkdownDocument(texts[$0], file: "p.md").render(.none).html }
        #expect(together == alone)
    }

    /// A page whose tree outgrows what a thread's arena keeps (the rest is then given back)
    /// renders the same before and after smaller ones, on the same thread. The arena is told to
    /// keep little here, so that the page need not be tens of megabytes (other tests measure the
    /// memory of processes this one starts).
    @Test func aLargePageRendersTheSameAfterItsMemoryIsGivenBack() {
        CMark.keepAtMost(bytes: 256 * 1024)
        defer { CMark.keepAtMost(bytes: 16 * 1024 * 1024) }
        let large = MarkdownDocument(String(repeating: "A paragraph with *emphasis*, `code` and [a link](p.md).\n\n", count: 3_000), file: "large.md")
        let small = MarkdownDocument("# Small\n\nText.\n", file: "small.md")
        let first = large.render(.none).html
        #expect(small.render(.none).html == "<h1>Small</h1>\n<p>Text.</p>\n")
        #expect(large.render(.none).html == first)
        #expect(first.hasPrefix("<p>A paragraph with <em>emphasis</em>, <code>code</code> and <a href=\"p.md\">a link</a>.</p>\n"))
        #expect(first.utf8.count > 250_000)
    }
}

/// Character references that decode to invisible control or bidirectional characters are refused
/// as the raw characters are (issue 30, class 1), at the reference; plain CommonMark is left alone.
extension TransformTests {
    @Test(arguments: [
        ("Who we are &#x1b;[2J here", "U+001B", 12),
        ("Read &#8238;this", "U+202E", 6),
        ("A [link](page.md \"Home&#x7;\")", "U+0007", 23),
        ("![a &#x2066;map](map.svg)", "U+2066", 5),
        ("Odd &#x2069; text", "U+2069", 5),
    ])
    func referencesToInvisibleCharactersAreRefusedWhereTheyAreWritten(markdown: String, code: String, column: Int) throws {
        let rendered = render("# Title\n\n" + markdown + "\n", lineOffset: 3)
        let problem = try #require(rendered.diagnostics.first { $0.message.contains(code) })
        #expect(problem.isError)
        #expect(problem.location == SourceLocation(file: "content/page.md", line: 6, column: column))
        #expect(problem.hint?.contains("&#x") == true)
    }

    @Test func aFencesInfoStringIsLookedAtToo() {
        let rendered = render("```js&#x1b;\ncode\n```\n")
        #expect(rendered.diagnostics.contains { $0.isError && $0.message.contains("U+001B") })
    }

    @Test func safeReferencesAndCodeStay() {
        // `&#0;` is U+FFFD by the spec; tabs and non-breaking spaces are ordinary text; references
        // in code are not decoded at all.
        let rendered = render("a&#0;b&#9;c&nbsp;d `&#x1b;` &rlm;\n")
        #expect(rendered.diagnostics.isEmpty)
        #expect(rendered.html == "<p>a\u{FFFD}b\tc\u{A0}d <code>&amp;#x1b;</code> \u{200F}</p>\n")
        // cmark itself writes the two non-characters XML forbids as U+FFFD.
        let nonCharacters = render("&#xFFFF; &#xFFFE;\n")
        #expect(nonCharacters.diagnostics.isEmpty && !nonCharacters.html.unicodeScalars.contains { $0.value >= 0xFFFE })
    }

    @Test func plainCommonMarkIsNotChecked() {
        #expect(MarkdownDocument.html(fromCommonMark: "a&#x1b;b\n") == "<p>a\u{1B}b</p>\n")
        #expect(render("a&#x1b;b\n", .none).diagnostics.isEmpty)
    }
}
