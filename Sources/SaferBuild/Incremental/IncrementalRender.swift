import Foundation
import SaferContent
import SaferCore
import SaferMarkdown
import SaferRender

extension SiteAnswers {
    typealias Result = SiteRenderer.Result

    /// Renders every page like `SiteRenderer.renderPages`, reusing a page's body from `previous`
    /// when every question it asked has the same answer now. The result is the same, byte for byte.
    /// - Parameter linkShapeChecked: the `LinkResolver.shape` every trace's links were last checked
    ///   against; when it is this site's, links are not resolved again.
    func renderPages(reusing previous: [String: PageTrace], linkShapeChecked: UInt64? = nil) -> (result: Result, traces: [PageTrace], decisions: [RenderDecision]) {
        let links = renderer.linkResolver
        let checker = TraceChecker(answers: self, linkShapeChecked: linkShapeChecked)
        // Positions rather than a filtered copy: a site has thousands of pages, checked on every rebuild.
        let pages = renderer.content.pages
        let positions = pages.indices.filter { pages[$0].urlPath != ReportPage.urlPath }
        let results = ParallelMap.map(positions.indices) { index -> (Result, PageTrace?, RenderDecision) in
            let page = pages[positions[index]]
            let old = previous[page.outputPath]
            if let old, !old.isReport, old.sourcePath == page.sourcePath, checker.firstChanged(old.dependencies, current: page) == nil {
                return layOutAgain(old, page: page)
            }
            let reason = old.map { checker.firstChanged($0.dependencies, current: page)?.reason ?? "it was another page" } ?? "new page"
            var observed = renderer
            let recorder = RenderRecorder(answers: self)
            observed.observer = recorder
            do throws(Diagnostic) {
                let rendered = try observed.render(page, links: links)
                // One buffer for the file and the trace: a rebuild that reuses the page then knows
                // it unchanged by identity, without comparing its bytes with what was written.
                let html = Data(rendered.html.utf8)
                let files = [OutputFile(path: page.outputPath, contents: html)] + rendered.files
                let trace = recorder.laidOut.map { laidOut in
                    var trace = PageTrace(
                        outputPath: page.outputPath, sourcePath: page.sourcePath, isReport: false,
                        dependencies: [Self.sourceDependency(page)] + recorder.dependencies, body: laidOut.body, headings: laidOut.headings,
                        files: rendered.files, diagnostics: rendered.diagnostics, pageHash: TraceHash.of(html), html: html)
                    noteLayout(recorder.layoutReads.read, of: page, in: &trace)
                    return trace
                }
                return (Result(files: files, diagnostics: rendered.diagnostics), trace, RenderDecision(outputPath: page.outputPath, action: .rendered, reason: reason))
            } catch {
                return (Result(files: [], diagnostics: [error]), nil, RenderDecision(outputPath: page.outputPath, action: .rendered, reason: reason))
            }
        }
        return (Result(files: results.flatMap(\.0.files), diagnostics: results.flatMap(\.0.diagnostics)),
                results.compactMap(\.1), results.map(\.2))
    }

    /// The one-page report like `SiteRenderer.renderReport`, reused on the same terms as a page;
    /// when some of its answers changed, only the sections that asked those questions are rendered again.
    func renderReport(reusing previous: PageTrace?, linkShapeChecked: UInt64? = nil) -> (result: Result, trace: PageTrace?, decision: RenderDecision) {
        let parts = renderer.reportParts()
        let report = parts.report
        let sectionsQuestion = reportSectionsDependency
        let checker = TraceChecker(answers: self, linkShapeChecked: linkShapeChecked)
        let changed = previous.map { checker.firstChanged($0.dependencies) }
        if let previous, previous.isReport, previous.sourcePath == report.sourcePath, let changed, changed == nil {
            return layOutAgain(previous, page: report)
        }
        let reason = changed.map { $0?.reason ?? "it was another page" } ?? "new page"
        // Sections are reused only while the report holds the same pages in the same order.
        let reusable = previous.flatMap { old -> [String: TracedSection]? in
            guard old.isReport, old.sourcePath == report.sourcePath, old.dependencies.first == sectionsQuestion, let sections = old.sections else { return nil }
            return Dictionary(sections.map { ($0.section.sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let sections = ParallelMap.map(parts.pages.indices) { index -> TracedSection in
            let page = parts.pages[index]
            if let old = reusable?[page.sourcePath], checker.firstChanged(old.dependencies, current: page) == nil { return old }
            var observed = renderer
            let recorder = RenderRecorder(answers: self)
            observed.observer = recorder
            let section = observed.renderReportSection(index, of: parts)
            return TracedSection(section: section, dependencies: [Self.sourceDependency(page)] + recorder.dependencies)
        }
        let layoutReads = ReadLog()
        let (result, body, headings) = renderer.assembleReport(sections.map(\.section), layoutLog: layoutReads)
        let decision = RenderDecision(outputPath: report.outputPath, action: .rendered, reason: reason)
        guard let html = result.files.first(where: { $0.path == report.outputPath }) else { return (result, nil, decision) }
        var seen: Set<RecordedDependency> = []
        var trace = PageTrace(
            outputPath: report.outputPath, sourcePath: report.sourcePath, isReport: true,
            dependencies: ([sectionsQuestion] + sections.flatMap(\.dependencies)).filter { seen.insert($0).inserted },
            body: body, headings: headings, files: result.files.filter { $0.path != report.outputPath },
            diagnostics: result.diagnostics, pageHash: TraceHash.of(html.contents),
            html: html.contents, sections: sections)
        noteLayout(layoutReads.read, of: report, in: &trace)
        return (result, trace, decision)
    }

    /// Applies the layout again to a reused body: the same steps as the last part of a render.
    private func layOutAgain(_ trace: PageTrace, page: Page) -> (Result, PageTrace?, RenderDecision) {
        let root = renderer.root(for: page)
        // The body and the page are as they were (every answer is): with the same stamp, so is
        // everything else the layout reads.
        let stamp = layoutStamp(page, bodyHash: trace.bodyHash, root: root)
        if let html = trace.html, trace.layoutStamp == stamp || trace.layoutReads.map({ reads in
            trace.layoutKey == layoutKey(page, bodyHash: trace.bodyHash, headings: trace.headings, root: root, reads: reads)
        }) == true {
            var trace = trace
            if trace.layoutStamp != stamp { trace.layoutStamp = stamp }
            // The trace is kept under the page's output path: no need to make that path again.
            let file = OutputFile(path: trace.outputPath, contents: html)
            return (Result(files: trace.files.isEmpty ? [file] : [file] + trace.files, diagnostics: trace.diagnostics), trace,
                    RenderDecision(outputPath: trace.outputPath, action: .reused, reason: nil))
        }
        do throws(Diagnostic) {
            let reads = ReadLog()
            let html = try renderer.layOut(page, body: trace.body, headings: trace.headings, root: root, log: reads)
            var updated = trace
            updated.pageHash = TraceHash.of(html)
            let data = Data(html.utf8)
            updated.html = data
            noteLayout(reads.read, of: page, in: &updated)
            let changed = updated.pageHash != trace.pageHash
            return (Result(files: [OutputFile(path: page.outputPath, contents: data)] + trace.files, diagnostics: trace.diagnostics), updated,
                    RenderDecision(outputPath: page.outputPath, action: changed ? .laidOutAgain : .reused,
                                   reason: changed ? "its layout, the navigation, the lists or the assets changed" : nil))
        } catch {
            // As `renderPages` and `renderReport` do: a page keeps only the layout's error, the report its body's too.
            return (Result(files: [], diagnostics: trace.isReport ? trace.diagnostics + [error] : [error]), nil,
                    RenderDecision(outputPath: page.outputPath, action: .rendered, reason: "its layout failed"))
        }
    }

    /// Writes down in `trace` what its layout was applied to (what it looked up, its key and
    /// stamp), so that a rebuild can tell whether to apply it again.
    private func noteLayout(_ reads: [SiteRead], of page: Page, in trace: inout PageTrace) {
        let root = renderer.root(for: page)
        trace.layoutReads = reads
        trace.layoutKey = layoutKey(page, bodyHash: trace.bodyHash, headings: trace.headings, root: root, reads: reads)
        trace.layoutStamp = layoutStamp(page, bodyHash: trace.bodyHash, root: root)
    }
}
