import Foundation
import SaferContent
import SaferCore
import SaferData
import SaferRender

/// `safersite claims`: every hand-typed claim the site makes about its numbers, with what the data
/// say about it: the list of sentences a person reads when the data change.
public enum ClaimList {
    public enum Status: String, Sendable {
        case agrees
        case contradicted
        /// Contradicted, but marked `{{reviewed: LABEL}}` for the edition being built.
        case reviewed
    }

    public struct Entry: Sendable {
        public var claim: HandTypedClaim
        public var status: Status
    }

    /// The latest edition's claims, in page order, then the lists'.
    public static func entries(_ options: BuildOptions) throws(DiagnosticList) -> [Entry] {
        let content = try SiteContent.load(from: options.siteFolder, options: .init(includeDrafts: options.includeDrafts))
        let data = try SiteBuilder.loadData(options, config: content.config)
        let edition = try EditionBuild.editions(options)?.list.latest?.label
        return SiteClaims.claims(pages: content.pages, lists: content.lists, data: data).map { claim in
            let status: Status = !claim.contradicted ? .agrees : claim.reviewed?.covers(edition: edition) == true ? .reviewed : .contradicted
            return Entry(claim: claim, status: status)
        }
    }

    /// One claim a paragraph, for the terminal: where, the status, the words and what the data say,
    /// then the sentence.
    public static func text(_ entries: [Entry]) -> String {
        guard !entries.isEmpty else { return "No hand-typed claims about the figures: every such word is computed.\n" }
        var text = ""
        for entry in entries {
            let claim = entry.claim
            text += SafeText.terminal("\(claim.location): \(entry.status.rawValue): “\(claim.words)”; the data say \(claim.dataSay)") + "\n"
            text += "    \(claim.what): \(SafeText.terminal(claim.sentence))\n"
            if entry.status != .agrees, let suggestion = claim.suggestion { text += "    computed form: \(suggestion)\n" }
        }
        let contradicted = entries.filter { $0.status == .contradicted }.count
        text += "\(entries.count) hand-typed claim\(entries.count == 1 ? "" : "s"), \(contradicted) contradicted by the data.\n"
        return text
    }

    /// A JSON array of objects: file, line, column, status, what, words, sentence, dataSay, figures, suggestion.
    public static func json(_ entries: [Entry]) -> String {
        func string(_ text: String) -> String { JSONString.quoted(text) }
        let items = entries.map { entry -> String in
            let claim = entry.claim
            var fields = [
                "\"file\":\(string(claim.location.file))",
                "\"line\":\(claim.location.line.map(String.init) ?? "null")",
                "\"column\":\(claim.location.column.map(String.init) ?? "null")",
                "\"status\":\(string(entry.status.rawValue))",
                "\"what\":\(string(claim.what))",
                "\"words\":\(string(claim.words))",
                "\"sentence\":\(string(claim.sentence))",
                "\"dataSay\":\(string(claim.dataSay))",
                "\"figures\":[\(claim.figureIDs.map(string).joined(separator: ","))]",
            ]
            if let suggestion = claim.suggestion { fields.append("\"suggestion\":\(string(suggestion))") }
            return "{" + fields.joined(separator: ",") + "}"
        }
        return "[" + items.joined(separator: ",\n") + "]\n"
    }
}
