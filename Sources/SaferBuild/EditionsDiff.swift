import Foundation
import SaferContent
import SaferCore
import SaferData
import SaferRender

/// `safersite diff`: what a change to the site folder does to the published site, as Markdown for a
/// pull request comment: the figures whose value changed, the sentences that read differently
/// because of them, and the pages added or removed.
public enum SiteDiff {
    /// A sentence of a page whose text differs because a figure it cites changed.
    public struct Sentence: Sendable, Hashable {
        /// "content/numbers.md".
        public var page: String
        public var line: Int?
        public var before: String
        public var after: String
    }

    /// A hand-typed claim ("higher than England", "fell") that the change makes doubtful: the new
    /// data contradict it, or what it rests on changed, so a person should read it again.
    public struct ClaimToReview: Sendable, Hashable {
        public var location: SourceLocation
        public var sentence: String
        /// The claim's words, as typed.
        public var words: String
        /// Why it is doubtful, with what the data say now.
        public var reason: String
    }

    public struct Result: Sendable {
        public var changes: DataChanges
        public var sentences: [Sentence]
        /// Hand-typed claims to read again, in page order.
        public var claimsToReview: [ClaimToReview] = []
        public var pagesAdded: [String]
        public var pagesRemoved: [String]
        /// Pages in both whose own text (not their figures) was edited.
        public var pagesEdited: [String]
        /// Editions recorded only in the change, and only in the base (editions.yaml).
        public var editionsAdded: [String] = []
        public var editionsRemoved: [String] = []
        public var markdown: String
    }

    /// Compares the site at `base` with the site at `head` (both site folders). Each side shows its
    /// latest edition, as its build would.
    public static func compare(base: URL, head: URL, baseName: String = "base") throws(DiagnosticList) -> Result {
        let (baseContent, baseData) = try load(base, side: baseName)
        let (headContent, headData) = try load(head, side: "this change")
        let changes = DataChanges.between(baseData, headData)
        let basePages = Dictionary(baseContent.pages.map { ($0.sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
        let headPaths = Set(headContent.pages.map(\.sourcePath))
        let added = headContent.pages.map(\.sourcePath).filter { basePages[$0] == nil }.sorted()
        let removed = basePages.keys.filter { !headPaths.contains($0) }.sorted()
        let edited = headContent.pages.filter { page in basePages[page.sourcePath].map { $0.bodyText != page.bodyText || $0.title != page.title } ?? false }
            .map(\.sourcePath).sorted()

        var sentences: [Sentence] = []
        for page in headContent.pages.sorted(by: { $0.sourcePath < $1.sourcePath }) where basePages[page.sourcePath] != nil {
            let offset = bodyLineOffset(page, site: head)
            for (line, sentence) in Self.sentences(in: page.bodyText) where sentence.contains("{{") {
                let after = fill(sentence, with: headData), before = fill(sentence, with: baseData)
                if before != after { sentences.append(Sentence(page: page.sourcePath, line: offset.map { $0 + line }, before: before, after: after)) }
            }
        }
        var result = Result(changes: changes, sentences: sentences, pagesAdded: added, pagesRemoved: removed, pagesEdited: edited, markdown: "")
        func labels(_ site: URL) -> [String] { ((try? EditionBuild.editions(BuildOptions(siteFolder: site)))??.list.editions ?? []).map(\.label) }
        let baseEditions = labels(base), headEditions = labels(head)
        result.claimsToReview = claimsToReview(base: SiteClaims.claims(pages: baseContent.pages, lists: baseContent.lists, data: baseData),
                                               head: SiteClaims.claims(pages: headContent.pages, lists: headContent.lists, data: headData),
                                               changes: changes, edition: headEditions.last)
        result.editionsAdded = headEditions.filter { !baseEditions.contains($0) }
        result.editionsRemoved = baseEditions.filter { !headEditions.contains($0) }
        result.markdown = markdown(result, baseName: baseName)
        return result
    }

    /// The report's first line, by which `writeReport` knows a file it may replace.
    static let reportHeading = "## What this change does to the site"

    /// Writes the report to `url`: a new file, or one an earlier report was written to. Any other
    /// file (the site's own `site.yaml`, a page, a link) is refused rather than overwritten.
    /// - Parameter site: the site compared; a report inside it is never written through a link out of it.
    public static func writeReport(_ markdown: String, to url: URL, site: URL? = nil) throws(DiagnosticList) {
        let here = SourceLocation(file: url.path)
        if let site {
            do throws(Diagnostic) { try InsideSite.check(url, site: site) } catch { throw DiagnosticList([error]) }
        }
        var info = stat()
        if lstat(url.path, &info) == 0 {
            let isFile = info.st_mode & S_IFMT == S_IFREG
            let earlier = isFile ? (try? TextFile.read(url, as: url.path))?.text : nil
            guard let earlier, earlier.hasPrefix(reportHeading) else {
                throw DiagnosticList([.error(at: here, "`--output` would overwrite this \(isFile ? "file" : "path"), which is not a report that `safersite diff` wrote",
                                             hint: "give the name of a new file (for example site-diff.md), or delete the old report first")])
            }
        }
        do { try Data(markdown.utf8).write(to: url, options: .atomic) } catch {
            let problem = FileProblem(error)
            throw DiagnosticList([.error(at: here, "the report could not be written: \(problem.what)", hint: problem.hint)])
        }
    }

    /// The head's hand-typed claims that the change makes doubtful: contradicted by the new data,
    /// resting on data that now say something else, or about a figure whose value changed.
    static func claimsToReview(base: [HandTypedClaim], head: [HandTypedClaim], changes: DataChanges, edition: String?) -> [ClaimToReview] {
        func key(_ claim: HandTypedClaim) -> String { "\(claim.location.file)\u{0}\(claim.sentence)\u{0}\(claim.words)" }
        let before = Dictionary(base.map { (key($0), $0.dataSay) }, uniquingKeysWith: { first, _ in first })
        let moved = Set(changes.figureIDs + changes.flips.map(\.figureID))
        return head.compactMap { claim in
            var reason: String
            if claim.contradicted {
                reason = "the data now contradict it: \(claim.dataSay)"
            } else if let was = before[key(claim)], was != claim.dataSay {
                reason = "the data it rests on changed: now \(claim.dataSay); was \(was)"
            } else if let figure = claim.figureIDs.first(where: moved.contains) {
                reason = "the figure `\(figure)` it is about changed; the data say \(claim.dataSay)"
            } else {
                return nil
            }
            if let mark = claim.reviewed, mark.covers(edition: edition) { reason += " (marked reviewed for \(mark.label))" }
            return ClaimToReview(location: claim.location, sentence: claim.sentence, words: claim.words, reason: reason)
        }
    }

    static func load(_ site: URL, side: String) throws(DiagnosticList) -> (SiteContent, DataSet) {
        do {
            let content = try SiteContent.load(from: site)
            let data = try SiteBuilder.loadData(BuildOptions(siteFolder: site), config: content.config)
            return (content, data)
        } catch {
            throw DiagnosticList(error.diagnostics.map { problem in
                Diagnostic(problem.severity, at: problem.location, "in \(side): \(problem.message)", hint: problem.hint)
            })
        }
    }

    /// The line in the page's file where its body starts, less one (front matter comes first).
    static func bodyLineOffset(_ page: Page, site: URL) -> Int? {
        guard let data = FileManager.default.contents(atPath: site.appendingPathComponent(page.sourcePath).path),
              let text = String(data: data, encoding: .utf8) else { return nil }
        let normalised = text.replacingAll("\r\n", with: "\n")
        guard let range = normalised.range(of: page.bodyText.replacingAll("\r\n", with: "\n")), !page.bodyText.isEmpty else { return nil }
        return normalised[..<range.lowerBound].filter { $0 == "\n" }.count
    }

    /// The sentences of a page's Markdown, each with the line it starts on (1 = the body's first
    /// line); fenced blocks are skipped and a paragraph's lines are joined.
    static func sentences(in body: String) -> [(Int, String)] {
        var result: [(Int, String)] = []
        var paragraph: [String] = []
        var start = 0
        var fence: String?
        func flush() {
            guard !paragraph.isEmpty else { return }
            let text = paragraph.joined(separator: " ")
            var current = ""
            var characters = Array(text)
            var index = 0
            while index < characters.count {
                let character = characters[index]
                current.append(character)
                if ".!?".contains(character), index + 1 < characters.count, characters[index + 1] == " " {
                    result.append((start, current.trimmingSpaces()))
                    current = ""
                }
                index += 1
            }
            if !current.trimmingSpaces().isEmpty { result.append((start, current.trimmingSpaces())) }
            characters.removeAll()
            paragraph = []
        }
        for (number, rawLine) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if let open = fence {
                if line.hasPrefix(open) { fence = nil }
                continue
            }
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                flush()
                fence = String(line.prefix(3))
                continue
            }
            if line.isEmpty { flush(); continue }
            if paragraph.isEmpty { start = number + 1 }
            paragraph.append(line)
        }
        flush()
        return result
    }

    /// The sentence with every `{{reference}}` replaced by its text in `data`.
    static func fill(_ sentence: String, with data: DataSet) -> String {
        sentence.replacingReferences { reference in (try? data.text(for: reference, at: SourceLocation(file: "")))?.text ?? "(no figure `\(reference)`)" }
    }

    /// The report. Every text that comes from the site's files or the command line is escaped
    /// (`SafeText`): a title or a note in the data cannot add links, HTML or headings to the
    /// comment a workflow posts, nor hide part of it.
    static func markdown(_ result: Result, baseName: String) -> String {
        let changes = result.changes
        let text = SafeText.markdown, code = SafeText.markdownCode
        func withPeriod(_ figure: Figure) -> String { text(figure.text + (figure.period.map { " (\($0.label))" } ?? "")) }
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        func place(_ file: String, _ line: Int?) -> String { code(file + (line.map { ":\($0)" } ?? "")) }
        var report = reportHeading + "\n\n"
        let figureCount = changes.changed.count + changes.added.count + changes.removed.count
        report += "Compared with \(code(baseName)): **\(plural(figureCount, "figure")) changed**, \(plural(result.sentences.count, "sentence")) read differently, "
            + (result.claimsToReview.isEmpty ? "" : "**\(plural(result.claimsToReview.count, "hand-typed claim")) to review**, ")
            + "\(plural(result.pagesAdded.count, "page")) added, \(plural(result.pagesRemoved.count, "page")) removed.\n\n"
        if !changes.changed.isEmpty {
            report += "### Figures whose value changed\n\n| Figure | Before | After | Change |\n|---|---|---|---|\n"
            for change in changes.changed {
                var movement = change.movement ?? ""
                if let trend = change.trend, trend.latest.period == change.after.period { movement += (movement.isEmpty ? "" : "; ") + trend.outcomeWords }
                report += "| \(code(change.id)) \(text(change.title)) | \(withPeriod(change.before)) | \(withPeriod(change.after)) | \(text(movement)) |\n"
            }
            report += "\n"
        }
        if !changes.added.isEmpty || !changes.removed.isEmpty {
            report += "### Figures added or removed\n\n"
            for figure in changes.added { report += "- added: \(code(figure.id)) \(text(figure.title)): \(withPeriod(figure))\n" }
            for figure in changes.removed { report += "- removed: \(code(figure.id)) \(text(figure.title)): was \(withPeriod(figure))\n" }
            report += "\n"
        }
        if !changes.flips.isEmpty {
            report += "### Comparisons that changed\n\n"
            for flip in changes.flips { report += "- \(code(flip.figureID)): was **\(text(flip.before))**, now **\(text(flip.after))**\n" }
            report += "\n"
        }
        if !result.sentences.isEmpty {
            report += "### Sentences whose wording changed\n\n"
            for sentence in result.sentences {
                report += "\(place(sentence.page, sentence.line))\n\n> before: \(text(sentence.before))\n>\n> after: \(text(sentence.after))\n\n"
            }
        }
        if !result.claimsToReview.isEmpty {
            report += "### Hand-typed claims to review\n\n"
            report += "Words typed by hand about the numbers, which this change makes doubtful. Read each again; "
                + "better, write it with a computed form (`safersite figures` lists them) so it follows the data.\n\n"
            for claim in result.claimsToReview {
                report += "- \(place(claim.location.file, claim.location.line)) “\(text(claim.words))”: \(text(claim.reason))\n  > \(text(claim.sentence))\n"
            }
            report += "\n"
        }
        if !changes.newIndicators.isEmpty || !changes.retiredIndicators.isEmpty {
            report += "### Indicators\n\n"
            for indicator in changes.newIndicators { report += "- new: \(code(indicator.id)) \(text(indicator.title))\n" }
            for indicator in changes.retiredIndicators { report += "- no longer in the data: \(code(indicator.id)) \(text(indicator.title))\n" }
            report += "\n"
        }
        if !result.editionsAdded.isEmpty || !result.editionsRemoved.isEmpty {
            report += "### Editions\n\n"
            for label in result.editionsAdded { report += "- new edition: \(code(label)); the one before it moves to `editions/` with its original numbers\n" }
            for label in result.editionsRemoved { report += "- edition removed: \(code(label)); its pages are no longer published\n" }
            report += "\n"
        }
        if !result.pagesAdded.isEmpty || !result.pagesRemoved.isEmpty || !result.pagesEdited.isEmpty {
            report += "### Pages\n\n"
            for page in result.pagesAdded { report += "- added: \(code(page))\n" }
            for page in result.pagesRemoved { report += "- removed: \(code(page))\n" }
            for page in result.pagesEdited { report += "- text edited: \(code(page))\n" }
            report += "\n"
        }
        if figureCount == 0 && result.pagesAdded.isEmpty && result.pagesRemoved.isEmpty && result.pagesEdited.isEmpty
            && result.editionsAdded.isEmpty && result.editionsRemoved.isEmpty {
            report += "Nothing a reader sees has changed.\n"
        }
        return report
    }

    // MARK: A git ref as the base

    /// Copies the site folder as it is at `ref` into a new temporary folder, with `git archive`
    /// (which only reads the repository). Returns the site folder inside it and the folder to remove.
    public static func checkout(ref: String, site: URL) throws(DiagnosticList) -> (site: URL, temporary: URL) {
        func git(_ arguments: [String], in folder: URL) throws(DiagnosticList) -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", folder.path] + arguments
            let output = Pipe(), errors = Pipe()
            process.standardOutput = output
            process.standardError = errors
            do { try process.run() } catch {
                throw DiagnosticList([.error(at: SourceLocation(file: "."), "git could not be run: \(FileProblem(error).what)", hint: "install git, or give --base a folder")])
            }
            let data = output.fileHandleForReading.readDataToEndOfFile()
            let problem = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                var message = String(decoding: problem, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                // `rev-parse --verify --quiet` says nothing when the ref does not exist.
                if message.isEmpty { message = arguments.contains("--verify") ? "there is no branch, tag or commit `\(ref)` here" : "git gave no reason (exit status \(process.terminationStatus))" }
                throw DiagnosticList([.error(at: SourceLocation(file: "."), "`git \(arguments.joined(separator: " "))` failed: \(message)",
                                             hint: "--base takes a folder or a git ref (a branch, tag or commit) of the repository the site is in")])
            }
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let prefix = try git(["rev-parse", "--show-prefix"], in: site)
        let top = URL(fileURLWithPath: try git(["rev-parse", "--show-toplevel"], in: site))
        _ = try git(["rev-parse", "--verify", "--quiet", ref + "^{commit}"], in: site)
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("safersite-diff-\(UUID().uuidString)")
        do { try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true) } catch {
            let problem = FileProblem(error)
            throw DiagnosticList([.error(at: SourceLocation(file: "."), "could not make a temporary folder: \(problem.what)", hint: problem.hint)])
        }
        let archive = temporary.appendingPathComponent("base.tar")
        do throws(DiagnosticList) {
            _ = try git(["archive", "--format=tar", "-o", archive.path, ref] + (prefix.isEmpty ? [] : ["--", prefix]), in: top)
            let tar = Process()
            tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            tar.arguments = ["tar", "-xf", archive.path, "-C", temporary.path]
            do { try tar.run() } catch {
                throw DiagnosticList([.error(at: SourceLocation(file: "."), "tar could not be run: \(FileProblem(error).what)", hint: "install tar, or give --base a folder")])
            }
            tar.waitUntilExit()
            guard tar.terminationStatus == 0 else { throw DiagnosticList([.error(at: SourceLocation(file: "."), "the base could not be unpacked")]) }
            try? FileManager.default.removeItem(at: archive)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        return (prefix.isEmpty ? temporary : temporary.appendingPathComponent(prefix), temporary)
    }
}
