import SaferContent
import SaferCore
import SaferData
import SaferMarkdown
import Mustache

/// The figure engine as the pages see it: inline references, the figures page, and downloads.
public struct SiteFigures: Sendable {
    public var data: DataSet
    /// Where the page listing every figure is published (its anchors are `figure-ID`).
    public static let pagePath = "figures/"
    public static let downloadsFolder = "downloads/"

    public init(data: DataSet) {
        self.data = data
    }

    /// `{{id}}` or `{{id.form}}` → the figure's text, linked to how it is worked out.
    public func referenceHTML(_ reference: String, root: String, at location: SourceLocation) throws(Diagnostic) -> String {
        let text = try data.text(for: reference, at: location)
        if text.isReviewMark { return "" }
        let href = root + Self.pagePath + "#figure-" + text.figureID
        let link = "<a class=\"figure\" href=\"\(HTMLText.escape(href))\">\(HTMLText.escape(text.text))</a>"
        // The figure itself (not its period or title) says when it was last corrected.
        guard !reference.contains("."), let mark = data.figures.figure(text.figureID)?.correction else { return link }
        return link + " <a class=\"correction-note\" href=\"\(HTMLText.escape(root + Self.correctionsPath + "#" + mark.anchor))\">(corrected on \(HTMLText.escape(mark.dateText)))</a>"
    }

    /// The page that holds the corrections log: the generated "what has changed" page
    /// (`EditionBuild.changesPath`), where the notes beside corrected figures link to.
    public static let correctionsPath = "changes/"

    /// Every figure, for the `blocks/figures` template: what it says, how it is worked out, the
    /// inputs, period and source, and the result of checking the text's own number against the data.
    public var templateFigures: [[String: Any]] {
        data.figures.figures.map { figure in
            var item: [String: Any] = [
                "id": figure.id,
                "anchor": "figure-" + figure.id,
                "title": figure.title,
                "text": figure.text,
                "kind": figure.kind.rawValue,
                "source": figure.source,
                "definedAt": figure.definedAt.description,
            ]
            if let formula = figure.formula { item["formula"] = formula }
            if let period = figure.period { item["period"] = period.label }
            if let url = figure.sourceURL { item["sourceURL"] = url }
            if let area = figure.area { item["area"] = area.label }
            if !figure.notes.isEmpty { item["notes"] = figure.notes.joined(separator: " ") }
            if let check = figure.check {
                var values: [String: Any] = [
                    "status": check.status.rawValue, "summary": check.summary,
                    "holds": check.status == .holds, "mismatch": check.status == .mismatch,
                    "knownDifference": check.status == .knownDifference,
                    "stated": check.stated, "computed": check.computed,
                ]
                if let why = check.why { values["why"] = why }
                item["check"] = values
            }
            return item
        }
    }

    /// Every source the data use, for the `blocks/sources` template (`sources`): each with its
    /// `text`, `url` (false when not known), `count` and `countText` ("62 measures", in words a
    /// reader knows: pages never say "indicator"), and
    /// `indicators`, each with its `id`, `title` and `periods` ("2017/18, 2018/19", "period not stated").
    public var templateSources: [[String: Any]] {
        data.sources().map { use in
            [
                "text": use.source.text,
                "url": use.source.url ?? false,
                "count": use.indicators.count,
                "countText": "\(use.indicators.count) measure\(use.indicators.count == 1 ? "" : "s")",
                "indicators": use.indicators.map { entry -> [String: Any] in
                    ["id": entry.indicator.id, "title": entry.indicator.title, "periods": entry.periodsText]
                },
            ] as [String: Any]
        }
    }

    /// Each figure by id, for blocks such as key numbers: `{{figures_by_id.population.text}}`, or
    /// `{{{figures_by_id.population.link}}}` for the text linked to how it is worked out.
    /// Worked out only for the ids a template asks for: a block names a few of many figures.
    public func templateFiguresByID(root: String) -> FiguresByID {
        FiguresByID(book: data.figures, root: root)
    }

    public struct FiguresByID: MustacheParent, Sendable {
        let book: FigureBook
        let root: String

        public func child(named id: String) -> Any? {
            guard let figure = book.figure(id) else { return nil }
            let href = root + SiteFigures.pagePath + "#figure-" + figure.id
            var forms: [String: Any] = Dictionary(figure.forms.map { ($0.name, $0.text) }, uniquingKeysWith: { a, _ in a })
            forms["text"] = figure.text
            forms["title"] = figure.title
            forms["link"] = "<a class=\"figure\" href=\"\(HTMLText.escape(href))\">\(HTMLText.escape(figure.text))</a>"
            return forms
        }
    }

    /// The paths `downloads` writes, known before they are written (for link checks).
    public var downloadPaths: [String] {
        guard hasDownloads else { return [] }
        return [Downloads.observationsCSVName, Downloads.observationsJSONName, Downloads.figuresCSVName, Downloads.figuresJSONName,
                Downloads.dataPackageName, DataArchive.name].map { Self.downloadsFolder + $0 }
    }

    private var hasDownloads: Bool { !data.indicators.isEmpty || !data.figures.figures.isEmpty }

    /// The download files, each with its path below the output folder (those of `downloadPaths`).
    /// Given the downloads of the build before, writes again only the observation rows a patch of
    /// the data changed (`ObservationDownloads.patched`) and keeps the archive when no file changed.
    public func downloads(siteTitle: String, previous: DownloadFiles? = nil) -> DownloadFiles {
        guard hasDownloads else { return DownloadFiles(files: [], observations: nil) }
        let folder = Self.downloadsFolder
        let data = data
        // The observations (every row) on one side, the figures and the package on the other.
        let (observations, others) = ParallelMap.both({ previous?.observations?.patched(for: data) ?? ObservationDownloads(data) }, {
            [
                OutputFile(path: folder + Downloads.figuresCSVName, text: Downloads.figuresCSV(data.figures)),
                OutputFile(path: folder + Downloads.figuresJSONName, text: Downloads.figuresJSON(data.figures)),
                OutputFile(path: folder + Downloads.dataPackageName, text: Downloads.dataPackage(name: Slug.make(siteTitle), title: siteTitle, sources: data.sourcesInUse())),
            ]
        })
        var files = [
            OutputFile(path: folder + Downloads.observationsCSVName, contents: observations.csv, spilled: observations.csvSpill),
            OutputFile(path: folder + Downloads.observationsJSONName, contents: observations.json, spilled: observations.jsonSpill),
        ] + others
        var changed: Set<String> = []
        if observations.csvChanged { changed.insert(folder + Downloads.observationsCSVName) }
        if observations.jsonChanged { changed.insert(folder + Downloads.observationsJSONName) }
        if let archive = DataArchive.zip(files, folder: folder, changed: changed, previous: previous?.files) {
            files.append(OutputFile(path: folder + DataArchive.name, contents: archive))
        }
        return DownloadFiles(files: files, observations: observations, changedFromPrevious: changed)
    }
}

/// A build's download files, with the observation downloads kept for the next build to patch.
public struct DownloadFiles: Sendable {
    public var files: [OutputFile]
    public var observations: ObservationDownloads?
    /// Files known to differ from the `previous` downloads they were patched from.
    public var changedFromPrevious: Set<String>

    public init(files: [OutputFile], observations: ObservationDownloads?, changedFromPrevious: Set<String> = []) {
        self.files = files
        self.observations = observations
        self.changedFromPrevious = changedFromPrevious
    }
}

extension AreaSet {
    /// The site's areas as the figure engine names them.
    public init(_ config: SiteConfig) {
        self.init(
            local: Area(id: config.area.id, name: config.area.name, code: config.area.code),
            comparators: config.comparators.map { Area(id: $0.id, name: $0.name, code: $0.code) })
    }
}
