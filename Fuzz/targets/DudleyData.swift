import SaferCore
import SaferData

/// Dudley's real data, read once, for the targets that check text against real figures
/// (claims, page, list).
enum DudleyData {
    static let areas = AreaSet(
        local: Area(id: "dudley", name: "Dudley"),
        comparators: [Area(id: "england", name: "England"), Area(id: "west-midlands", name: "the West Midlands")])
    static let data = try! DataSet.parse(
        DataFiles(observations: [FuzzSupport.file("content/data/observations.csv")], indicators: FuzzSupport.file("content/data/indicators.yaml"),
                  figures: FuzzSupport.file("content/data/figures.yaml"), areas: FuzzSupport.file("content/data/areas.yaml")),
        areas: areas)
    static let claims = ClaimCheck(data: data)
}
