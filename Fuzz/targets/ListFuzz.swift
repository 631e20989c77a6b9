import Foundation
import SaferContent
import SaferCore
import SaferData

// A list (`content/lists/*.yaml`) as the build reads it: parsed with the YAML limits, every value
// turned into what templates see with its figure references filled from Dudley's real data, and
// every entry that cites a figure read by the claim check as one paragraph.

let listAreas = AreaSet(
    local: Area(id: "dudley", name: "Dudley"),
    comparators: [Area(id: "england", name: "England"), Area(id: "west-midlands", name: "the West Midlands")])
let listData = try! DataSet.parse(
    DataFiles(observations: [FuzzSupport.file("content/data/observations.csv")], indicators: FuzzSupport.file("content/data/indicators.yaml"),
              figures: FuzzSupport.file("content/data/figures.yaml"), areas: FuzzSupport.file("content/data/areas.yaml")),
    areas: listAreas)
let listClaims = ClaimCheck(data: listData)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzList(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard let file = try? TextFile.decode(Data(bytes: bytes, count: count), as: "content/lists/goals.yaml"),
          let value = try? YAMLValue.parse(file.text, file: file.path) else { return 0 }
    _ = value.templateValue(resolving: { reference, location in try? listData.figures.text(for: reference, at: location).text })
    for source in ListClaimSources.sources(value) {
        for claim in listClaims.claims(in: source) {
            precondition(claim.location.file == file.path, "a claim placed outside the list")
        }
    }
    return 0
}
