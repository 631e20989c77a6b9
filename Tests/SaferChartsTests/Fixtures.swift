import Foundation
import SaferCharts
import SaferCore

/// The strategy's figures as the data engine will hand them over: plain values plus house-style
/// text. Kept here (not in the module) so the module never contains a published number.
enum Fixtures {
    static let source = "Source: Safer Dudley violence prevention strategy"

    static let childrenLookedAfter = ComparisonBarsChart(
        titles: ChartTitles(
            headline: "Dudley has more children looked after than England and the West Midlands",
            subtitle: "Children looked after per 10,000 children under 18, 2018/19",
            source: source),
        measure: "rate", unitLabel: "per 10,000",
        bars: [
            ComparisonBar(label: "Dudley", value: 95, valueText: "95", status: .higher, statusText: "higher than England"),
            ComparisonBar(label: "England", value: 72, valueText: "72", status: .benchmark),
            ComparisonBar(label: "West Midlands", nameInSentence: "the West Midlands", value: 89, valueText: "89", status: .benchmark),
        ])

    static let crimeShares: [(String, Double)] = [
        ("total recorded crime", 17), ("violence with injury", 21), ("all knife crime", 24),
        ("weapon possession offences", 22), ("serious theft", 14), ("personal robberies", 22),
        ("business robberies", 24), ("theft from shop", 23), ("burglary other building", 23),
        ("theft from person", 28), ("all priority incidents", 17), ("most serious priority incidents", 19),
        ("anti-social behaviour", 16), ("serious road traffic collisions", 14), ("vulnerable adult abuse", 20),
        ("domestic violence", 17), ("child abuse", 14), ("sexual offences", 14), ("hate crime", 20),
        ("public order offences", 18), ("drug trafficking offences", 28), ("any crime where a weapon is used", 20),
    ]

    static let offenderShares: [(String, Double)] = [
        ("personal robbery", 36), ("business robbery", 29), ("drug trafficking", 25), ("theft from person", 22),
        ("weapon possession", 22), ("theft of motor vehicle", 20), ("burglary of commercial premises", 18),
        ("all offenders", 17), ("violence without injury", 17), ("violence with injury", 17),
        ("theft from shop", 16), ("sexual offences", 15),
    ]

    /// "3.5×": the data engine's rounding, imitated here for the fixture only.
    static func times(_ share: Double) -> String {
        let tenths = (share / 8 * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? "\(Int(tenths / 10))×" : "\(Int(tenths) / 10).\(Int(tenths) % 10)×"
    }

    static func ranked(_ rows: [(String, Double)], headline: String, subtitle: String, itemHeader: String, itemsNoun: String) -> RankedBarsChart {
        RankedBarsChart(
            titles: ChartTitles(headline: headline, subtitle: subtitle, source: source),
            itemHeader: itemHeader, itemsNoun: itemsNoun,
            valueHeader: "Share in the impact areas", detailHeader: "Times the population share",
            bars: rows.map { RankedBar(label: $0.0, value: $0.1, valueText: "\(Int($0.1))%", detailText: times($0.1)) },
            reference: ReferenceRule(value: 8, label: "8% population share"),
            tickFormat: TickFormat(suffix: "%"))
    }

    static let crimes = ranked(
        crimeShares,
        headline: "Every type of crime is concentrated in the two high impact areas",
        subtitle: "Share of the borough's recorded crime and incidents in the impact areas, against their 8% share of population",
        itemHeader: "Crime or incident", itemsNoun: "crime and incident types")

    static let offenders = ranked(
        offenderShares,
        headline: "Offenders of every kind are more likely to live in the high impact areas",
        subtitle: "Share of the borough's offenders who live in the impact areas, against their 8% share of population",
        itemHeader: "Offence", itemsNoun: "offence types")

    static let childPoverty = IconArrayChart(
        titles: ChartTitles(headline: "1 in 5 children in Dudley live in income-deprived households", subtitle: "Under-16s in income-deprived households", source: source),
        groups: [NaturalFrequency(count: 1, outOf: 5, frequencyText: "1 in 5", label: "under-16s live in income-deprived households")])

    static let adverseExperiences = IconArrayChart(
        titles: ChartTitles(headline: "A quarter of adults had 2 or more adverse experiences in childhood", subtitle: "Adults in Dudley by number of adverse childhood experiences, 2018", source: source),
        groups: [
            NaturalFrequency(count: 25, outOf: 100, frequencyText: "25 in 100", label: "adults have had at least 2 adverse childhood experiences"),
            NaturalFrequency(count: 9, outOf: 100, frequencyText: "9 in 100", label: "adults have had 4 or more"),
        ])

    static let hiddenViolence = PartToWholeChart(
        titles: ChartTitles(headline: "Nearly a third of violent crime in Dudley is domestic abuse", subtitle: "Share of all violent crime, 2017/18", source: source),
        wholeLabel: "all violent crime", whole: 100,
        parts: [
            WholePart(label: "domestic abuse", value: 31, valueText: "31%"),
            WholePart(label: "child abuse", value: 10, valueText: "10%"),
            WholePart(label: "hate crime", value: 3, valueText: "3%"),
        ],
        remainderLabel: "other violent crime", remainderValueText: "56%",
        categoryHeader: "Type of violent crime", valueHeader: "Share of violent crime (%)")

    /// Made-up periods: the strategy publishes one period per figure, so this only exercises the chart.
    static let trend = TrendChart(
        titles: ChartTitles(headline: "Test fixture: values rose over four years", subtitle: "Fixture values per 1,000 people, 2015/16 to 2018/19", source: "Source: test fixture, not published data"),
        measure: "the fixture rate", valueHeader: "Rate per 1,000",
        points: [
            TrendPoint(period: "2015/16", value: 12.5, valueText: "12.5"),
            TrendPoint(period: "2016/17", value: 14, valueText: "14.0"),
            TrendPoint(period: "2017/18", value: 13.2, valueText: "13.2"),
            TrendPoint(period: "2018/19", value: 17.1, valueText: "17.1"),
        ])

    static let scales = NestedScalesChart(
        titles: ChartTitles(headline: "Prevention works at three scales, from the whole borough to 760 people", subtitle: "People reached at each scale of prevention", source: source),
        groups: [
            NestedGroup(label: "people live in Dudley borough", value: 330_626, valueText: "330,626"),
            NestedGroup(label: "people live in the 2 high impact areas", value: 25_650, valueText: "25,650", within: 0),
            NestedGroup(label: "people commit violent crime each year", value: 760, valueText: "760", within: 0),
        ])

    /// Six square areas in two rows, sharing their sides, one with a hole (an enclave that is its
    /// own area) and one with no value.
    static let squares: Topology = {
        func square(_ column: Double, _ row: Double, size: Double = 0.01) -> [LonLat] {
            let west = -2.1 + column * size, south = 52.5 + row * size
            return [LonLat(lon: west, lat: south), LonLat(lon: west + size, lat: south), LonLat(lon: west + size, lat: south + size),
                    LonLat(lon: west, lat: south + size), LonLat(lon: west, lat: south)]
        }
        let hole = [LonLat(lon: -2.097, lat: 52.503), LonLat(lon: -2.097, lat: 52.507), LonLat(lon: -2.093, lat: 52.507),
                    LonLat(lon: -2.093, lat: 52.503), LonLat(lon: -2.097, lat: 52.503)]
        var shapes: [(code: String, name: String, polygons: [[[LonLat]]])] = []
        for row in 0..<2 {
            for column in 0..<3 {
                let code = "E0500000\(row * 3 + column + 1)"
                shapes.append((code, "Ward \(row * 3 + column + 1)", [row == 0 && column == 0 ? [square(0, 0), hole] : [square(Double(column), Double(row))]]))
            }
        }
        shapes.append(("E05000007", "Enclave", [[hole.reversed()]]))
        return Topology(rings: shapes)
    }()

    static let map = MapChart(
        titles: ChartTitles(headline: "A sample rate by ward", subtitle: "Sample rate, rate per 1,000, wards, 2023/24", source: "Source: invented for a test"),
        topology: squares,
        values: [
            "E05000001": MapValue(value: 4.2, valueText: "4.2 per 1,000"), "E05000002": MapValue(value: 6.8, valueText: "6.8 per 1,000"),
            "E05000003": MapValue(value: 9.1, valueText: "9.1 per 1,000"), "E05000004": MapValue(value: 12.5, valueText: "12.5 per 1,000"),
            "E05000006": MapValue(value: 5.0, valueText: "5.0 per 1,000"), "E05000007": MapValue(value: 11.0, valueText: "11.0 per 1,000"),
        ],
        classification: .breaks([6, 10]), measure: "sample rate", areasNoun: "wards", valueHeader: "Rate per 1,000",
        formatLimit: { String(format: "%.1f", $0) })

    /// Every chart the strategy needs, by golden-file name.
    static let all: [(name: String, chart: any Chart)] = [
        ("comparison-children-looked-after", childrenLookedAfter),
        ("ranked-crime-shares", crimes),
        ("ranked-offender-shares", offenders),
        ("icons-child-poverty", childPoverty),
        ("icons-adverse-experiences", adverseExperiences),
        ("part-to-whole-hidden-violence", hiddenViolence),
        ("trend-fixture", trend),
        ("nested-prevention-scales", scales),
        ("map-squares", map),
    ]
}
