import Foundation
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
    var observations: ObservationRows
    var index: ObservationIndex
    var definitions: [FigureDefinition]
    /// Values a Fingertips download marks as not given, for the messages of figures that need them.
    var withheld: [WithheldValue]
    /// The corrections log, as read.
    var corrections: [Correction]
    var glossary: [GlossaryTerm]
    var boundaries: [Boundary]
    /// Problems found before the figures (warnings, and the errors that do not stop the reading).
    var diagnostics: [Diagnostic]
    /// Each observation file's text, by path.
    var texts: [String: String]
    /// `DataSet`'s look-up of `observations`: the index's own.
    var ranges: [String: [String: Range<Int>]] { index.ranges }
    /// Where the row on each line of each file is in `observations`: noted (`notePositions`) only
    /// for rows the memo keeps, as only a patch asks.
    private var positions: [String: [Int: Int]] = [:]
    /// Names this reading of the rows; a patch gives them a new one.
    private(set) var generation = RowsVersion.nextGeneration()
    /// The patch that made these rows, if the last change was one.
    private(set) var lastPatch: RowsVersion.Patch?

    init(areas: AreaSet, indicators: [Indicator], indicatorsByID: [String: Indicator], observations: ObservationRows, index: ObservationIndex,
         definitions: [FigureDefinition], withheld: [WithheldValue], corrections: [Correction], glossary: [GlossaryTerm], boundaries: [Boundary], diagnostics: [Diagnostic], texts: [String: String]) {
        self.areas = areas
        self.indicators = indicators
        self.indicatorsByID = indicatorsByID
        self.observations = observations
        self.index = index
        self.definitions = definitions
        self.withheld = withheld
        self.corrections = corrections
        self.glossary = glossary
        self.boundaries = boundaries
        self.diagnostics = diagnostics
        self.texts = texts
    }

    mutating func notePositions() {
        positions = [:]
        for (position, observation) in observations.enumerated() {
            guard let line = observation.location.line else { continue }
            positions[observation.location.file, default: [:]][line] = position
        }
    }

    static func inputs(of files: DataFiles, areas: AreaSet, missingIndicatorsPath: String) -> String {
        ([String(describing: areas), missingIndicatorsPath] + files.observations.map(\.path)
            + ([files.indicators, files.figures, files.areas, files.corrections, files.glossary, files.boundaries] + files.shapes).map { $0.map { $0.path + "\u{1}" + $0.text } ?? "-" })
            .joined(separator: "\u{0}")
    }

    /// Brings these rows up to the observation files' new texts, when every change is values typed
    /// over in rows: the same number of lines, and each changed line, before and after, a row
    /// without quotes that reads without a problem and keeps its indicator, area and period.
    /// False for any other change, which is then read in full (and reported as usual if it is
    /// wrong); the rows are then half changed, and must be thrown away.
    mutating func patch(with files: [TextFile]) -> Bool {
        guard Set(files.map(\.path)) == Set(texts.keys) else { return false }
        var changed: [Int] = []
        for file in files {
            guard let old = texts[file.path] else { return false }
            if old == file.text { continue }
            // A Fingertips download is read whole: its rows depend on codes, not on lines.
            if FingertipsFileReader.recognises(file.text) { return false }
            guard let changes = Self.changedLines(from: old, to: file.text) else { return false }
            for change in changes {
                guard let position = positions[file.path]?[change.line] else { return false }
                var bag = DiagnosticBag()
                let row = ObservationFileReader.read(TextFile(path: file.path, text: change.header + "\n" + change.after), bag: &bag)
                guard bag.diagnostics.isEmpty, row.withheld.isEmpty, row.observations.count == 1, var observation = row.observations.first else { return false }
                let previous = observations[position]
                guard observation.indicator == previous.indicator, observation.area == previous.area,
                      observation.period?.label == previous.period?.label else { return false }
                observation.location = previous.location
                observations[position] = observation
                changed.append(position)
            }
            texts[file.path] = file.text
        }
        // The same rows in the same places: the index is made again over the patched ones.
        index = ObservationIndex(sorted: observations)
        lastPatch = RowsVersion.Patch(from: generation, positions: changed)
        generation = RowsVersion.nextGeneration()
        return true
    }

    /// The lines that differ between two texts with the same number of lines, each with its line
    /// number (from 1) and the new text's first line; nil when the line count changed, or a changed
    /// line has a quote in it, or a lone CR would make the reader count lines differently. Found
    /// from the common start and end of the bytes, so an edit in a large file costs little more
    /// than comparing it.
    static func changedLines(from old: String, to new: String) -> [(line: Int, after: String, header: String)]? {
        var old = old, new = new
        return old.withUTF8 { before in
            new.withUTF8 { after -> [(line: Int, after: String, header: String)]? in
                let newline = UInt8(ascii: "\n")
                guard !hasLoneCarriageReturn(before), !hasLoneCarriageReturn(after) else { return nil }
                var prefix = 0
                let shorter = min(before.count, after.count)
                while prefix < shorter && before[prefix] == after[prefix] { prefix += 1 }
                var suffix = 0
                while suffix < shorter - prefix && before[before.count - 1 - suffix] == after[after.count - 1 - suffix] { suffix += 1 }
                // Widened to whole lines: from the start of the line the first difference is on,
                // to the end of the line the last one is on.
                var start = prefix
                while start > 0 && before[start - 1] != newline { start -= 1 }
                func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int) -> Int {
                    var end = position
                    while end < bytes.count && bytes[end] != newline { end += 1 }
                    return end
                }
                let beforeLines = before[start..<lineEnd(before, from: before.count - suffix)].split(separator: newline, omittingEmptySubsequences: false)
                let afterLines = after[start..<lineEnd(after, from: after.count - suffix)].split(separator: newline, omittingEmptySubsequences: false)
                guard beforeLines.count == afterLines.count else { return nil }
                var firstLine = 1
                for byte in before[..<start] where byte == newline { firstLine += 1 }
                let header = String(decoding: after[..<lineEnd(after, from: 0)], as: UTF8.self)
                var changes: [(line: Int, after: String, header: String)] = []
                for (offset, (was, now)) in zip(beforeLines, afterLines).enumerated() where !was.elementsEqual(now) {
                    guard !was.contains(UInt8(ascii: "\"")), !now.contains(UInt8(ascii: "\"")) else { return nil }
                    changes.append((firstLine + offset, String(decoding: now, as: UTF8.self), header))
                }
                return changes
            }
        }
    }

    private static func hasLoneCarriageReturn(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var offset = 0
        while offset < bytes.count, let found = memchr(base + offset, Int32(UInt8(ascii: "\r")), bytes.count - offset) {
            let position = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
            if position + 1 >= bytes.count || bytes[position + 1] != UInt8(ascii: "\n") { return true }
            offset = position + 1
        }
        return false
    }
}

/// Which reading of a data folder's rows a data set was made from, and how it differs from the
/// reading before it when it was patched from it.
public struct RowsVersion: Sendable {
    public struct Patch: Sendable {
        /// The reading patched.
        public var from: UInt64
        /// Positions in `DataSet.observations` of the rows changed (same rows, same order).
        public var positions: [Int]
    }

    public var generation: UInt64
    public var patch: Patch?

    private static let counter = GenerationCounter()
    static func nextGeneration() -> UInt64 { counter.next() }

    private final class GenerationCounter: @unchecked Sendable {
        // @unchecked: `last` is only read or changed under `lock`.
        private let lock = NSLock()
        private var last: UInt64 = 0
        func next() -> UInt64 { lock.withLock { last += 1; return last } }
    }
}
