import Foundation
import SaferContent
import SaferCore
import SaferData
import SaferMarkdown
import SaferRender

/// Annual editions in the build: the latest at the site root, each earlier one under
/// `editions/LABEL/` built from the same data filtered to its periods, and a generated
/// "what has changed since the last edition" page at `changes/`.
public enum EditionBuild {
    /// The generated page's address, unless the site has its own page there.
    public static let changesPath = SiteFigures.correctionsPath
    /// `site.extra.edition`: the label of the edition being built, for templates and the claim check.
    public static let editionKey = "edition"
    static let changesSource = "content/changes.md"

    static func dataFolder(_ options: BuildOptions) -> URL {
        options.siteFolder.appendingPathComponent(SiteContent.dataFolder)
    }

    /// The site's editions (`content/data/editions.yaml`), `nil` when it declares none.
    public static func editions(_ options: BuildOptions) throws(DiagnosticList) -> (list: EditionList, warnings: [Diagnostic])? {
        guard let found = try EditionList.load(dataFolder: dataFolder(options), relativePath: SiteContent.dataFolder),
              !found.list.editions.isEmpty else { return nil }
        return found
    }

    /// The data of the edition the build is for (`options.edition`, or the latest), with trend
    /// forms on every figure that has an earlier value. Without editions: all the data, as it is.
    public static func loadData(_ options: BuildOptions, config: SiteConfig) throws(DiagnosticList) -> DataSet {
        let areas = AreaSet(config)
        guard let found = try editions(options), let latest = found.list.latest else {
            let data = try DataSet.load(folder: dataFolder(options), relativePath: SiteContent.dataFolder, areas: areas, strict: options.strict, memo: options.memo)
            if let stray = data.allCorrections.first(where: { $0.edition != nil }) {
                throw DiagnosticList([.error(at: stray.location, "this correction names the edition `\(stray.edition!)`, but the site has no editions",
                                             hint: "leave `edition` out: a site without editions.yaml has one edition")])
            }
            return data
        }
        let (list, warnings) = found
        var edition = latest
        if let label = options.edition {
            guard let chosen = list.edition(label) else {
                let suggestion = closestName(to: label, in: list.editions.map(\.label)).map { "did you mean `\($0)`? " } ?? ""
                throw DiagnosticList([.error(at: SourceLocation(file: list.path), "there is no edition `\(label)`",
                                             hint: "\(suggestion)the editions are: \(list.editions.map(\.label).joined(separator: ", "))")])
            }
            edition = chosen
        }
        let cut = edition
        var data = try DataSet.load(folder: dataFolder(options), relativePath: SiteContent.dataFolder, areas: areas, strict: options.strict,
                                    keep: { cut.includes($0) }, memo: options.memo)
        data.addTrendForms()
        if let stray = data.allCorrections.first(where: { $0.edition.map { list.edition($0) == nil } ?? false }) {
            throw DiagnosticList([.error(at: stray.location, "this correction names the edition `\(stray.edition!)`, which is not in editions.yaml",
                                         hint: "the editions are: \(list.editions.map(\.label).joined(separator: ", ")); leave `edition` out for the latest")])
        }
        let isLatest = edition == latest, label = edition.label
        try data.applyCorrections { $0.edition.map { $0 == label } ?? isLatest }
        if edition != latest {
            // Pages are the latest's: a figure that only later data gives reads, honestly, as not
            // published in this edition, rather than stopping the build.
            let text = "not published in the \(edition.label) edition"
            let have = Set(data.figures.figures.map(\.id))
            let newest = latest
            if let current = try? DataSet.load(folder: dataFolder(options), relativePath: SiteContent.dataFolder, areas: areas, keep: { newest.includes($0) }, memo: options.memo) {
                var added: [Figure] = []
                for figure in current.figures.figures where !have.contains(figure.id) {
                    var missing = figure
                    missing.text = text
                    missing.forms = figure.forms.map { form in
                        var form = form
                        form.text = form.name == "title" || form.name == "source" ? form.text : text
                        return form
                    }
                    missing.value = nil
                    missing.period = nil
                    missing.formula = nil
                    missing.inputs = []
                    missing.comparisons = []
                    missing.stated = nil
                    missing.check = nil
                    missing.lower = nil
                    missing.upper = nil
                    missing.correction = nil
                    missing.notes = [text]
                    added.append(missing)
                }
                data.figures.figures += added
            }
        }
        var extra = warnings
        if options.edition == nil, let all = try? DataSet.load(folder: dataFolder(options), relativePath: SiteContent.dataFolder, areas: areas, memo: options.memo) {
            var seen: Set<String> = []
            for row in all.observations where !latest.includes(row) && !seen.contains(row.indicator) {
                seen.insert(row.indicator)
                extra.append(.warning(
                    at: row.location,
                    "`\(row.indicator)` has a value for \(row.period.labelOrNotStated), after the latest edition `\(latest.label)` (data up to \(latest.period.label)), so it is not published yet",
                    hint: "run `safersite new-edition LABEL` to start the next edition, which will publish it"))
            }
        }
        data.warnings = DiagnosticBag.sorted(data.warnings + extra)
        return data
    }

    /// Before the pages render: an earlier edition's own base URL and `site.extra` values, the
    /// earlier editions themselves (built first, so that links to them resolve), and the
    /// "what has changed" page. Does nothing for a site without editions.
    static func prepare(_ content: inout SiteContent, files: inout [OutputFile], data: DataSet, options: BuildOptions,
                        bag: inout DiagnosticBag, tell: (BuildEvent) -> Void) {
        guard let list = (try? editions(options))?.list, let latest = list.latest else {
            addCorrectionsPage(&content, data: data)
            return
        }
        let edition = options.edition.flatMap(list.edition) ?? latest
        let rootURL = content.config.baseURL
        // Templates can show which edition a page belongs to, and link to the latest.
        content.config.extra[editionKey] = edition.label
        content.config.extra["edition_period"] = edition.period.label
        content.config.extra["latest_edition"] = latest.label
        content.config.extra["latest_edition_url"] = rootURL
        if options.edition != nil, edition != latest {
            content.config.baseURL = rootURL + edition.folder
            content.config.extra["edition_notice"] =
                "This is the \(edition.label) edition, with the data up to \(edition.period.label). The latest edition is \(latest.label)."
            // From this edition's root back to the site's, where the latest edition's pages are:
            // every page of an earlier edition is built from a page the latest has too.
            content.config.extra["latest_edition_root"] = String(repeating: "../", count: edition.folder.split(separator: "/").count)
        } else {
            content.config.extra["edition_current"] = "The \(edition.label) edition, with the data up to \(edition.period.label)."
            if list.previous(to: edition.label) != nil, !content.pages.contains(where: { $0.urlPath == changesPath }) {
                content.config.extra["all_editions"] = changesPath + "#every-edition"
            }
        }

        var built: Set<String> = []
        if options.edition == nil, !bag.hasErrors {
            for earlier in list.earlier {
                tell(.progress(.editions, "the \(earlier.label) edition into \(earlier.folder)"))
                var editionOptions = options
                editionOptions.edition = earlier.label
                // Stated values describe the latest text; an earlier edition's numbers may differ.
                editionOptions.strict = false
                do {
                    let site = try SiteBuilder.render(editionOptions)
                    let skipped: Set<String> = ["robots.txt", "sitemap.xml", "404.html"]
                    files += site.files.filter { !skipped.contains($0.path) }.map { $0.moved(to: earlier.folder + $0.path) }
                    if site.files.contains(where: { $0.path == "index.html" }) { built.insert(earlier.label) }
                } catch {
                    for problem in error.diagnostics where problem.isError {
                        bag.add(Diagnostic(.error, at: problem.location, "in the \(earlier.label) edition (\(earlier.folder)): \(problem.message)",
                                           hint: (problem.hint.map { $0 + "; " } ?? "") + "an earlier edition is built from the same pages with the data up to \(earlier.period.label)"))
                    }
                }
            }
        }

        guard let previous = list.previous(to: edition.label), !content.pages.contains(where: { $0.urlPath == changesPath }) else {
            addCorrectionsPage(&content, data: data)
            return
        }
        var previousOptions = options
        previousOptions.edition = previous.label
        previousOptions.strict = false
        guard let previousData = try? loadData(previousOptions, config: content.config) else { return }
        let changes = DataChanges.between(previousData, data)
        let links = content.hasFiguresBlock
        func editionLink(_ other: Edition) -> String {
            if other == latest { return rootURL }
            if options.edition == nil, built.contains(other.label) { return other.folder }
            return rootURL + other.folder
        }
        let body = changesPage(changes, edition: edition, previous: previous, list: list, data: data, figureLinks: links, link: editionLink)
        addGeneratedPage(&content, title: "What has changed since the \(previous.label) edition",
                         description: "The numbers that moved between the \(previous.label) and \(edition.label) editions, the comparisons that changed, and corrections.",
                         body: body, data: data)
    }

    /// The corrections log on a page of its own, for a site with corrections but no earlier edition.
    static func addCorrectionsPage(_ content: inout SiteContent, data: DataSet) {
        guard !data.corrections.isEmpty, !content.pages.contains(where: { $0.urlPath == changesPath }) else { return }
        addGeneratedPage(&content, title: "Corrections and updates", description: "Corrections to the figures on this site, newest first.",
                         body: correctionsSection(data, figureLinks: content.hasFiguresBlock), data: data)
    }

    /// The generated page at `changes/`, dated by its latest correction (which puts it in the feed).
    private static func addGeneratedPage(_ content: inout SiteContent, title: String, description: String, body: String, data: DataSet) {
        var frontMatter = FrontMatter(title: title, description: description)
        frontMatter.updated = data.corrections.map(\.date).max()
        content.addGeneratedPage(source: changesSource, path: changesPath, frontMatter, body: body)
    }

    /// The log, newest first: each entry's date as a heading readers can link to, what changed,
    /// why, and the figures it changed.
    static func correctionsSection(_ data: DataSet, figureLinks: Bool) -> String {
        guard !data.corrections.isEmpty else { return "" }
        var text = "## Corrections and updates {#corrections}\n\n"
        for correction in data.correctionsNewestFirst {
            text += "### \(correction.dateText) {#\(correction.anchor)}\n\n\(SafeText.markdown(correction.change))"
            if let why = correction.why { text += " \(SafeText.markdown(why))" }
            let names = correction.figures.compactMap { data.figures.figure($0) }.map { figure in
                figureLinks ? "[\(SafeText.markdown(figure.title))](figures.md#figure-\(figure.id))" : SafeText.markdown(figure.title)
            }
            text += "\n\nFigures corrected: \(names.joined(separator: "; ")).\n\n"
        }
        return text
    }

    /// The Markdown of the "what has changed" page.
    static func changesPage(_ changes: DataChanges, edition: Edition, previous: Edition, list: EditionList, data: DataSet,
                            figureLinks: Bool, link: (Edition) -> String) -> String {
        func name(_ figure: Figure) -> String {
            figureLinks ? "[\(SafeText.markdown(figure.title))](figures.md#figure-\(figure.id))" : SafeText.markdown(figure.title)
        }
        func when(_ period: Period?) -> String { period.map { " in \($0.label)" } ?? "" }
        var text = "This is the **\(SafeText.markdown(edition.label)) edition**, with the data up to \(SafeText.markdown(edition.period.label)). "
            + "This page lists what has changed since the [\(SafeText.markdown(previous.label)) edition](\(link(previous))), "
            + "which stays published with its original numbers. It is worked out from the data when the site is built.\n\n"

        text += "## Figures that moved {#figures-that-moved}\n\n"
        if changes.changed.isEmpty {
            text += "No figure has a different value from the \(SafeText.markdown(previous.label)) edition.\n\n"
        } else {
            // A comparison reads "lower than England in 2019/20", with the note once at the end.
            func phrase(_ figure: Figure) -> String {
                figure.kind == .comparison ? figure.form("words") ?? figure.text : figure.text
            }
            for change in changes.changed {
                var line = "- \(name(change.after)): \(SafeText.markdown(phrase(change.after)))\(when(change.after.period)), "
                line += "was \(SafeText.markdown(phrase(change.before)))\(when(change.before.period))"
                if change.after.kind == .comparison, change.after.text.contains(AreaComparison.notTestedNote) {
                    line += " (\(AreaComparison.notTestedNote))"
                }
                if let movement = change.movement, change.after.kind != .comparison { line += " (\(SafeText.markdown(movement)))" }
                if let trend = change.trend, trend.latest.period == change.after.period, trend.outcome != .notTested {
                    line += ": \(SafeText.markdown(trend.outcomeWords))"
                } else if let trend = change.trend, trend.outcome == .notTested {
                    line += "; \(SafeText.markdown(AreaComparison.notTestedNote))"
                }
                text += line + ".\n"
            }
            text += "\n"
        }

        text += "## Comparisons that changed {#comparisons-that-changed}\n\n"
        if changes.flips.isEmpty {
            text += "Every comparison with other areas says the same as in the \(SafeText.markdown(previous.label)) edition.\n\n"
        } else {
            for flip in changes.flips {
                text += "- \(SafeText.markdown(flip.title)): now \(SafeText.markdown(flip.after))\(when(flip.periodAfter)); was \(SafeText.markdown(flip.before))\(when(flip.periodBefore)).\n"
            }
            text += "\n"
        }

        if !changes.added.isEmpty || !changes.newIndicators.isEmpty {
            text += "## New in this edition {#new-in-this-edition}\n\n"
            for indicator in changes.newIndicators {
                let first = data.periods(indicator: indicator.id).first
                text += "- \(SafeText.markdown(indicator.title)) (a new indicator\(first.map { ", first published for \(SafeText.markdown($0.label))" } ?? "")).\n"
            }
            let newIndicatorIDs = Set(changes.newIndicators.map(\.id))
            for figure in changes.added where !newIndicatorIDs.contains(figure.id) {
                text += "- \(name(figure)): \(SafeText.markdown(figure.text))\(when(figure.period)).\n"
            }
            text += "\n"
        }
        if !changes.removed.isEmpty || !changes.retiredIndicators.isEmpty {
            text += "## No longer published {#no-longer-published}\n\n"
            for indicator in changes.retiredIndicators { text += "- \(SafeText.markdown(indicator.title)).\n" }
            let retiredIDs = Set(changes.retiredIndicators.map(\.id))
            for figure in changes.removed where !retiredIDs.contains(figure.id) { text += "- \(SafeText.markdown(figure.title)).\n" }
            text += "\n"
        }
        let notUpdated = changes.notUpdated.filter { indicator in data.periods(indicator: indicator.id).count > 0 }
        if !notUpdated.isEmpty {
            text += "## Not updated in this edition {#not-updated}\n\n"
            text += "These have no newer value than in the \(SafeText.markdown(previous.label)) edition; the site shows their latest value.\n\n"
            for indicator in notUpdated {
                text += "- \(SafeText.markdown(indicator.title))\(data.periods(indicator: indicator.id).last.map { " (latest: \(SafeText.markdown($0.label)))" } ?? "").\n"
            }
            text += "\n"
        }

        // A trend chart for every indicator whose value moved and that has two or more periods.
        var charted: [String] = []
        for change in changes.changed where change.after.kind == .value {
            guard let indicator = change.after.indicator, let area = change.after.area, !charted.contains(indicator + "@" + area.id),
                  data.observations(indicator: indicator, area: area.id).filter({ $0.period != nil }).count >= 2 else { continue }
            charted.append(indicator + "@" + area.id)
        }
        if !charted.isEmpty {
            text += "## Trends {#trends}\n\n"
            for key in charted {
                let parts = key.split(separator: "@", maxSplits: 1).map(String.init)
                text += "```chart\ntype: trend\nindicator: \(parts[0])\narea: \(parts[1])\n```\n\n"
            }
        }

        text += correctionsSection(data, figureLinks: figureLinks)
        text += "## Every edition {#every-edition}\n\n"
        for other in list.editions.reversed() {
            if other == edition {
                text += "- The \(SafeText.markdown(other.label)) edition (this one): data up to \(SafeText.markdown(other.period.label)).\n"
            } else {
                text += "- [The \(SafeText.markdown(other.label)) edition](\(link(other))): data up to \(SafeText.markdown(other.period.label)).\n"
            }
        }
        return text
    }
}
