import ArgumentParser
import Foundation
import SaferBuild
import SaferCore
import SaferData

struct NewEditionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new-edition",
        abstract: "Start the next annual edition: record it in content/data/editions.yaml and list the indicators still lacking a value for it.",
        discussion: """
            Changes nothing but editions.yaml. The new edition includes every observation whose period
            ends no later than its period; the previous latest edition stays published under
            editions/LABEL/. Exit status: 0 recorded, 1 errors, 2 usage.
            """
    )

    @OptionGroup var siteOptions: SiteOptions

    @Argument(help: "The edition's label, e.g. 2024-25: it becomes the folder editions/2024-25/ once a later edition exists.")
    var label: String

    @Option(name: .long, help: "The last period the edition includes, as the data writes it (default: from the label, 2024-25 → 2024/25).")
    var period: String?

    func run() throws {
        do {
            let result = try NewEdition.record(site: siteOptions.siteURL, label: label, period: period)
            print("\(result.created ? "Made" : "Updated") \(result.path): the \(result.edition.label) edition holds the data up to \(result.edition.period.label)"
                  + (result.previous.map { "; the \($0.label) edition will stay published under editions/\($0.label)/." } ?? "."))
            if result.lacking.isEmpty {
                print("Every indicator with dated values has a value for the new edition.")
            } else {
                let count = result.lacking.count
                print("\(count) indicator\(count == 1 ? " has" : "s have") no value for the new edition yet (after \(result.previous?.period.label ?? "the edition's start"), up to \(result.edition.period.label)):")
                for (indicator, latest) in result.lacking {
                    print("  \(indicator.id): \(indicator.title) (latest: \(latest?.label ?? "none"))")
                }
            }
        } catch {
            throw Terminal.fail(error, what: "Recording the edition")
        }
    }
}
