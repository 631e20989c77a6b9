import ArgumentParser
import SaferBuild
import SaferCore
import SaferData

struct FiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Print every figure with its value, how it is worked out, its inputs and its check."
    )

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: .long, help: "table, csv or json.")
    var format: FigureReport.Format = .table

    func run() throws {
        do {
            let data = try SiteBuilder.data(BuildOptions(siteFolder: siteOptions.siteURL))
            Terminal.report(data.warnings)
            print(FigureReport.render(data.figures, format: format), terminator: "")
        } catch {
            throw Terminal.fail(error, what: "Reading the figures")
        }
    }
}

extension FigureReport.Format: ExpressibleByArgument {}
