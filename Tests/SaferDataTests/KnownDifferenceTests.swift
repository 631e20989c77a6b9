import Foundation
import SaferCore
import Testing
@testable import SaferData

/// `known_difference`: a stated value that differs from the data for a reason someone reviewed is
/// explained, not reported, while the data still give the value it was recorded for.
@Suite struct KnownDifferenceTests {
    /// 33,000 ÷ 132,000 = 25.0%; the document states 26%.
    func share(stated: String = "26%", data: String = "25.0%", why: String = "The document rounded an earlier count.") -> String {
        """
        poor_share:
          kind: share
          part: poor
          whole: residents
          stated: \(stated)
          known_difference:
            data: \(data)
            why: \(why)
        """
    }

    @Test func anExplainedDifferenceIsNotAMismatchAndPassesTheStrictCheck() throws {
        let data = try Fixture.load(figures: share(), strict: true)
        let figure = try #require(data.figures.figure("poor_share"))
        #expect(figure.check?.status == .knownDifference)
        #expect(figure.check?.summary == "the document states 26%; the data give 25.0%: The document rounded an earlier count.")
        #expect(figure.check?.why == "The document rounded an earlier count.")
        #expect(figure.text == "25.0%")
        #expect(data.warnings.isEmpty)
        #expect(data.statedMismatches.isEmpty)
        #expect(data.figures.mismatches.isEmpty)
        #expect(data.figures.knownDifferences.map(\.id) == ["poor_share"])
    }

    @Test func newDataMakeItAMismatchAgainSayingWhatWasRecorded() throws {
        // Reviewed when the data gave 24.8%; they now give 25.0%.
        let figures = share(data: "24.8%")
        let data = try Fixture.load(figures: figures)
        #expect(data.figures.figure("poor_share")?.check?.status == .mismatch)
        let warning = try #require(data.warnings.first)
        #expect(data.warnings.count == 1)
        #expect(warning.message == "the figure `poor_share`: the document states 26%, but the data give 25.0% (25% at the stated precision)")
        #expect(warning.hint == "the difference recorded in `known_difference` (line 7) was for 24.8%, and the data now give 25.0% (33,000 ÷ 132,000 = 25.0%); read it again, then correct `stated` or update `known_difference`")
        #expect(warning.location == SourceLocation(file: "data/figures.yaml", line: 5, column: 11))
        do {
            _ = try Fixture.load(figures: figures, strict: true)
            Issue.record("strict mode accepted a difference recorded for another value")
        } catch {
            #expect(error.diagnostics.map(\.severity) == [.error])
            #expect(error.diagnostics.first?.hint == warning.hint)
        }
    }

    @Test func whenTheStatedValueNowHoldsTheRecordIsNoLongerNeeded() throws {
        let data = try Fixture.load(figures: share(stated: "25%"), strict: true)
        #expect(data.figures.figure("poor_share")?.check?.status == .holds)
        #expect(data.warnings.map(\.message) == ["the figure `poor_share` no longer needs `known_difference`: the document states 25%; the data give 25.0%, which is 25% at the stated precision"])
        #expect(data.warnings.first?.hint == "remove `known_difference` from the figure `poor_share`")
        #expect(data.warnings.first?.location.line == 7)
        #expect(data.statedMismatches.isEmpty)
    }

    @Test func wordsAreMatchedAsTheFigureWritesThem() throws {
        // 12.5% is "1 in 8"; the document says 1 in 7.
        func frequency(_ recorded: String) -> String {
            "f:\n  kind: natural_frequency\n  share: smoking\n  stated: 1 in 7\n  known_difference:\n    data: \(recorded)\n    why: Rounded differently.\n"
        }
        let explained = try Fixture.load(figures: frequency("1 in 8"), strict: true)
        #expect(explained.figures.figure("f")?.check?.summary == "the document states 1 in 7; the data give 1 in 8: Rounded differently.")
        let moved = try Fixture.load(figures: frequency("1 in 9"))
        #expect(moved.warnings.first?.hint?.hasPrefix("the difference recorded in `known_difference` (line 6) was for 1 in 9, and the data now give 1 in 8 (") == true)
    }

    @Test func aKnownDifferenceNeedsAStatedValue() throws {
        let errors = Fixture.errors(figures: "poor_share:\n  kind: share\n  part: poor\n  whole: residents\n  known_difference:\n    data: 25.0%\n    why: A reason.\n")
        #expect(errors.map(\.message) == ["the figure `poor_share` has `known_difference` but no `stated` value for it to explain"])
        #expect(errors.first?.location == SourceLocation(file: "data/figures.yaml", line: 6, column: 5))
        #expect(errors.first?.hint == "add `stated:` with the value the document gives, or remove `known_difference`")
    }

    @Test func itsKeysAreReadStrictly() throws {
        let misspelt = Fixture.errors(figures: share().replacingOccurrences(of: "    why:", with: "    wyh:"))
        #expect(misspelt.map(\.message) == ["`known_difference` of the figure `poor_share` needs `why`"])
        let unknown = Fixture.errors(figures: share() + "\n    reviewed: 2024-05-01\n")
        #expect(unknown.map(\.message) == ["`known_difference` of the figure `poor_share` has an unknown key `reviewed`"])
        #expect(unknown.first?.hint == "known keys are: data, why")
        #expect(unknown.first?.location.line == 9)
        let empty = Fixture.errors(figures: share(why: "\"\""))
        #expect(empty.map(\.message) == ["`why` of `known_difference` is empty"])
        let scalar = Fixture.errors(figures: "poor_share:\n  kind: share\n  part: poor\n  whole: residents\n  stated: 26%\n  known_difference: 25.0%\n")
        #expect(scalar.map(\.message) == ["`known_difference` of the figure `poor_share` should be a set of `key: value` lines"])
    }

    @Test func theFiguresListAndDownloadsCarryTheExplanation() throws {
        let data = try Fixture.load(figures: share())
        let table = FigureReport.table(data.figures)
        #expect(table.contains("poor_share  25.0%"))
        #expect(table.contains("known difference"))
        #expect(table.hasSuffix("0 mismatches, 1 known difference\n  data/figures.yaml:2:3: poor_share: the document states 26%; the data give 25.0%: The document rounded an earlier count.\n"))
        let csv = Downloads.figuresCSV(data.figures)
        #expect(csv.contains(",26%,known difference,the document states 26%; the data give 25.0%: The document rounded an earlier count.,"))
        let json = Downloads.figuresJSON(data.figures)
        #expect(json.contains("\"check\": \"known difference\""))
        #expect(json.contains("\"check_detail\": \"the document states 26%; the data give 25.0%: The document rounded an earlier count.\""))
    }
}
