import Foundation
import SaferContent
import SaferCore
import SaferMarkdown
import SaferRender

/// Asks a trace's questions again of the current site.
/// Read-only after it is made (its look-up of pages is made once, under a lock), so pages check
/// their traces with it on every core.
final class TraceChecker: Sendable {
    let answers: SiteAnswers
    var renderer: SiteRenderer { answers.renderer }
    let links: LinkResolver
    /// The site's pages (and the report) by source path, worked out on first use: most questions
    /// are about the page whose trace is being checked, which the caller passes in.
    private let lookup = OnceValue<(pages: [Page], positions: [String: Int])>()

    /// The links resolve as they did when the traces were checked: the site has the same pages,
    /// headings and files, so a link's answer is the one written down.
    let linksUnchanged: Bool
    /// Figure answers already worked out by this checker, shared by the pages checked on every core.
    private let figureAnswers = KeyedValues<FigureKey, UInt64>()

    /// What a figure's answer depends on besides the figures: the reference, the way back to the
    /// root, whether it is written in the report (as plain text), and the period its sentence
    /// makes it say (`MixedPeriods`), which is the page's own.
    private struct FigureKey: Hashable { var reference: String, root: String, inReport: Bool, periodNote: String }
    /// Each page's period notes, worked out once per page by this checker.
    private let periodNotes = KeyedValues<String, [String: String]>()

    init(answers: SiteAnswers, linkShapeChecked: UInt64? = nil) {
        self.answers = answers
        links = answers.renderer.linkResolver
        linksUnchanged = linkShapeChecked == links.shape
    }

    func page(_ sourcePath: String, current: Page? = nil) -> Page? {
        if let current, current.sourcePath == sourcePath { return current }
        let (pages, positions) = lookup.value {
            var pages = renderer.content.pages
            var positions = Dictionary(pages.indices.map { (pages[$0].sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
            let report = ReportPage.page(in: renderer.content)
            if positions[report.sourcePath] == nil {
                positions[report.sourcePath] = pages.count
                pages.append(report)
            }
            return (pages, positions)
        }
        return positions[sourcePath].map { pages[$0] }
    }

    /// The first question whose answer is different now, or nil when all are the same.
    /// `current`: the page the questions were asked for, if it is one of the site's pages.
    func firstChanged(_ dependencies: [RecordedDependency], current: Page? = nil) -> RecordedDependency? {
        var transforms: [RenderPlace: MarkdownTransforms] = [:]
        // Through the buffer: iterating or subscripting the array would copy each question (many
        // strings) before asking it.
        let changed = dependencies.withUnsafeBufferPointer { questions in
            questions.indices.first { index in
                // Most questions are links, unchanged while the links' shape is: answered from
                // their kind alone, without copying the question.
                if linksUnchanged && questions[index].isLink { return false }
                return answer(to: questions[index], transforms: &transforms, current: current) != questions[index].answer
            }
        }
        return changed.map { dependencies[$0] }
    }

    /// Asks again through the same transforms a body renders with (`SiteRenderer.bodyTransforms`),
    /// so a question is always answered as the page would answer it. `transforms` keeps them by
    /// place for the questions of one trace.
    func answer(to question: RecordedDependency, transforms: inout [RenderPlace: MarkdownTransforms], current: Page? = nil) -> UInt64? {
        switch question.dependency {
        case .source(let path):
            return page(path, current: current)?.contentHash
        case .reportSections:
            return answers.reportSectionsDependency.answer
        case .glossary(let path):
            return page(path, current: current).map { TraceHash.of(renderer.glossaryKey(forText: $0.bodyText)) }
        case .block:
            return answers.drawingAnswer(question.dependency)
        case .chart(_, let name, let place, _, _):
            // The chart's name comes from its place on the page: it must still be this page's.
            guard let page = page(place.page, current: current), name.hasPrefix(SiteRenderer.ChartFiles(page: page).prefix + "-chart-") else { return nil }
            return answers.drawingAnswer(question.dependency)
        case .link where linksUnchanged:
            return question.answer
        case .link(let destination, let place, let location):
            return self.transforms(for: place, in: &transforms, current: current)?.resolveLink.map { TraceHash.of($0(destination, location)) }
        case .figure(let reference, let place, let location):
            // A figure reads the same wherever it is cited from the same depth (in pages or in the
            // report): asked once per build, not once per page. Errors name their place, so they are not shared.
            let notes = page(place.page, current: current).map { page in
                periodNotes.known(page.sourcePath) ?? {
                    let notes = SiteRenderer.periodNotes(page, figures: renderer.figures.data.figures)
                    periodNotes.store(notes, for: page.sourcePath)
                    return notes
                }()
            } ?? [:]
            let key = FigureKey(reference: reference, root: place.root, inReport: place.reportSections != nil,
                                periodNote: notes[SiteRenderer.periodNoteKey(line: location.line, reference: reference)] ?? "")
            if let known = figureAnswers.known(key) { return known }
            guard let placeholder = self.transforms(for: place, in: &transforms, current: current)?.placeholder else { return nil }
            do throws(Diagnostic) {
                let answer = TraceHash.of(try placeholder(reference, location))
                figureAnswers.store(answer, for: key)
                return answer
            } catch {
                return TraceHash.of(error)
            }
        }
    }

    /// The transforms a body at `place` renders with, made once per place for one trace's questions.
    private func transforms(for place: RenderPlace, in made: inout [RenderPlace: MarkdownTransforms], current: Page?) -> MarkdownTransforms? {
        if let known = made[place] { return known }
        guard let page = page(place.page, current: current) else { return nil }
        let context = LinkResolver.Context(page: page, root: place.root, reportSections: place.reportSections)
        let transforms = renderer.bodyTransforms(context: context, links: links, chartFiles: SiteRenderer.ChartFiles(page: page), footnotes: PageFootnotes())
        made[place] = transforms
        return transforms
    }
}
