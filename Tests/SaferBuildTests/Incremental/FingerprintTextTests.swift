import Foundation
import SaferCore
@testable import SaferData
import Testing
@testable import SaferBuild

/// `FingerprintText` writes every stored field by hand; these counts fail when a type gains a field
/// it does not write yet (a chart reading that field would then never be drawn again).
@Suite struct FingerprintTextTests {
    func data() throws -> DataSet {
        // The repository's own data, which has every kind of figure.
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("content/data")
        let areas = AreaSet(local: Area(id: "dudley", name: "Dudley"),
                            comparators: [Area(id: "england", name: "England"), Area(id: "west-midlands", name: "the West Midlands")])
        return try DataSet.load(folder: folder, relativePath: "content/data", areas: areas)
    }

    func fields(_ value: Any) -> Int { Mirror(reflecting: value).children.count }

    @Test func everyStoredFieldIsWritten() throws {
        let data = try data()
        let comparison = try #require(data.figures.figures.first { !$0.comparisons.isEmpty })
        let checked = try #require(data.figures.figures.first { $0.check != nil })
        let input = try #require(data.figures.figures.lazy.flatMap(\.inputs).first)
        #expect(fields(comparison) == 24, "Figure")
        #expect(fields(try #require(comparison.comparisons.first)) == 8, "AreaComparison")
        #expect(fields(try #require(checked.check)) == 5, "FigureCheck")
        #expect(fields(input) == 7, "FigureInput")
        #expect(fields(try #require(comparison.forms.first)) == 2, "FigureForm")
        #expect(fields(try #require(data.observations.first)) == 13, "Observation")
        #expect(fields(try #require(data.indicators.first)) == 13, "Indicator")
        #expect(fields(FingertipsSelection(id: "1", location: SourceLocation(file: "x"))) == 6, "FingertipsSelection")
        #expect(fields(try #require(data.indicators.first).source) == 2, "Source")
        #expect(fields(data.areas) == 3, "AreaSet")
        #expect(fields(data.areas.local) == 4, "Area")
        #expect(fields(try #require(data.observations.compactMap(\.period).first)) == 3, "Period")
    }

    @Test func aChangedFieldChangesTheText() throws {
        let data = try data()
        let figure = try #require(data.figures.figures.first { $0.value != nil })
        var changed = figure
        changed.upper = (figure.upper ?? 0) + 1
        #expect(changed.fingerprintText != figure.fingerprintText)
        changed = figure
        changed.forms.append(FigureForm(name: "extra", text: "x"))
        #expect(changed.fingerprintText != figure.fingerprintText)
        #expect(figure.fingerprintText == figure.fingerprintText)
        var row = try #require(data.observations.first)
        let before = row.fingerprintText
        row.value += 1
        #expect(row.fingerprintText != before)
        let valued = row.fingerprintText
        row.source = Source(text: "Another publication")
        #expect(row.fingerprintText != valued)
    }
}
