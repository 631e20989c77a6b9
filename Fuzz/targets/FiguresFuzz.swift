import Foundation
import SaferCore
import SaferData

// The figure definitions: figures.yaml (and, after `%%%%` lines, observations.csv, indicators.yaml
// and areas.yaml) through DataSet.parse. Parts not given are Dudley's own data files, so a
// mutated figures.yaml is computed against real data.

let figureAreas = AreaSet(
    local: Area(id: "dudley", name: "Dudley"),
    comparators: [Area(id: "england", name: "England"), Area(id: "west-midlands", name: "the West Midlands")])
let dudleyObservations = FuzzSupport.file("content/data/observations.csv")
let dudleyIndicators = FuzzSupport.file("content/data/indicators.yaml")
let dudleyAreas = FuzzSupport.file("content/data/areas.yaml")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFigures(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    let text: String
    do { text = try TextFile.decode(data, as: "content/data/figures.yaml").text } catch { return 0 }
    let parts = text.components(separatedBy: "\n%%%%\n")
    func part(_ index: Int, _ path: String, default fallback: TextFile) -> TextFile {
        index < parts.count ? TextFile(path: path, text: parts[index]) : fallback
    }
    let files = DataFiles(
        observations: [part(1, "content/data/observations.csv", default: dudleyObservations)],
        indicators: part(2, "content/data/indicators.yaml", default: dudleyIndicators),
        figures: TextFile(path: "content/data/figures.yaml", text: parts[0]),
        areas: part(3, "content/data/areas.yaml", default: dudleyAreas))
    if let dataSet = try? DataSet.parse(files, areas: figureAreas, strict: count % 2 == 0) {
        // What pages do with figures: every reference and form as text, and the downloads.
        for figure in dataSet.figures.figures {
            _ = try? dataSet.text(for: figure.id, at: SourceLocation(file: "content/index.md", line: 1, column: 1))
            for form in figure.forms { _ = try? dataSet.text(for: "\(figure.id).\(form.name)", at: SourceLocation(file: "content/index.md")) }
        }
        _ = Downloads.observationsCSV(dataSet)
        _ = Downloads.figuresCSV(dataSet.figures)
        _ = Downloads.figuresJSON(dataSet.figures)
    }
    return 0
}
