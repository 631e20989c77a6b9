import Foundation
import SaferCore

/// An area the site reports on: the local area and the places it is compared with.
public struct AreaConfig: Sendable, Hashable {
    public var id: String
    /// As it reads in a sentence: "Dudley", "England", "the West Midlands".
    public var name: String
    /// Its ONS code (`E92000001` for England), matched against official data downloads.
    public var code: String?
    public var location: SourceLocation
}

/// `site.yaml`: what the whole site shares.
public struct SiteConfig: Sendable, Equatable {
    public static let fileName = "site.yaml"

    public var title: String
    public var description: String
    /// Absolute, ending in `/`: canonical links, the sitemap and feeds are built from it.
    public var baseURL: String
    /// A BCP 47 tag for `<html lang>`, e.g. `en-GB`.
    public var language: String
    public var theme: String
    /// Where `theme` was written (or the file, when it was left to the default).
    public var themeLocation: SourceLocation
    public var area: AreaConfig
    public var comparators: [AreaConfig]
    public var allowRawHTML: Bool
    /// Who publishes the site (footer, accessibility statement).
    public var organisation: String
    /// Free-form values for templates (`{{site.extra.contact_email}}`): whatever else a site needs.
    public var extra: [String: String]
    /// Paths in the output folder the site keeps there itself (`keep: [CNAME, .well-known]`):
    /// carried over by every build instead of removed.
    public var keep: [String] = []
    /// When the next update is due, as written: a month (`2027-03`) or a day (`2027-03-31`).
    public var nextUpdate: NextUpdate?

    /// The path of `baseURL` ("/" or "/safer-dudley/"): how 404.html, served at any depth, finds assets.
    public var basePath: String {
        guard let url = URL(string: baseURL) else { return "/" }
        let path = url.path
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// The keys of `area` and of each comparator.
    public static let areaKeys = ["id", "name", "code"]

    public static let knownKeys = ["title", "description", "baseURL", "language", "theme", "area", "comparators", "markdown", "organisation", "extra", "keep", "next_update"]

    public static func parse(_ file: TextFile) throws(DiagnosticList) -> (config: SiteConfig, warnings: [Diagnostic]) {
        var bag = DiagnosticBag()
        var warnings: [Diagnostic] = []
        let config: SiteConfig? = bag.collect { () throws(Diagnostic) -> SiteConfig in
            let root = try YAMLValue.parse(file.text, file: file.path)
            var fields = try YAMLFields(root, what: "site.yaml")
            let title = try fields.required("title", hint: "add a line like `title: Safer Streets Strategy`").string("`title`")
            let description = try fields.optional("description")?.string("`description`") ?? ""
            let baseValue = try fields.required("baseURL", hint: "add the address the site is published at, e.g. `baseURL: https://www.example.gov.uk/safer/`")
            let baseURL = try Self.checkedBaseURL(try baseValue.string("`baseURL`"), at: baseValue.location)
            let language = try fields.optional("language")?.string("`language`") ?? "en-GB"
            let themeValue = fields.optional("theme")
            let theme = try themeValue?.string("`theme`") ?? "default"
            let area = try Self.area(try fields.required("area", hint: "add the local area, e.g. `area: {id: our-borough, name: Our Borough, code: E08000000}`"), what: "`area`", warnings: &warnings)
            let comparators = try (fields.optional("comparators")?.sequence("`comparators`") ?? []).map { value throws(Diagnostic) in
                try Self.area(value, what: "each comparator", warnings: &warnings)
            }
            var allowRawHTML = false
            if let markdown = fields.optional("markdown") {
                var markdownFields = try YAMLFields(markdown, what: "`markdown`")
                allowRawHTML = try markdownFields.optional("rawHTML")?.bool("`markdown.rawHTML`") ?? false
                warnings += markdownFields.unknownKeys(known: ["rawHTML"])
            }
            let organisation = try fields.optional("organisation")?.string("`organisation`") ?? title
            var extra: [String: String] = [:]
            if let extraValue = fields.optional("extra") {
                for (key, value) in try extraValue.mapping("`extra`") {
                    extra[key] = try value.string("`extra.\(key)`")
                }
            }
            var keep: [String] = []
            if let keepValue = fields.optional("keep") {
                for item in try keepValue.sequence("`keep`") {
                    let path = try item.string("each path in `keep`").trimmingSpaces()
                    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
                    guard !path.isEmpty, !path.hasPrefix("/"), !parts.contains(where: { $0 == ".." || $0 == "." }), path != SiteFiles.outputMarker else {
                        throw Diagnostic.error(at: item.location, "`\(SafeText.terminal(path))` in `keep` is not a path inside the output folder",
                                               hint: "write a path relative to the output folder, such as `CNAME` or `.well-known`")
                    }
                    keep.append(path.hasSuffix("/") ? String(path.dropLast()) : path)
                }
            }
            let nextUpdate = try fields.optional("next_update").map { value throws(Diagnostic) in try NextUpdate.read(value) }
            warnings += fields.unknownKeys(known: Self.knownKeys)
            var config = SiteConfig(
                title: title, description: description, baseURL: baseURL, language: language, theme: theme,
                themeLocation: themeValue?.location ?? SourceLocation(file: file.path),
                area: area, comparators: comparators, allowRawHTML: allowRawHTML, organisation: organisation, extra: extra)
            config.keep = keep
            config.nextUpdate = nextUpdate
            return config
        }
        bag.add(contentsOf: warnings)
        if let config, !bag.hasErrors {
            var seen: [String: AreaConfig] = [:]
            for area in [config.area] + config.comparators {
                if let first = seen[area.id] {
                    bag.add(.error(at: area.location, "the area id `\(area.id)` is used twice (first at line \(first.location.line ?? 0))", hint: "give each area its own id"))
                }
                seen[area.id] = area
            }
        }
        guard let config, !bag.hasErrors else { throw DiagnosticList(DiagnosticBag.sorted(bag.errors)) }
        return (config, bag.warnings)
    }

    private static func area(_ value: YAMLValue, what: String, warnings: inout [Diagnostic]) throws(Diagnostic) -> AreaConfig {
        var fields = try YAMLFields(value, what: what)
        let id = try fields.required("id", hint: "add a short id used in the data files, e.g. `id: our-borough`").string("`id`")
        let name = try fields.required("name", hint: "add the name as it reads in a sentence, e.g. `name: the North East`").string("`name`")
        let code = try fields.optional("code")?.string("`code`").trimmingSpaces()
        warnings += fields.unknownKeys(known: areaKeys)
        return AreaConfig(id: id, name: name, code: code, location: value.location)
    }

    /// The address every page names as its own, in the sitemap and the feed: only a plain web
    /// address is accepted (no credentials, query, fragment, spaces or markup), so nothing odd is
    /// printed on every page.
    static func checkedBaseURL(_ text: String, at location: SourceLocation) throws(Diagnostic) -> String {
        let example = "write the address the site is published at, e.g. `https://www.example.gov.uk/safer/`"
        func refuse(_ why: String, hint: String = example) -> Diagnostic {
            .error(at: location, "`baseURL` \(why), but it is `\(SafeText.terminal(text))`", hint: hint)
        }
        if let odd = text.unicodeScalars.first(where: { $0.value <= 0x20 || $0.value >= 0x7F || "<>\"'`{}|\\^".unicodeScalars.contains($0) }) {
            throw refuse(odd == " " ? "cannot contain spaces" : "cannot contain `\(SafeText.terminal(String(odd)))`",
                         hint: "write the address as a browser shows it, with %20 for a space and an international domain in its xn-- form")
        }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              text.lowercased().hasPrefix(scheme + "://"), let host = url.host, !host.isEmpty else {
            throw refuse("should be a full web address starting with https://")
        }
        if url.user != nil || url.password != nil {
            throw refuse("must not hold a user name or password", hint: "remove the part before `@`: the address is printed on every page")
        }
        let isIPv6 = host.hasPrefix("[") || host.contains(":")
        if !isIPv6, host.hasPrefix(".") || host.hasSuffix(".") || host.contains("..") || host.hasPrefix("-")
            || !host.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "." }) {
            throw refuse("has a host name that is not valid (`\(SafeText.terminal(host))`)")
        }
        if let port = url.port, !(1...65535).contains(port) {
            throw refuse("has the port \(port), which no address can have", hint: "ports run from 1 to 65535; leave it out for the usual 443")
        }
        if text.contains("?") || text.contains("#") {
            throw refuse("cannot have a query (`?`) or a fragment (`#`)", hint: "give the folder the site is published in, e.g. `https://www.example.gov.uk/safer/`")
        }
        let path = url.path
        if path.contains("//") || path.split(separator: "/").contains(where: { $0 == "." || $0 == ".." }) {
            throw refuse("has a path with `//`, `.` or `..` in it", hint: "write the folder's path plainly, e.g. `/safer/`")
        }
        return text.hasSuffix("/") ? text : text + "/"
    }
}

/// When the next update of the figures is due (`next_update:` in site.yaml), as official
/// statistics announce it: a month or a day, shown on the home page and with the downloads.
public struct NextUpdate: Sendable, Equatable {
    /// As written, for `<time datetime>`: `2027-03` or `2027-03-31`.
    public var date: String
    public var location: SourceLocation

    /// "March 2027", "31 March 2027".
    public var text: String { ISODate.text(date) }

    /// The last day it may be published on, `YYYY-MM-DD`: the month's last day for a month.
    public var lastDay: String { ISODate.lastDay(date) }

    static func read(_ value: YAMLValue) throws(Diagnostic) -> NextUpdate {
        let text = try value.string("`next_update`").trimmingSpaces()
        guard ISODate.isValidMonth(text) || ISODate.isValid(text) else {
            throw .error(at: value.location, "`next_update` should be a month or a day written year-month(-day), but it is `\(SafeText.terminal(text))`",
                         hint: "write it like `2027-03` (a month) or `2027-03-31` (a day), in quotes if your editor changes it")
        }
        return NextUpdate(date: text, location: value.location)
    }
}
