import Foundation
import SaferContent
import SaferCore
import SaferData

// A list (`content/lists/*.yaml`) as the build reads it: parsed with the YAML limits, every value
// turned into what templates see with its figure references filled from Dudley's real data, and
// every entry that cites a figure read by the claim check as one paragraph.


@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzList(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard let file = try? TextFile.decode(Data(bytes: bytes, count: count), as: "content/lists/goals.yaml"),
          let value = try? YAMLValue.parse(file.text, file: file.path) else { return 0 }
    _ = value.templateValue(resolving: { reference, location in try? DudleyData.data.figures.text(for: reference, at: location).text })
    for source in ListClaimSources.sources(value) {
        for claim in DudleyData.claims.claims(in: source) {
            precondition(claim.location.file == file.path, "a claim placed outside the list")
        }
    }
    return 0
}
