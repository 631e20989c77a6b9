import Foundation
import SaferCore
import SaferData

// The observations CSV reader (CSVTable and ObservationFileReader) through DataSet.parse, with
// the Northbrook fixture's indicators, so rows that read get validated and computed with too.

let csvAreas = AreaSet(local: Area(id: "northbrook", name: "Northbrook"), comparators: [Area(id: "england", name: "England")])
let csvIndicators = FuzzSupport.file("Tests/SaferBuildTests/Fixtures/northbrook/content/data/indicators.yaml")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    let file: TextFile
    do { file = try TextFile.decode(data, as: "content/data/observations.csv") } catch { return 0 }
    _ = try? DataSet.parse(DataFiles(observations: [file], indicators: csvIndicators), areas: csvAreas)
    return 0
}
