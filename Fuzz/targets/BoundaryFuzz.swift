import Foundation
import SaferCore
import SaferData

// A boundary file (GeoJSON or TopoJSON) through DataSet.parse, as boundaries.yaml names it: the
// JSON reader, TopoJSON's arcs and their indexes (checked whole numbers, ~i reversal), the
// quantised transform, GeoJSON rings cut into shared arcs, and the check for areas with no area.
// The first byte picks the property with each area's code, so the seeds' files (wards, LSOAs,
// the catalogue's) all get past naming their areas.

let boundaryAreas = AreaSet(local: Area(id: "northbrook", name: "Northbrook"), comparators: [Area(id: "england", name: "England")])
let boundaryIndicators = FuzzSupport.file("Tests/SaferBuildTests/Fixtures/northbrook/content/data/indicators.yaml")
let boundaryCodes = ["code", "WD13CD", "LSOA11CD", "WD24CD"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBoundary(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let code = boundaryCodes[Int(bytes[0]) % boundaryCodes.count]
    let data = Data(bytes: bytes + 1, count: count - 1)
    let file: TextFile
    do { file = try TextFile.decode(data, as: "content/data/areas.topojson") } catch { return 0 }
    let list = TextFile(path: "content/data/boundaries.yaml", text: "areas:\n  file: areas.topojson\n  code: \(code)\n  attribution: Fuzz\n")
    _ = try? DataSet.parse(DataFiles(observations: [], indicators: boundaryIndicators, boundaries: list, shapes: [file]), areas: boundaryAreas)
    return 0
}
