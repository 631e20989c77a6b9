import Foundation
import SaferCore
import Testing
@testable import SaferData

/// A Fingertips data download (invented values for a made-up borough, England and its region, in
/// the layout Fingertips exports) read as observations.
@Suite struct FingertipsTests {
    static let areas = AreaSet(
        local: Area(id: "brackenford", name: "Brackenford", code: "E06000099"),
        comparators: [Area(id: "england", name: "England", code: "E92000001"), Area(id: "south-east", name: "the South East", code: "E12000008")])

    static let header = "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal,Time period range"

    /// Rows for other areas, other sexes, a category breakdown, England repeated under a second
    /// parent, an indicator the site does not use, and a suppressed value.
    static let download = header + "\n" + """
    92000,Hospital admissions for violence,E12000008,South East region,E06000099,Brackenford,UA,Persons,All ages,,,2018/19 - 20/21,55.0,49.3,61.2,,,356,647000,,,,,20180000,,,3y
    92000,Hospital admissions for violence,E12000008,South East region,E06000099,Brackenford,UA,Persons,All ages,,,2019/20 - 21/22,52.6,47.1,58.6,,,340,646000,,Decreasing,Worse,Worse,20190000,New data,,3y
    92000,Hospital admissions for violence,E12000008,South East region,E06000099,Brackenford,UA,Male,All ages,,,2019/20 - 21/22,70.1,61.0,80.2,,,226,322000,,,,,20190000,,,3y
    92000,Hospital admissions for violence,E12000008,South East region,E06000099,Brackenford,UA,Persons,All ages,County & UA deprivation deciles,Most deprived decile,2019/20 - 21/22,90.0,80.0,101.0,,,,,,,,,20190000,,,3y
    92000,Hospital admissions for violence,E12000008,South East region,E06000098,Otherbury,UA,Persons,All ages,,,2019/20 - 21/22,33.3,29.0,38.0,,,120,360000,,,,,20190000,,,3y
    92000,Hospital admissions for violence,,,E92000001,England,England,Persons,All ages,,,2018/19 - 20/21,42.5,42.2,42.8,,,72000,56500000,,,,,20180000,,,3y
    92000,Hospital admissions for violence,,,E92000001,England,England,Persons,All ages,,,2019/20 - 21/22,41.9,41.6,42.2,,,71000,56600000,,,,,20190000,,,3y
    92000,Hospital admissions for violence,E92000001,England,E12000008,South East region,Region,Persons,All ages,,,2018/19 - 20/21,39.0,38.4,39.6,,,10500,9200000,,,,,20180000,,,3y
    92000,Hospital admissions for violence,E92000001,England,E12000008,South East region,Region,Persons,All ages,,,2019/20 - 21/22,38.0,37.4,38.6,,,10400,9250000,,,,,20190000,,,3y
    92000,Hospital admissions for violence,E92000001,England,E92000001,England,England,Persons,All ages,,,2019/20 - 21/22,41.9,41.6,42.2,,,71000,56600000,,,,,20190000,,,3y
    93000,Feeling safe outside after dark,E12000008,South East region,E06000099,Brackenford,UA,Persons,16+ yrs,,,2021,64.2,61.0,67.3,,,642,1000,,,,,20210000,,,1y
    93000,Feeling safe outside after dark,E12000008,South East region,E06000099,Brackenford,UA,Persons,16+ yrs,,,2022,,,,,,,,Value suppressed for disclosure control due to small count,,,,20220000,,,1y
    93000,Feeling safe outside after dark,,,E92000001,England,England,Persons,16+ yrs,,,2021,70.0,69.8,70.2,,,,,,,,,20210000,,,1y
    93000,Feeling safe outside after dark,,,E92000001,England,England,Persons,16+ yrs,,,2022,71.0,70.8,71.2,,,,,,,,,20220000,,,1y
    94000,An indicator this site does not use,,,E92000001,England,England,Persons,All ages,,,2022,12.0,,,,,,,,,,,20220000,,,1y
    """

    /// The same values typed in tidy form.
    static let tidy = """
    indicator,area,period,value,lower,upper,numerator,denominator,note,source,source_url
    admissions,brackenford,2018/19 - 20/21,55.0,49.3,61.2,356,647000,,"OHID Fingertips, indicator 92000: Hospital admissions for violence",https://fingertips.phe.org.uk/
    admissions,brackenford,2019/20 - 21/22,52.6,47.1,58.6,340,646000,,"OHID Fingertips, indicator 92000: Hospital admissions for violence",https://fingertips.phe.org.uk/
    admissions,england,2018/19 - 20/21,42.5,42.2,42.8,72000,56500000,,"OHID Fingertips, indicator 92000: Hospital admissions for violence",https://fingertips.phe.org.uk/
    admissions,england,2019/20 - 21/22,41.9,41.6,42.2,71000,56600000,,"OHID Fingertips, indicator 92000: Hospital admissions for violence",https://fingertips.phe.org.uk/
    admissions,south-east,2018/19 - 20/21,39.0,38.4,39.6,10500,9200000,,"OHID Fingertips, indicator 92000: Hospital admissions for violence",https://fingertips.phe.org.uk/
    admissions,south-east,2019/20 - 21/22,38.0,37.4,38.6,10400,9250000,,"OHID Fingertips, indicator 92000: Hospital admissions for violence",https://fingertips.phe.org.uk/
    feel_safe,brackenford,2021,64.2,61.0,67.3,642,1000,,"OHID Fingertips, indicator 93000: Feeling safe outside after dark",https://fingertips.phe.org.uk/
    feel_safe,brackenford,2022,[c],,,,,Value suppressed for disclosure control due to small count,"OHID Fingertips, indicator 93000: Feeling safe outside after dark",https://fingertips.phe.org.uk/
    feel_safe,england,2021,70.0,69.8,70.2,,,,"OHID Fingertips, indicator 93000: Feeling safe outside after dark",https://fingertips.phe.org.uk/
    feel_safe,england,2022,71.0,70.8,71.2,,,,"OHID Fingertips, indicator 93000: Feeling safe outside after dark",https://fingertips.phe.org.uk/
    """

    static func indicators(admissions: String = "92000", feelSafe: String = "93000") -> String {
        """
        admissions:
          title: Hospital admissions for violence
          unit: rate per 100,000
          rate_of: residents
          polarity: low is good
          source: OHID Fingertips
          fingertips: \(admissions)
        feel_safe:
          title: Residents who feel safe outside after dark
          unit: percent
          polarity: high is good
          source: OHID Fingertips
          fingertips: \(feelSafe)
        """
    }

    static let figures = """
    admissions_comparison:
      kind: comparison
      title: Hospital admissions for violence compared with England and the South East
      indicator: admissions
      against: [england, south-east]
    admissions_change:
      kind: percent_change
      title: Change in hospital admissions for violence
      from: {indicator: admissions, period: 2018/19 - 20/21}
      to: {indicator: admissions, period: 2019/20 - 21/22}
      decimals: 1
    feel_safe_comparison:
      kind: comparison
      title: Feeling safe compared with England
      indicator: feel_safe
      against: [england]
    """

    static func load(_ observations: String, path: String = "data/fingertips.csv", indicators: String = indicators(), figures: String = figures) throws(DiagnosticList) -> DataSet {
        try DataSet.parse(
            DataFiles(
                observations: [TextFile(path: path, text: observations)],
                indicators: TextFile(path: "data/indicators.yaml", text: indicators),
                figures: TextFile(path: "data/figures.yaml", text: figures)),
            areas: areas)
    }

    static func errors(_ observations: String, indicators: String = indicators(), figures: String = figures) -> [Diagnostic] {
        do {
            _ = try load(observations, indicators: indicators, figures: figures)
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func aDownloadGivesTheSameFiguresAsTheSameValuesTypedInTidyForm() throws {
        let fromDownload = try Self.load(Self.download)
        let fromTidy = try Self.load(Self.tidy, path: "data/observations.csv")
        let downloaded = fromDownload.figures.figures, typed = fromTidy.figures.figures
        #expect(downloaded.map(\.id) == typed.map(\.id))
        #expect(downloaded.count == 5)
        for (a, b) in zip(downloaded, typed) {
            #expect(a.text == b.text, "\(a.id)")
            #expect(a.forms == b.forms, "\(a.id)")
            #expect(a.comparisons == b.comparisons, "\(a.id)")
            #expect(a.value == b.value && a.lower == b.lower && a.upper == b.upper, "\(a.id)")
            #expect(a.sources == b.sources, "\(a.id)")
        }
        let comparison = try #require(downloaded.first { $0.id == "admissions_comparison" })
        #expect(comparison.period?.label == "2019/20 - 21/22")
        #expect(comparison.form("direction") == "higher than England and the South East")
        // The rows kept: the site's areas, Persons, no category; England once; nothing suppressed.
        #expect(fromDownload.observations.count == 9)
        // The suppressed value is kept as withheld, as the tidy file's `[c]` is, and said with the figure.
        #expect(fromDownload.withheld.map { "\($0.indicator) \($0.area) \($0.period) \($0.status.shorthand)" } == ["feel_safe brackenford 2022 [c]"])
        #expect(fromTidy.withheld.map { "\($0.indicator) \($0.area) \($0.period) \($0.status.shorthand) \($0.note) \($0.source?.text ?? "")" }
                == fromDownload.withheld.map { "\($0.indicator) \($0.area) \($0.period) \($0.status.shorthand) \($0.note) \($0.source?.text ?? "")" })
        #expect(fromDownload.withheld.first?.source?.text == "OHID Fingertips, indicator 93000: Feeling safe outside after dark")
        #expect(fromDownload.figures.figure("feel_safe")?.text == "64.2% (2021; the 2022 value is withheld: “Value suppressed for disclosure control due to small count”)")
        #expect(fromDownload.observations.map(\.location.file).allSatisfy { $0 == "data/fingertips.csv" })
    }

    /// Each row names Fingertips and its indicator as its source, whatever the indicator's
    /// `source` says (it may name the publication of values typed in before the download).
    @Test func fingertipsRowsNameFingertipsAndTheIndicator() throws {
        let data = try Self.load(Self.download, indicators: Self.indicators().replacingOccurrences(of: "source: OHID Fingertips", with: "source: Borough health profile 2019"))
        let admissions = try #require(data.indicator("admissions"))
        let fingertips = Source(text: "OHID Fingertips, indicator 92000: Hospital admissions for violence", url: "https://fingertips.phe.org.uk/")
        #expect(data.observations(indicator: "admissions", area: "brackenford").map { admissions.source(of: $0) } == [fingertips, fingertips])
        #expect(data.figures.figure("admissions")?.sources == [fingertips])
        #expect(data.figures.figure("feel_safe_comparison")?.source == "OHID Fingertips, indicator 93000: Feeling safe outside after dark")
        #expect(Downloads.observationsCSV(data).contains(",\"OHID Fingertips, indicator 92000: Hospital admissions for violence\",https://fingertips.phe.org.uk/\r\n"))
        #expect(data.sources().map(\.source.text) == ["OHID Fingertips, indicator 92000: Hospital admissions for violence", "OHID Fingertips, indicator 93000: Feeling safe outside after dark"])
        // A download without Fingertips' name column still names the indicator by its id.
        #expect(FingertipsFileReader.source(id: "92000", name: nil) == Source(text: "OHID Fingertips, indicator 92000", url: "https://fingertips.phe.org.uk/"))
    }

    @Test func aHeaderWithStraySpacesIsStillAFingertipsDownload() throws {
        let spaced = Self.download.replacingOccurrences(of: "Indicator ID,", with: " Indicator  ID ,").replacingOccurrences(of: "Area Code,", with: "Area  Code ,")
        #expect(FingertipsFileReader.recognises(spaced))
        let data = try Self.load(spaced)
        #expect(data.figures.figure("admissions")?.text == "52.6 per 100,000")
    }

    @Test func valuesWithEveryDigitAreShownToOneDecimalPlaceUnlessTheIndicatorSays() throws {
        let long = Self.download.replacingOccurrences(of: "E06000099,Brackenford,UA,Persons,All ages,,,2019/20 - 21/22,52.6,", with: "E06000099,Brackenford,UA,Persons,All ages,,,2019/20 - 21/22,52.6315789473684,")
        let data = try Self.load(long)
        #expect(data.figures.figure("admissions")?.text == "52.6 per 100,000")
        let twoPlaces = try Self.load(long, indicators: Self.indicators(admissions: "{id: 92000, decimals: 2}"))
        #expect(twoPlaces.figures.figure("admissions")?.text == "52.63 per 100,000")
        #expect(FingertipsFileReader.withinTenDecimals("52.6315789473684") == "52.6315789474")
    }

    @Test func aSuppressedValueIsNeverAZeroAndAFigureThatNeedsItSaysWhy() {
        let figures = """
        feel_safe_2022:
          kind: value
          indicator: feel_safe
          period: "2022"
        """
        let found = Self.errors(Self.download, figures: figures)
        #expect(found.count == 1)
        #expect(found.first?.message == "the indicator `feel_safe` has no value for Brackenford in `2022`: it is withheld for 2022 (“Value suppressed for disclosure control due to small count”, data/fingertips.csv:13)")
        #expect(found.first?.hint == "the periods with a value are: 2021")
    }

    @Test func aBreakdownIsChosenByTheIndicatorWhenThereAreSeveral() throws {
        let male = try Self.load(Self.download, indicators: Self.indicators(admissions: "{id: 92000, sex: Male}"), figures: "")
        #expect(male.figures.figure("admissions")?.text == "70.1 per 100,000")
        let decile = try Self.load(Self.download, indicators: Self.indicators(admissions: "{id: 92000, category: Most deprived decile}"), figures: "")
        #expect(decile.figures.figure("admissions")?.text == "90.0 per 100,000")
        let noSuchSex = Self.errors(Self.download, indicators: Self.indicators(admissions: "{id: 92000, sex: Female}"), figures: "")
        #expect(noSuchSex.first?.message == "data/fingertips.csv has no rows of Fingertips indicator 92000 for sex `Female`")
        #expect(noSuchSex.first?.hint == "the sexes in the file are: Male, Persons")
    }

    @Test func twoAgesWithoutAChoiceAreAnErrorNamingThem() {
        let twoAges = Self.download + "\n93000,Feeling safe outside after dark,,,E06000099,Brackenford,UA,Persons,65+ yrs,,,2021,59.0,55.0,63.0,,,,,,,,,20210000,,,1y\n"
        let found = Self.errors(twoAges)
        #expect(found.first?.message == "data/fingertips.csv has Fingertips indicator 93000 for more than one age (16+ yrs; 65+ yrs), so it is not clear which rows are `feel_safe`'s")
        #expect(found.first?.hint == "say which with `fingertips: {id: 93000, age: 16+ yrs}`")
        #expect(found.first?.location.file == "data/indicators.yaml")
    }

    @Test func aMissingColumnOrNoMatchingIndicatorIsSaidPlainly() {
        let noValue = Self.download.replacingOccurrences(of: ",Value,", with: ",Amount,")
        let missing = Self.errors(noValue)
        #expect(missing.first?.message == "this Fingertips download lacks the column `Value`")
        #expect(missing.first?.location == SourceLocation(file: "data/fingertips.csv", line: 1, column: 1))

        let unmapped = Self.errors(Self.download, indicators: Self.indicators(admissions: "11111", feelSafe: "22222"), figures: "")
        #expect(unmapped.first?.message == "none of the indicators in this Fingertips download is in indicators.yaml")
        #expect(unmapped.first?.hint?.contains("92000 (Hospital admissions for violence), 93000 (Feeling safe outside after dark), 94000 (An indicator this site does not use)") == true)

        let notAnID = Self.errors(Self.download, indicators: Self.indicators(admissions: "violence"), figures: "")
        #expect(notAnID.first?.message == "`violence` is not a Fingertips indicator id, which is a number")
    }

    @Test func areasWithoutCodesAreToldHowToAddThem() {
        let data = Self.download.replacingOccurrences(of: "E06000099", with: "E06000097").replacingOccurrences(of: "E92000001", with: "E92000009").replacingOccurrences(of: "E12000008", with: "E12000009")
        let found = Self.errors(data, figures: "")
        #expect(found.first?.message == "none of the areas in this Fingertips download has its code in site.yaml or areas.yaml")
        #expect(found.first?.hint?.contains("E06000097 (Brackenford)") == true)
    }

    @Test func fingertipsPooledYearsAreOrdered() throws {
        let pooled = try #require(Period.parse("2017 - 19"))
        #expect(pooled.label == "2017 - 19")
        #expect(pooled.firstMonth == Period.parse("2017")!.firstMonth && pooled.lastMonth == Period.parse("2019")!.lastMonth)
        let financial = try #require(Period.parse("2016/17 - 18/19"))
        #expect(financial.lastMonth == Period.parse("2018/19")!.lastMonth)
        #expect(Period.parse("2019 - 17") == nil)
    }
}
