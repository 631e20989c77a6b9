import Foundation
import SaferContent
import SaferCore
import SaferData

/// `safersite new-edition`: records the next edition in editions.yaml and says which indicators
/// still lack a value for it. It writes nothing else.
public enum NewEdition {
    public struct Result: Sendable {
        public var edition: Edition
        /// The file written: "content/data/editions.yaml".
        public var path: String
        /// Whether editions.yaml was made (it did not exist).
        public var created: Bool
        /// Indicators with dated values but none for the new edition's periods, with the areas that
        /// lack one (comparators and other parts too) and their latest period.
        public var lacking: [DataSet.LackingValues]
        /// The previous latest edition, if any.
        public var previous: Edition?
        /// On a site that had no editions: the edition made of what it published until now, kept
        /// under `editions/LABEL/` (also `previous`).
        public var keptAsPublished: Edition?
        /// A site that had no editions and already has rows for the new period: the new edition is
        /// taken to be what it publishes now, and nothing earlier is kept.
        public var firstEditionIsCurrent: Bool { created && keptAsPublished == nil }
    }

    /// Records `label` (for the data up to `period`, or the period the label names: `2024-25` →
    /// `2024/25`) as the new latest edition of the site at `site`.
    ///
    /// On a site with no editions yet, what it publishes now is kept as an earlier edition first,
    /// so the update does not replace last year's numbers: labelled `previous` (its period from
    /// `previousPeriod`, the label, or the latest period in the data before the new edition's),
    /// or, without it, from that latest period (`2018/19` → `2018-19`). When the data already has
    /// rows for the new period and `previous` is not given, the new edition is taken to be what
    /// the site publishes now, and nothing earlier is kept.
    public static func record(site: URL, label: String, period periodText: String?,
                              previous previousLabel: String? = nil, previousPeriod previousPeriodText: String? = nil) throws(DiagnosticList) -> Result {
        let relative = SiteContent.dataFolder + "/" + EditionList.fileName
        let here = SourceLocation(file: relative)
        if let problem = EditionList.labelProblem(label) { throw DiagnosticList([.error(at: here, problem, hint: "for example `2024-25`")]) }
        let period: Period
        if let periodText {
            guard let parsed = Period.parse(periodText) else {
                throw DiagnosticList([.error(at: here, "`\(periodText)` is not a period SaferSite can put in order", hint: Period.hint(for: periodText))])
            }
            period = parsed
        } else {
            guard let guessed = EditionList.period(forLabel: label) else {
                throw DiagnosticList([.error(at: here, "the label `\(label)` does not say which period the edition runs to",
                                             hint: "give it with --period, for example `--period 2024/25`")])
            }
            period = guessed
        }
        let options = BuildOptions(siteFolder: site)
        let existing = try EditionBuild.editions(options)?.list
        if let same = existing?.edition(label) {
            throw DiagnosticList([.error(at: same.location, "the edition `\(label)` is already recorded", hint: "choose a new label, or edit editions.yaml")])
        }
        if let latest = existing?.latest, period.lastMonth <= latest.period.lastMonth {
            throw DiagnosticList([.error(at: latest.location, "the new edition's period, \(period.label), does not end after the latest edition's, \(latest.period.label) (`\(latest.label)`)",
                                         hint: "give a later period with --period")])
        }
        // Every observation, whatever edition it is in: the rows already added for the new period count.
        let configFile: TextFile
        do { configFile = try TextFile.read(site.appendingPathComponent(SiteConfig.fileName), as: SiteConfig.fileName) } catch { throw DiagnosticList([error]) }
        let config = try SiteConfig.parse(configFile).config
        let data = try observationsOnly(EditionBuild.dataFolder(options), areas: AreaSet(config))
        let edition = Edition(label: label, period: period, location: here)
        var kept: Edition?
        // Rows for the new period already in the data: the site may be naming the edition it
        // publishes now, so it is kept as an earlier one only when asked (--previous).
        let hasNewRows = data.observations.contains { row in row.period.map { $0.lastMonth >= period.firstMonth && $0.lastMonth <= period.lastMonth } ?? false }
        if existing == nil, !hasNewRows || previousLabel != nil || previousPeriodText != nil {
            kept = try publishedEdition(data, before: period, label: previousLabel, period: previousPeriodText, at: here)
            if kept?.label == label {
                throw DiagnosticList([.error(at: here, "the new edition and the one kept from what is published now would both be `\(label)`",
                                             hint: "name what is published now with --previous, for example `--previous \(kept!.period.label.replacingAll("/", with: "-"))`")])
            }
        } else if existing != nil, previousLabel != nil || previousPeriodText != nil {
            throw DiagnosticList([.error(at: existing!.latest!.location, "--previous is only for a site's first edition; this site already has editions (the latest is `\(existing!.latest!.label)`)",
                                         hint: "leave out --previous: the latest edition stays published under editions/\(existing!.latest!.label)/")])
        }
        let lacking = data.valuesLacking(edition, after: existing?.latest ?? kept)

        let url = EditionBuild.dataFolder(options).appendingPathComponent(EditionList.fileName)
        let created = !FileManager.default.fileExists(atPath: url.path)
        var text: String
        if let kept {
            text = EditionList.newFileText(label: kept.label, period: kept.period) + EditionList.entryText(label: label, period: period)
        } else if created {
            text = EditionList.newFileText(label: label, period: period)
        } else {
            let file: TextFile
            do { file = try TextFile.read(url, as: relative) } catch { throw DiagnosticList([error]) }
            text = file.text
            if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
            if existing == nil, !text.contains("editions:") { text += "editions:\n" }
            text += EditionList.entryText(label: label, period: period)
        }
        // Appending works when the list is the file's last entry, in block style: check before writing.
        let written = try? EditionList.read(TextFile(path: relative, text: text)).list
        guard let written, written.latest?.label == label, written.editions.count == (existing?.editions.count ?? (kept == nil ? 0 : 1)) + 1 else {
            throw DiagnosticList([.error(at: here, "could not add the edition to editions.yaml safely",
                                         hint: "add these lines to the end of its `editions:` list yourself:\n" + EditionList.entryText(label: label, period: period))])
        }
        do throws(Diagnostic) { try InsideSite.check(url, site: site) } catch { throw DiagnosticList([error]) }
        do { try Data(text.utf8).write(to: url, options: .atomic) } catch {
            let problem = FileProblem(error)
            throw DiagnosticList([.error(at: here, "editions.yaml could not be written: \(problem.what)", hint: problem.hint)])
        }
        return Result(edition: edition, path: relative, created: created, lacking: lacking, previous: existing?.latest ?? kept, keptAsPublished: kept)
    }

    /// The edition that holds what a site without editions publishes now: every observation whose
    /// period ends before the new edition's period starts.
    static func publishedEdition(_ data: DataSet, before period: Period, label: String?, period periodText: String?, at here: SourceLocation) throws(DiagnosticList) -> Edition {
        let hint = "name what the site publishes now with --previous LABEL (and --previous-period, e.g. `--previous 2018-19 --previous-period 2018/19`)"
        let earlier = data.observations.compactMap(\.period).filter { $0.lastMonth < period.firstMonth }
        var chosen: Period?
        if let periodText {
            guard let parsed = Period.parse(periodText) else {
                throw DiagnosticList([.error(at: here, "`\(periodText)` is not a period SaferSite can put in order", hint: Period.hint(for: periodText))])
            }
            chosen = parsed
        } else if let label, let fromLabel = EditionList.period(forLabel: label) {
            chosen = fromLabel
        } else if let last = earlier.map(\.lastMonth).max() {
            // The latest period in the data before the new edition; of those ending then, one a label can name.
            let ending = earlier.filter { $0.lastMonth == last }
            chosen = ending.first { EditionList.period(forLabel: $0.label.replacingAll("/", with: "-"))?.lastMonth == last } ?? ending.min()
        }
        guard let chosen else {
            throw DiagnosticList([.error(at: here, "this site has no editions yet, and no dated data before \(period.label) to say what it publishes now", hint: hint)])
        }
        guard chosen.lastMonth < period.lastMonth else {
            throw DiagnosticList([.error(at: here, "what the site publishes now (data up to \(chosen.label)) does not end before the new edition's period, \(period.label)",
                                         hint: "give the new edition a later period, or " + hint)])
        }
        let derived = label ?? chosen.label.replacingAll("/", with: "-")
        if let problem = EditionList.labelProblem(derived) {
            throw DiagnosticList([.error(at: here, "\(problem) (made from the data's latest period, \(chosen.label))", hint: hint)])
        }
        return Edition(label: derived, period: chosen, location: here)
    }

    /// The data folder's observations and indicators without figures.yaml: while the next year's
    /// rows are being added, a comparison may lack its comparator's row, and that must not stop
    /// the list of what is still missing.
    static func observationsOnly(_ folder: URL, areas: AreaSet) throws(DiagnosticList) -> DataSet {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        var bag = DiagnosticBag()
        func read(_ name: String) -> TextFile? {
            guard names.contains(name) else { return nil }
            return bag.collect { () throws(Diagnostic) in try TextFile.read(folder.appendingPathComponent(name), as: SiteContent.dataFolder + "/" + name) }
        }
        let files = DataFiles(observations: names.filter { $0.lowercased().hasSuffix(".csv") }.compactMap(read),
                              indicators: read(DataSet.indicatorsFileName), figures: nil, areas: read(DataSet.areasFileName))
        try bag.throwIfErrors()
        return try DataSet.parse(files, areas: areas, missingIndicatorsPath: SiteContent.dataFolder + "/" + DataSet.indicatorsFileName)
    }
}
