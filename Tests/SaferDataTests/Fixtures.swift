import Foundation
import SaferCore
@testable import SaferData

/// A small borough that is not Dudley, so the engine is shown to need no Dudley-specific code.
enum Fixture {
    static let areas = AreaSet(
        local: Area(id: "ashford", name: "Ashford"),
        comparators: [Area(id: "england", name: "England"), Area(id: "south-east", name: "the South East")])

    static let indicators = """
    residents:
      title: Residents
      unit: people
      polarity: no judgement
      source: Census 2021
      source_url: https://www.ons.gov.uk/census
    poor:
      title: People in poverty
      unit: people
      polarity: low is good
      source: Borough survey
    smoking:
      title: Adults who smoke
      unit: percent
      polarity: low is good
      source: Annual Population Survey
    activity:
      title: Physically active adults
      unit: percent
      polarity: high is good
      source: Active Lives
    crimes:
      title: Recorded crimes
      unit: count
      polarity: low is good
      source: Police recorded crime
    births:
      title: Births
      unit: count
      polarity: no judgement
      source: Births register
    """

    static let observations = """
    indicator,area,period,value,lower,upper
    residents,ashford,2021,132000,,
    poor,ashford,2021,33000,,
    smoking,ashford,2019,12.5,11.0,14.0
    smoking,england,2019,14.0,,
    smoking,south-east,2019,12.0,,
    activity,ashford,2019,60,,
    activity,england,2019,66,,
    activity,south-east,2019,61,,
    crimes,ashford,2017/18,1000,,
    crimes,ashford,2018/19,1290,,
    births,ashford,2021,0,,
    """

    static func load(
        observations: String = observations, indicators: String = indicators, figures: String? = nil,
        areasFile: String? = nil, areas: AreaSet = areas, strict: Bool = false
    ) throws(DiagnosticList) -> DataSet {
        try DataSet.parse(
            DataFiles(
                observations: [TextFile(path: "data/observations.csv", text: observations)],
                indicators: TextFile(path: "data/indicators.yaml", text: indicators),
                figures: figures.map { TextFile(path: "data/figures.yaml", text: $0) },
                areas: areasFile.map { TextFile(path: "data/areas.yaml", text: $0) }),
            areas: areas, strict: strict)
    }

    /// The errors `load` throws (empty if it does not throw).
    static func errors(
        observations: String = observations, indicators: String = indicators, figures: String? = nil, areasFile: String? = nil
    ) -> [Diagnostic] {
        do {
            _ = try load(observations: observations, indicators: indicators, figures: figures, areasFile: areasFile)
            return []
        } catch {
            return error.diagnostics
        }
    }
}
