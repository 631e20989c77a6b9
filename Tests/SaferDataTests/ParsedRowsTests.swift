import Foundation
import Testing
@testable import SaferCore
@testable import SaferData
import SaferTestSupport

/// A data set parsed again with the memo of a running `serve` (which patches the rows after a
/// value edit) is the data set a fresh parse gives, whatever the edit.
@Suite struct ParsedRowsTests {
    static let figures = """
    poor_share:
      kind: share
      part: poor
      whole: residents
    crimes_per_resident:
      kind: ratio
      numerator: crimes
      denominator: residents
    """

    static func parse(_ observations: String, memo: TextMemo?) -> Result<DataSet, DiagnosticList> {
        Result { () throws(DiagnosticList) in
            try DataSet.parse(
                DataFiles(observations: [TextFile(path: "data/observations.csv", text: observations)],
                          indicators: TextFile(path: "data/indicators.yaml", text: Fixture.indicators),
                          figures: TextFile(path: "data/figures.yaml", text: figures)),
                areas: Fixture.areas, memo: memo)
        }
    }

    /// What a data set says, to compare two of them: every row, figure and message.
    static func summary(_ result: Result<DataSet, DiagnosticList>) -> String {
        switch result {
        case .success(let data):
            return (data.observations.map { "\($0)" } + data.figures.figures.map { "\($0)" }
                + data.warnings.map(DiagnosticPrinter.text)).joined(separator: "\n")
        case .failure(let error):
            return "failed: " + error.diagnostics.map(DiagnosticPrinter.text).joined(separator: "\n")
        }
    }

    /// Edits a person makes in a spreadsheet: most change a value, some change what a row is or
    /// how the file is written, which must be read in full.
    static func edit(_ text: String, _ random: inout SplitMix) -> String {
        var lines = text.components(separatedBy: "\n")
        let row = 1 + Int(random.next() % UInt64(lines.count - 1))
        var cells = lines[row].components(separatedBy: ",")
        switch random.next() % 10 {
        case 0: cells[0] = "smoking"                                   // another indicator
        case 1: lines.insert("activity,ashford,2020,61,,", at: row)    // a new row
        case 2: cells[3] = "n/a"                                       // not a number
        case 3: cells[3] = "\"1,000\""                                 // quoted
        case 4: cells[2] = "2022"                                      // another period
        default:
            // Residents stay more than the people in poverty: a share over 100% is an error.
            let base: UInt64 = cells[0] == "residents" ? 100_000 : 0
            cells[3] = String(base + random.next() % 200) + (random.next() % 2 == 0 ? ".5" : "")
        }
        if cells.count > 3 { lines[row] = cells.joined(separator: ",") }
        return lines.joined(separator: "\n")
    }

    @Test(arguments: [1, 2, 3] as [UInt64]) func aPatchedParseIsAFreshParse(seed: UInt64) {
        var random = SplitMix(seed: seed)
        let memo = TextMemo()
        var text = Fixture.observations
        _ = Self.parse(text, memo: memo)
        for step in 0..<40 {
            // Now and then back to a clean file, so that edits keep landing on good rows.
            text = step % 8 == 7 ? Fixture.observations : Self.edit(text, &random)
            let patched = Self.summary(Self.parse(text, memo: memo))
            let fresh = Self.summary(Self.parse(text, memo: nil))
            #expect(patched == fresh, "seed \(seed), step \(step):\n\(text)")
        }
    }

    /// The observation downloads of a patched parse, made by writing again only the rows the patch
    /// changed into the last downloads, are the bytes a fresh parse's downloads are: after any
    /// edit, and after value edits only, each of which must be patched.
    @Test(arguments: [(4, false), (5, false), (6, true), (7, true)] as [(UInt64, Bool)])
    func patchedDownloadsAreFreshDownloads(seed: UInt64, valuesOnly: Bool) throws {
        var random = SplitMix(seed: seed)
        let memo = TextMemo()
        var text = Fixture.observations
        var downloads = ObservationDownloads(try Self.parse(text, memo: memo).get())
        var patches = 0, parsed = 0
        for step in 0..<40 {
            if valuesOnly {
                var lines = text.components(separatedBy: "\n")
                // Not the first three rows: the share of residents two of them make must stay a
                // share, and the third's value must stay within its confidence limits.
                let row = 4 + Int(random.next() % UInt64(lines.count - 4))
                var cells = lines[row].components(separatedBy: ",")
                // Now and then the same value again, or the same number with a trailing zero.
                switch random.next() % 4 {
                case 0: break
                case 1: cells[3] = cells[3].contains(".") ? cells[3] + "0" : cells[3] + ".0"
                default: cells[3] = String(random.next() % 2000) + (random.next() % 2 == 0 ? ".25" : "")
                }
                lines[row] = cells.joined(separator: ",")
                text = lines.joined(separator: "\n")
            } else {
                text = step % 8 == 7 ? Fixture.observations : Self.edit(text, &random)
            }
            guard case .success(let data) = Self.parse(text, memo: memo), case .success(let freshData) = Self.parse(text, memo: nil) else { continue }
            parsed += 1
            if data.rowsVersion?.patch != nil { patches += 1 }
            let before = downloads
            downloads = downloads.patched(for: data)
            // A file said to have changed has; after a patch of the very last downloads (every
            // step of value-only edits) one said not to have is the same.
            #expect(!downloads.csvChanged || downloads.csv != before.csv)
            #expect(!downloads.jsonChanged || downloads.json != before.json)
            if valuesOnly {
                #expect(downloads.csvChanged == (downloads.csv != before.csv))
                #expect(downloads.jsonChanged == (downloads.json != before.json))
            }
            let fresh = ObservationDownloads(freshData)
            #expect(downloads.csv == fresh.csv, "seed \(seed), step \(step):\n\(text)")
            #expect(downloads.json == fresh.json, "seed \(seed), step \(step):\n\(text)")
        }
        #expect(valuesOnly ? patches == parsed && parsed == 40 : patches > 0, "\(patches) of \(parsed)")
    }

    @Test func aValueEditIsPatchedAndAnotherRowIsNot() throws {
        let memo = TextMemo()
        _ = Self.parse(Fixture.observations, memo: memo)
        func file(_ old: String, _ new: String) -> [TextFile] {
            [TextFile(path: "data/observations.csv", text: Fixture.observations.replacingOccurrences(of: old, with: new))]
        }
        var rows: ParsedRows = try #require(memo.latest(ParsedRows.memoKind))
        let patched = rows.patch(with: file("poor,ashford,2021,33000", "poor,ashford,2021,34000.50"))
        #expect(patched)
        #expect(rows.observations.contains { $0.indicator == "poor" && $0.valueText == "34000.50" && $0.location.line == 3 })
        var another: ParsedRows = try #require(memo.latest(ParsedRows.memoKind))
        let anotherPatched = another.patch(with: file("poor,ashford,2021,33000", "poor,ashford,2022,33000"))
        #expect(!anotherPatched, "another period is another row: read in full")
    }

    @Test func changedLinesAreFoundFromBothEnds() throws {
        let header = "indicator,area,period,value"
        let before = [header, "a,x,2020,1", "a,x,2021,2", "b,x,2020,3"].joined(separator: "\n")
        let changes = try #require(ParsedRows.changedLines(from: before, to: before.replacingOccurrences(of: "2021,2", with: "2021,25")))
        #expect(changes.map(\.line) == [3])
        #expect(changes.map(\.after) == ["a,x,2021,25"])
        #expect(changes.first?.header == header)
        // CRLF files count lines as LF files do; a lone CR, a new line or a quote is read in full.
        let crlf = before.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try #require(ParsedRows.changedLines(from: crlf, to: crlf.replacingOccurrences(of: "b,x,2020,3", with: "b,x,2020,4"))).map(\.line) == [4])
        #expect(ParsedRows.changedLines(from: before, to: before.replacingOccurrences(of: "\na,x,2021", with: "\ra,x,2021")) == nil)
        #expect(ParsedRows.changedLines(from: before, to: before + "\nc,x,2020,9") == nil)
        #expect(ParsedRows.changedLines(from: before, to: before.replacingOccurrences(of: "2021,2", with: "2021,\"2\"")) == nil)
    }
}
