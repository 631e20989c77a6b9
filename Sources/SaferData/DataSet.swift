import Foundation
import SaferCore

/// The texts of a data folder, read but not yet understood: what `DataSet.parse` takes, so tests
/// and other tools can build a data set without files.
public struct DataFiles: Sendable {
    public var observations: [TextFile]
    public var indicators: TextFile?
    public var figures: TextFile?
    public var areas: TextFile?
    public var corrections: TextFile?
    public var glossary: TextFile?
    /// `boundaries.yaml`, and the GeoJSON and TopoJSON files it can name.
    public var boundaries: TextFile?
    public var shapes: [TextFile]

    public init(observations: [TextFile], indicators: TextFile?, figures: TextFile? = nil, areas: TextFile? = nil, corrections: TextFile? = nil, glossary: TextFile? = nil,
                boundaries: TextFile? = nil, shapes: [TextFile] = []) {
        self.glossary = glossary
        self.boundaries = boundaries
        self.shapes = shapes
        self.observations = observations
        self.indicators = indicators
        self.figures = figures
        self.areas = areas
        self.corrections = corrections
    }
}

/// The site's numbers: areas, indicators, observations, and every figure computed from them.
public struct DataSet: Sendable {
    public static let indicatorsFileName = "indicators.yaml"
    public static let figuresFileName = "figures.yaml"
    public static let areasFileName = "areas.yaml"

    /// The site's areas with the data-only ones from `areas.yaml` added as `others`.
    public var areas: AreaSet
    /// In the order `indicators.yaml` lists them.
    public var indicators: [Indicator] {
        get { indicatorList }
        set { indicatorList = newValue; indicatorPositions = Self.positions(newValue.map(\.id)) }
    }
    /// By indicator (in `indicators.yaml` order), then area (site order), then period.
    public var observations: ObservationRows {
        get { observationList }
        set { observationList = newValue; observationRanges = Self.ranges(of: newValue) }
    }
    public var figures: FigureBook
    /// Problems that do not stop a build: stated values that do not match, unknown keys.
    public var warnings: [Diagnostic]
    /// The warnings that say a stated value does not match the data (also in `warnings`).
    public var statedMismatches: [Diagnostic] = []
    /// The corrections log: every entry, and those of the edition being built (`applyCorrections`).
    public var allCorrections: [Correction] = []
    public var corrections: [Correction] = []
    /// The terms of `glossary.yaml`, in the file's order.
    public var glossary: [GlossaryTerm] = []
    /// The boundaries of `boundaries.yaml` that maps draw, in the file's order.
    public var boundaries: [Boundary] = []
    /// The values that have no number (a Fingertips value suppressed, a `[c]` in a data file), in
    /// the files' order: shown as such, never as zero or as another period's value.
    public var withheld: [WithheldValue] = []
    /// Works figures out again at one period, for charts whose parts must share one.
    public var evaluator: FigureEvaluator?

    public func boundary(_ id: String) -> Boundary? { boundaries.first { $0.id == id } }
    /// Which reading of the rows this is, when a memo keeps the rows (`serve`, `build --watch`):
    /// what the downloads need to write only the rows a patch changed.
    public internal(set) var rowsVersion: RowsVersion?

    // Look-ups by id, kept with the lists they index: charts, downloads and trends ask per row or
    // per figure, and a scan each time would grow with the square of the data.
    private var indicatorList: [Indicator]
    private var indicatorPositions: [String: Int]
    private var observationList: ObservationRows
    /// Where each indicator's rows for each area are in `observations` (sorted, so they are together).
    private var observationRanges: [String: [String: Range<Int>]]

    init(areas: AreaSet, indicators: [Indicator], observations: ObservationRows, ranges: [String: [String: Range<Int>]]? = nil, figures: FigureBook, warnings: [Diagnostic]) {
        self.areas = areas
        self.indicatorList = indicators
        self.indicatorPositions = Self.positions(indicators.map(\.id))
        self.observationList = observations
        self.observationRanges = ranges ?? Self.ranges(of: observations)
        self.figures = figures
        self.warnings = warnings
    }

    private static func positions(_ ids: [String]) -> [String: Int] {
        Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func ranges(of observations: ObservationRows) -> [String: [String: Range<Int>]] {
        var ranges: [String: [String: Range<Int>]] = [:]
        var start = 0
        for index in observations.indices where index == observations.count - 1
            || observations.indicator(at: index + 1) != observations.indicator(at: index) || observations.area(at: index + 1) != observations.area(at: index) {
            let indicator = observations.indicator(at: index), area = observations.area(at: index)
            // Rows given out of order (a data set built by hand) fall back to a scan.
            if ranges[indicator]?[area] != nil { return [:] }
            ranges[indicator, default: [:]][area] = start..<(index + 1)
            start = index + 1
        }
        return ranges
    }

    /// A site with no data folder: no indicators and no figures.
    public static func empty(areas: AreaSet) -> DataSet {
        DataSet(areas: areas, indicators: [], observations: ObservationRows(), figures: FigureBook(figures: []), warnings: [])
    }

    /// Reads the data folder at `folder` (shown in messages as `relativePath`, e.g. `content/data`):
    /// every `*.csv` file (in name order), `indicators.yaml`, `figures.yaml` and `areas.yaml`.
    /// A missing folder gives an empty data set. Every error found is thrown together; with
    /// `strict`, stated values that do not match the data are errors too (for `safersite check`).
    /// `memo`, when given, keeps each file's parsed rows between builds (and between the loads of one
    /// build's editions), so only files whose text changed are parsed again.
    public static func load(folder: URL, relativePath: String, areas: AreaSet, strict: Bool = false, keep: (@Sendable (Observation) -> Bool)? = nil, memo: TextMemo? = nil) throws(DiagnosticList) -> DataSet {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return .empty(areas: areas)
        }
        let names = ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        // The site folder is `folder` without `relativePath`: no data file may lead out of it.
        var siteFolder = folder
        for _ in relativePath.split(separator: "/") { siteFolder.deleteLastPathComponent() }
        let siteRoot = siteFolder.resolvingSymlinksInPath().standardizedFileURL.path
        var bag = DiagnosticBag()
        func read(_ name: String) -> TextFile? {
            let path = relativePath.isEmpty ? name : relativePath.hasSuffix("/") ? relativePath + name : relativePath + "/" + name
            return bag.collect { () throws(Diagnostic) in
                let url = folder.appendingPathComponent(name)
                let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
                guard resolved.hasPrefix(siteRoot.hasSuffix("/") ? siteRoot : siteRoot + "/") else {
                    throw Diagnostic.error(at: SourceLocation(file: path), "this is a link to a file outside the site folder",
                                           hint: "copy the file into the site folder instead of linking to it")
                }
                return try TextFile.read(url, as: path)
            }
        }
        let observationFiles = names.filter { $0.lowercased().hasSuffix(".csv") }.compactMap(read)
        let files = DataFiles(
            observations: observationFiles,
            indicators: names.contains(indicatorsFileName) ? read(indicatorsFileName) : nil,
            figures: names.contains(figuresFileName) ? read(figuresFileName) : nil,
            areas: names.contains(areasFileName) ? read(areasFileName) : nil,
            corrections: names.contains(Correction.fileName) ? read(Correction.fileName) : nil,
            glossary: names.contains(GlossaryTerm.fileName) ? read(GlossaryTerm.fileName) : nil,
            boundaries: names.contains(Boundary.fileName) ? read(Boundary.fileName) : nil,
            // Read only when boundaries.yaml can name them: a stray export costs nothing.
            shapes: names.contains(Boundary.fileName)
                ? names.filter { Boundary.fileExtensions.contains(($0 as NSString).pathExtension.lowercased()) }.compactMap(read) : [])
        if bag.hasErrors { throw DiagnosticList(DiagnosticBag.sorted(bag.errors)) }
        var dataSet = try parse(files, areas: areas, strict: strict, keep: keep, missingIndicatorsPath: (relativePath.isEmpty ? "" : relativePath + "/") + indicatorsFileName, memo: memo)
        dataSet.warnings = DiagnosticBag.sorted(bag.warnings + dataSet.warnings)
        return dataSet
    }

    /// Understands the texts of a data folder (see `load`).
    /// `keep`, when given, chooses the observations figures are computed from (an edition's periods).
    /// With a `memo`, an edit that only changes values in rows (the same lines, the same indicator,
    /// area and period on each) patches the rows the last parse read instead of reading every row
    /// again (`ParsedRows.patch`); anything else is read in full. The result is the same.
    public static func parse(_ files: DataFiles, areas siteAreas: AreaSet, strict: Bool = false, keep: (@Sendable (Observation) -> Bool)? = nil, missingIndicatorsPath: String = "indicators.yaml", memo: TextMemo? = nil) throws(DiagnosticList) -> DataSet {
        let inputs = keep == nil ? ParsedRows.inputs(of: files, areas: siteAreas, missingIndicatorsPath: missingIndicatorsPath) : nil
        // Taken from the memo, so that patching changes the rows in place; put back when patched.
        if let memo, let inputs, var rows: ParsedRows = memo.takeLatest(ParsedRows.memoKind), rows.inputs == inputs,
           rows.patch(with: files.observations) {
            memo.setLatest(ParsedRows.memoKind, rows)
            return try evaluate(rows, strict: strict)
        }
        var rows = try parseRows(files, areas: siteAreas, keep: keep, missingIndicatorsPath: missingIndicatorsPath, memo: memo)
        if let memo, let inputs {
            rows.inputs = inputs
            rows.notePositions()
            memo.setLatest(ParsedRows.memoKind, rows)
        }
        return try evaluate(rows, strict: strict)
    }

    /// Everything `parse` works out before the figures: the rows, checked and in order.
    private static func parseRows(_ files: DataFiles, areas siteAreas: AreaSet, keep: (@Sendable (Observation) -> Bool)?, missingIndicatorsPath: String, memo: TextMemo?) throws(DiagnosticList) -> ParsedRows {
        var bag = DiagnosticBag()
        /// A reader's result for one file, with the problems it found: from `memo` when the text is unchanged.
        func read<Value: Sendable>(_ kind: String, _ file: TextFile, _ reader: (inout DiagnosticBag) -> Value) -> Value {
            guard let memo else { return reader(&bag) }
            let (value, found) = memo.value(kind, path: file.path, text: file.text) { () -> (Value, [Diagnostic]) in
                var own = DiagnosticBag()
                return (reader(&own), own.diagnostics)
            }
            bag.add(contentsOf: found)
            return value
        }
        let listedAreas = files.areas.map { file in read("areas \(siteAreas)", file) { AreaFileReader.read(file, into: siteAreas, bag: &$0) } } ?? siteAreas
        // Keyed by every boundary file's text too: boundaries.yaml's meaning depends on them.
        let shapesKey = files.shapes.map { $0.path + "\u{1}" + $0.text }.joined(separator: "\u{0}")
        let boundaries = files.boundaries.map { file in read("boundaries \(shapesKey)", file) { BoundaryListReader.read(file, shapeFiles: files.shapes, bag: &$0) } } ?? []
        let areas = listedAreas.adding(boundaries)
        let indicators = files.indicators.map { file in read("indicators", file) { IndicatorFileReader.read(file, bag: &$0) } } ?? []
        if files.indicators == nil, !files.observations.isEmpty {
            bag.add(.error(at: SourceLocation(file: missingIndicatorsPath), "the data folder has observations but no indicators.yaml",
                           hint: "add indicators.yaml describing each indicator: its title, unit, polarity and source"))
        }
        var observations = ObservationRows()
        var withheld: [WithheldValue] = []
        // Fingertips rows depend on the indicators' and areas' codes as well as the file's text.
        let codes = String(describing: indicators.map { [$0.id, $0.fingertips.map { String(describing: $0) } ?? ""] }) + String(describing: areas.all.map(\.code))
        for file in files.observations {
            let rows: ObservationRows
            if FingertipsFileReader.recognises(file.text) {
                let read = read("fingertips \(codes)", file) { FingertipsFileReader.read(file, indicators: indicators, areas: areas, bag: &$0) }
                withheld += read.withheld
                rows = read.observations
            } else {
                let read = read("observations", file) { ObservationFileReader.read(file, bag: &$0) }
                withheld += read.withheld
                rows = read.observations
            }
            // One file's rows taken as they are: appending them would hold them twice.
            if observations.isEmpty { observations = rows } else { observations.append(contentsOf: rows) }
        }
        // Indicators that indicators.yaml names but could not read: their own errors say why.
        let named = Set(files.indicators.flatMap { file in
            read("indicator names", file) { _ in try? YAMLValue.parse(file.text, file: file.path).mapping().map(\.key) }
        } ?? [])
        validate(&observations, indicators: indicators, checkIndicators: files.indicators != nil, unreadable: named, areas: areas, bag: &bag)
        // Rows with no number name their indicator and area like any other.
        var missing = ObservationRows(withheld.map { $0.row() })
        validate(&missing, indicators: indicators, checkIndicators: files.indicators != nil, unreadable: named, areas: areas, bag: &bag)
        if let keep {
            observations.removeAll { !keep($0) }
            withheld.removeAll { missing in
                !keep(missing.row())
            }
        }
        let order = Dictionary(indicators.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let areaOrder = Dictionary(areas.all.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Each row's place worked out once, not at every comparison of the sort; the rows then
        // moved into that order a column at a time (never a second copy of every row).
        let places = observations.indices.map { UInt64(order[observations.indicator(at: $0)] ?? 0) << 32 | UInt64(areaOrder[observations.area(at: $0)] ?? 0) }
        let sortedPositions = observations.indices.sorted { a, b in
            if places[a] != places[b] { return places[a] < places[b] }
            return ObservationIndex.periodOrder(observations.period(at: a), observations.period(at: b))
        }
        observations.permute(to: sortedPositions)
        reportRepeatedRows(observations, bag: &bag)
        reportMixedPeriodKinds(observations, bag: &bag)
        let explicit = files.figures.map { file in read("figures", file) { FigureFileReader.read(file, bag: &$0) } } ?? []
        let corrections = files.corrections.map { file in read("corrections", file) { CorrectionFileReader.read(file, bag: &$0) } } ?? []
        let glossary = files.glossary.map { file in read("glossary", file) { GlossaryFileReader.read(file, bag: &$0) } } ?? []
        // Figures computed from broken data would only repeat its errors in other words: report
        // the data's own problems (and figures.yaml's) and stop here.
        if bag.hasErrors { throw DiagnosticList(DiagnosticBag.sorted(bag.errors)) }

        let indicatorsByID = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let index = ObservationIndex(sorted: observations)
        var definitions: [FigureDefinition] = []
        let explicitIDs = Set(explicit.map(\.id))
        for indicator in indicators where !explicitIDs.contains(indicator.id) {
            let areaID = indicator.areaID ?? areas.local.id
            guard !index.rows(indicator: indicator.id, area: areaID).isEmpty else { continue }
            definitions.append(FigureDefinition(
                id: indicator.id, kind: .value, spec: .value(indicator: indicator.id, area: areaID, period: nil),
                title: nil, decimals: nil, stated: nil, statedLocation: nil, approximate: nil, notes: nil,
                location: indicator.location, isAutomatic: true))
        }
        definitions += explicit
        if let area = indicators.first(where: { $0.areaID.map { areas.area(id: $0) == nil } ?? false }) {
            let suggestion = closestName(to: area.areaID!, in: areas.all.map(\.id)).map { "did you mean `\($0)`? " } ?? ""
            bag.add(.error(at: area.location, "the indicator `\(area.id)` names the area `\(area.areaID!)`, which is not defined",
                           hint: "\(suggestion)areas are the site's area and comparators in site.yaml, and the data's areas.yaml"))
        }
        return ParsedRows(
            areas: areas, indicators: indicators, indicatorsByID: indicatorsByID, observations: observations, index: index,
            definitions: definitions, withheld: withheld, corrections: corrections, glossary: glossary, boundaries: boundaries, diagnostics: bag.diagnostics, texts: Dictionary(files.observations.map { ($0.path, $0.text) }, uniquingKeysWith: { first, _ in first }))
    }

    /// The figures worked out from `rows`, and the data set they make.
    private static func evaluate(_ rows: ParsedRows, strict: Bool) throws(DiagnosticList) -> DataSet {
        var bag = DiagnosticBag()
        bag.add(contentsOf: rows.diagnostics)
        var engine = FigureEngine(
            areas: rows.areas, indicators: rows.indicatorsByID, observations: rows.index,
            definitions: Dictionary(rows.definitions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }), withheld: rows.withheld, strict: strict)
        var figures: [Figure] = []
        for definition in rows.definitions {
            if let figure = engine.evaluate(definition.id) { figures.append(figure) }
        }
        bag.add(contentsOf: engine.diagnostics.diagnostics)
        bag.add(contentsOf: PeriodLag.warnings(engine.lags, areaName: { rows.areas.area(id: $0)?.name ?? $0 },
                                               row: { series, period in rows.index.rows(indicator: series.indicator, area: series.area).last { $0.period == period }?.location },
                                               withheld: { series, period in engine.withheld(series: series, in: period) != nil }))
        if bag.hasErrors { throw DiagnosticList(DiagnosticBag.sorted(bag.errors)) }
        var dataSet = DataSet(
            areas: rows.areas, indicators: rows.indicators, observations: rows.observations, ranges: rows.ranges,
            figures: FigureBook(figures: figures), warnings: DiagnosticBag.sorted(bag.warnings))
        dataSet.statedMismatches = engine.statedMismatches
        dataSet.evaluator = FigureEvaluator(engine: engine)
        dataSet.withheld = rows.withheld
        dataSet.allCorrections = rows.corrections
        dataSet.glossary = rows.glossary
        dataSet.boundaries = rows.boundaries
        try dataSet.applyCorrections { $0.edition == nil }
        if !rows.inputs.isEmpty { dataSet.rowsVersion = RowsVersion(generation: rows.generation, patch: rows.lastPatch) }
        return dataSet
    }

    /// Drops rows with an unknown indicator or area, reporting each. In place: a data set can hold
    /// a million rows.
    private static func validate(_ observations: inout ObservationRows, indicators: [Indicator], checkIndicators: Bool, unreadable: Set<String> = [], areas: AreaSet, bag: inout DiagnosticBag) {
        let indicatorIDs = Set(indicators.map(\.id))
        let areaIDs = areas.all.map(\.id)
        let knownAreas = Set(areaIDs)
        observations.removeAll { observation in
            var good = true
            if checkIndicators, !indicatorIDs.contains(observation.indicator), unreadable.contains(observation.indicator) {
                good = false
            } else if checkIndicators, !indicatorIDs.contains(observation.indicator) {
                let suggestion = closestName(to: observation.indicator, in: indicatorIDs).map { "did you mean `\($0)`? " } ?? ""
                bag.add(.error(at: observation.location, "the indicator `\(observation.indicator)` is not in indicators.yaml",
                               hint: "\(suggestion)add it to indicators.yaml, or correct the id"))
                good = false
            }
            if !knownAreas.contains(observation.area) {
                let suggestion = closestName(to: observation.area, in: areaIDs).map { "did you mean `\($0)`? " } ?? ""
                bag.add(.error(at: observation.location, "the area `\(observation.area)` is not one of the site's areas",
                               hint: "\(suggestion)the areas are: \(areaIDs.joined(separator: ", ")); add data-only areas to areas.yaml"))
                good = false
            }
            return !good
        }
    }

    /// Reports the second of two rows for the same indicator, area and period. `sorted` is in
    /// `DataSet` order, so such rows are in the same run of rows whose periods cover the same
    /// months (two labels can cover the same months: `2018` and `Jan 2018 - Dec 2018`), and only
    /// such a run is looked through, in file order.
    /// Warns once for each indicator and area whose rows mix kinds of period (calendar and
    /// financial years, quarters, months, pooled ranges, no stated period), naming the rows not
    /// of the kind of the latest one: a trend chart draws only that kind and says which it left
    /// out, and a figure reads the latest row, so the editor should know the series is not one.
    /// One pass over the sorted rows.
    private static func reportMixedPeriodKinds(_ sorted: ObservationRows, bag: inout DiagnosticBag) {
        var start = 0
        while start < sorted.count {
            var end = start + 1
            var mixed = false
            let firstKind = sorted.period(at: start).kind
            while end < sorted.count, sorted.indicator(at: end) == sorted.indicator(at: start), sorted.area(at: end) == sorted.area(at: start) {
                if sorted.period(at: end).kind != firstKind { mixed = true }
                end += 1
            }
            if mixed {
                let rows = Array(sorted[start..<end])
                let kind = Optional<Period>.trendKind(of: rows.map(\.period))
                let others = rows.filter { $0.period.kind != kind }.sorted { $0.location < $1.location }
                let named = others.prefix(5).map { "\($0.period.labelOrNotStated) (\($0.location))" }
                let more = others.count > 5 ? " and \(others.count - 5) more" : ""
                let otherKinds = others.map(\.period.kind).reduce(into: [PeriodKind]()) { if !$0.contains($1) { $0.append($1) } }
                let first = others[0]
                bag.add(.warning(at: first.location,
                                 "the rows of `\(first.indicator)` for `\(first.area)` mix kinds of period: its latest values are \(kind), but \(named.joined(separator: ", "))\(more) \(others.count == 1 ? "is" : "are") \(otherKinds.map(\.description).joined(separator: " and "))",
                                 hint: "a trend chart draws only \(kind) and names the rows it leaves out; give the other rows an indicator of their own, or state their period as \(kind)"))
            }
            start = end
        }
    }

    private static func reportRepeatedRows(_ sorted: ObservationRows, bag: inout DiagnosticBag) {
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count, sorted.indicator(at: end) == sorted.indicator(at: start), sorted.area(at: end) == sorted.area(at: start),
                  !ObservationIndex.periodOrder(sorted.period(at: start), sorted.period(at: end))
                  && !ObservationIndex.periodOrder(sorted.period(at: end), sorted.period(at: start)) { end += 1 }
            if end - start > 1 {
                var first: [String: SourceLocation] = [:]
                // The run in file order, so that the later row is the one reported.
                for observation in sorted[start..<end].sorted(by: { $0.location < $1.location }) {
                    let label = observation.period?.label ?? ""
                    if let earlier = first[label] {
                        bag.add(.error(at: observation.location,
                                       "this row repeats `\(observation.indicator)` for `\(observation.area)` in \(observation.period.labelOrNotStated), already given at \(earlier)",
                                       hint: "keep one of the two rows"))
                    } else {
                        first[label] = observation.location
                    }
                }
            }
            start = end
        }
    }

    // MARK: Queries (for charts and pages)

    public func indicator(_ id: String) -> Indicator? {
        indicatorPositions[id].map { indicatorList[$0] }
    }

    /// The observations of one indicator for one area, oldest period first.
    public func observations(indicator: String, area: String) -> [Observation] {
        if observationRanges.isEmpty && !observationList.isEmpty {
            return observationList.filter { $0.indicator == indicator && $0.area == area }
        }
        return observationRanges[indicator]?[area].map { Array(observationList[$0]) } ?? []
    }

    /// The value of an indicator for an area in a period (`nil` period: the row with no stated period).
    public func observation(indicator: String, area: String, period: Period?) -> Observation? {
        observations(indicator: indicator, area: area).first { $0.period?.label == period?.label }
    }

    /// Every period an indicator has a value for, in order, each once.
    public func periods(indicator: String) -> [Period] {
        // A set, not a search of the list for each row: a long series has thousands of periods.
        var periods: Set<Period> = []
        if let ranges = observationRanges[indicator] {
            for range in ranges.values { for observation in observationList[range] { if let period = observation.period { periods.insert(period) } } }
        } else {
            for observation in observations where observation.indicator == indicator { if let period = observation.period { periods.insert(period) } }
        }
        // Two labels for the same months (`2018`, `Jan 2018 - Dec 2018`) in label order: a set has no order of its own.
        return periods.sorted { $0 < $1 || (!($1 < $0) && $0.label < $1.label) }
    }

    /// The areas an indicator has values for, in site order (local, comparators, others).
    public func areas(indicator: String) -> [Area] {
        if let ranges = observationRanges[indicator] { return areas.all.filter { ranges[$0.id] != nil } }
        let ids = Set(observations.filter { $0.indicator == indicator }.map(\.area))
        return areas.all.filter { ids.contains($0.id) }
    }

    /// The comparison results of a comparison figure (empty for other kinds).
    public func comparisons(figure id: String) -> [AreaComparison] {
        figures.figure(id)?.comparisons ?? []
    }

    /// The text for an inline `{{...}}` reference; see `FigureBook.text(for:at:)`.
    public func text(for reference: String, at location: SourceLocation) throws(Diagnostic) -> FigureText {
        try figures.text(for: reference, at: location)
    }
}
