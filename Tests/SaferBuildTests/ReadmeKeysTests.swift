import Foundation
import SaferTestSupport
import Testing
@testable import SaferContent
@testable import SaferData
@testable import SaferRender

/// The README lists every key of every file SaferSite reads, in a table per file: each table must
/// name exactly the keys the code accepts, so a key added to the code without its line in the
/// README (or a line left after its key is gone) fails here.
@Suite struct ReadmeKeysTests {
    static let readme = (try? String(contentsOf: TestSite.repository.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""

    /// The keys in the first column of the tables under `heading`, up to the next heading.
    static func documentedKeys(under heading: String) -> [String] {
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0 == heading }) else { return [] }
        var keys: [String] = []
        for line in lines[(start + 1)...] {
            if line.hasPrefix("#") { break }
            guard line.hasPrefix("| `"), let end = line.dropFirst(3).firstIndex(of: "`") else { continue }
            keys.append(String(line[line.index(line.startIndex, offsetBy: 3)..<end]))
        }
        return keys
    }

    static let tables: [(heading: String, keys: [String])] = [
        ("### site.yaml", SiteConfig.knownKeys.map { $0 == "markdown" ? "markdown.rawHTML" : $0 }),
        ("### Page front matter", FrontMatter.knownKeys),
        ("### `area` and `comparators` in site.yaml", SiteConfig.areaKeys),
        ("### `content/data/indicators.yaml`, per indicator id", IndicatorFileReader.knownKeys + FingertipsSelection.keys),
        ("### `content/data/figures.yaml`, per figure id", FigureDefinition.commonKeys + KnownDifference.keys + InputReference.keys),
        ("### `content/data/areas.yaml`, per area id", AreaFileReader.knownKeys),
        ("### `content/data/editions.yaml`, each entry of `editions`", EditionList.knownKeys),
        ("### `content/data/corrections.yaml`, each entry", Correction.keys),
        ("### `content/data/glossary.yaml`, each entry", GlossaryTerm.keys),
        ("### `content/data/boundaries.yaml`, per boundaries id", Boundary.keys),
        ("### Observation CSV columns", ObservationFileReader.allColumns),
        ("### Fingertips download columns", FingertipsFileReader.columns.map(\.fingertips) + [FingertipsFileReader.nameColumn]
            + [FingertipsFileReader.breakdownColumns.sex, FingertipsFileReader.breakdownColumns.age, FingertipsFileReader.breakdownColumns.category]),
        ("### Chart blocks", ChartBlock.keys),
    ]

    @Test(arguments: tables.map(\.heading))
    func everyKeyTheCodeReadsIsInTheReadmeAndNothingElse(heading: String) {
        let known = Self.tables.first { $0.heading == heading }!.keys
        let documented = Self.documentedKeys(under: heading)
        #expect(!documented.isEmpty, "no table under \(heading)")
        #expect(Set(known).subtracting(documented).sorted() == [], "keys the code reads that \(heading) does not list")
        #expect(Set(documented).subtracting(known).sorted() == [], "keys \(heading) lists that the code does not read")
    }

    /// Each figure kind's row in the kinds table names every key that kind reads.
    @Test(arguments: FigureKind.allCases)
    func everyFigureKindsKeysAreInItsRow(kind: FigureKind) throws {
        let row = try #require(Self.readme.split(separator: "\n").first { $0.hasPrefix("| `\(kind.rawValue)` |") }, "no row for \(kind.rawValue)")
        let keysCell = row.split(separator: "|")[1]
        for key in FigureDefinition.keys(for: kind) {
            #expect(keysCell.contains("`\(key)`"), "\(kind.rawValue) reads `\(key)`")
        }
    }
}
