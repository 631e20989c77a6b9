import SaferCore

/// What `DataSet.parse` works out before the figures: the data's rows, checked and in order, with
/// the texts they were read from.
///
/// Kept by the memo of `serve` and `build --watch`, so that the commonest edit of a data file (a
/// value typed over in a spreadsheet) patches the rows it changed instead of reading, checking and
/// sorting every row again: on a large site that was most of a rebuild after a data edit.
struct ParsedRows: Sendable {
    static let memoKind = "data rows"

    /// The data's texts other than the observation files (and the site's areas): a patch applies
    /// only while they are the same.
    var inputs = ""
    var areas: AreaSet
    var indicators: [Indicator]
    var indicatorsByID: [String: Indicator]
    /// Sorted by indicator, area and period, as `DataSet.observations`.
    var observations: [Observation]
    var index: ObservationIndex
    var definitions: [FigureDefinition]
    /// Problems found before the figures (warnings, and the errors that do not stop the reading).
    var diagnostics: [Diagnostic]
    /// Each observation file's text, by path.
    var texts: [String: String]
    /// `DataSet`'s look-up of `observations`, worked out once.
    let ranges: [String: [String: Range<Int>]]
    /// Where the row on each line of each file is in `observations`.
    private let positions: [String: [Int: Int]]

    init(areas: AreaSet, indicators: [Indicator], indicatorsByID: [String: Indicator], observations: [Observation], index: ObservationIndex,
         definitions: [FigureDefinition], diagnostics: [Diagnostic], texts: [String: String]) {
        self.areas = areas
        self.indicators = indicators
        self.indicatorsByID = indicatorsByID
        self.observations = observations
        self.index = index
        self.definitions = definitions
        self.diagnostics = diagnostics
        self.texts = texts
        self.ranges = DataSet.ranges(of: observations)
        var positions: [String: [Int: Int]] = [:]
        for (position, observation) in observations.enumerated() {
            guard let line = observation.location.line else { continue }
            positions[observation.location.file, default: [:]][line] = position
        }
        self.positions = positions
    }

    static func inputs(of files: DataFiles, areas: AreaSet, missingIndicatorsPath: String) -> String {
        ([String(describing: areas), missingIndicatorsPath] + files.observations.map(\.path)
            + [files.indicators, files.figures, files.areas].map { $0.map { $0.path + "\u{1}" + $0.text } ?? "-" })
            .joined(separator: "\u{0}")
    }

    /// These rows with the observation files' new texts, when every change is values typed over in
    /// rows: the same number of lines, and each changed line, before and after, a row without
    /// quotes that reads without a problem and keeps its indicator, area and period. Nil for any
    /// other change, which is then read in full (and reported as usual if it is wrong).
    func patched(with files: [TextFile]) -> ParsedRows? {
        guard Set(files.map(\.path)) == Set(texts.keys) else { return nil }
        var patched = self
        for file in files {
            guard let old = texts[file.path] else { return nil }
            if old == file.text { continue }
            // Lines are counted at LF, as the reader counts them, unless a lone CR ends one too.
            guard !Self.hasLoneCarriageReturn(old), !Self.hasLoneCarriageReturn(file.text) else { return nil }
            let oldLines = old.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            let newLines = file.text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            guard oldLines.count == newLines.count, let header = newLines.first else { return nil }
            for (number, (before, after)) in zip(oldLines, newLines).enumerated() where !before.elementsEqual(after) {
                let line = number + 1
                guard !before.contains(UInt8(ascii: "\"")), !after.contains(UInt8(ascii: "\"")),
                      let position = positions[file.path]?[line] else { return nil }
                var bag = DiagnosticBag()
                let row = TextFile(path: file.path, text: String(decoding: header, as: UTF8.self) + "\n" + String(decoding: after, as: UTF8.self))
                let read = ObservationFileReader.read(row, bag: &bag)
                guard bag.diagnostics.isEmpty, read.count == 1, var observation = read.first else { return nil }
                let previous = observations[position]
                guard observation.indicator == previous.indicator, observation.area == previous.area,
                      observation.period?.label == previous.period?.label else { return nil }
                observation.location = previous.location
                patched.observations[position] = observation
                patched.index.replace(observation)
            }
            patched.texts[file.path] = file.text
        }
        return patched
    }

    private static func hasLoneCarriageReturn(_ text: String) -> Bool {
        var previousWasCR = false
        for byte in text.utf8 {
            if previousWasCR && byte != UInt8(ascii: "\n") { return true }
            previousWasCR = byte == UInt8(ascii: "\r")
        }
        return previousWasCR
    }
}
