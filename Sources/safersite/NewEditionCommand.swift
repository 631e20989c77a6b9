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
            editions/LABEL/. On a site with no editions yet, what it publishes now is kept as an
            earlier edition first (its label from --previous, or from the data's latest earlier
            period). Exit status: 0 recorded, 1 errors, 2 usage.
            """
    )

    @OptionGroup var siteOptions: SiteOptions

    @Argument(help: "The edition's label, e.g. 2024-25: it becomes the folder editions/2024-25/ once a later edition exists.")
    var label: String

    @Option(name: .long, help: "The last period the edition includes, as the data writes it (default: from the label, 2024-25 → 2024/25).")
    var period: String?

    @Option(name: .long, help: "On a site with no editions yet: the label for what it publishes now, kept under editions/LABEL/ (default: from the data's latest earlier period, 2018/19 → 2018-19).")
    var previous: String?

    @Option(name: .long, help: "With --previous: the last period of what the site publishes now (default: from its label, or the data).")
    var previousPeriod: String?

    func run() throws {
        do {
            let result = try NewEdition.record(site: siteOptions.siteURL, label: label, period: period, previous: previous, previousPeriod: previousPeriod)
            if let kept = result.keptAsPublished {
                print("This site had no editions, so what it publishes now is kept as the \(kept.label) edition (data up to \(kept.period.label)), "
                      + "published under editions/\(kept.label)/ with its numbers as they are; use --previous to name it otherwise.")
            }
            if result.firstEditionIsCurrent {
                print("This site had no editions and its data already has values for \(result.edition.period.label), so the \(result.edition.label) edition is taken to be what it publishes now. "
                      + "If those values are next year's new rows, delete \(result.path) and run `safersite new-edition \(label) --previous LABEL` to keep last year's numbers as an earlier edition.")
            }
            print("\(result.created ? "Made" : "Updated") \(result.path): the \(result.edition.label) edition holds the data up to \(result.edition.period.label)"
                  + (result.previous.map { "; the \($0.label) edition will stay published under editions/\($0.label)/." } ?? "."))
            if result.lacking.isEmpty {
                print("Every indicator with dated values has a value for the new edition.")
            } else {
                let count = result.lacking.count
                print("\(count) indicator\(count == 1 ? " has" : "s have") no value for the new edition yet (after \(result.previous?.period.label ?? "the edition's start"), up to \(result.edition.period.label)):")
                for lacking in result.lacking {
                    print("  \(lacking.indicator.id): \(lacking.indicator.title), for \(listed(lacking.areas.map(\.name))) (latest: \(lacking.latest?.label ?? "none"))")
                }
            }
            print("Next: add the new rows to content/data/ (indicator, area, period \(result.edition.period.label), value), preview with `safersite serve`, "
                  + "then run `safersite check`: it lists every hand-typed sentence the new numbers contradict.")
        } catch {
            throw Terminal.fail(error, what: "Recording the edition")
        }
    }
}
