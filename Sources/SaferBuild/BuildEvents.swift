import Foundation
import SaferCore

/// The steps of a build, in the order they run (after Publish's pipeline). Each step's start,
/// time and problems are told as `BuildEvent`s under its name, for `--verbose` and the preview.
public enum BuildStep: String, Sendable, CaseIterable {
    /// The pages, with the theme, data, figures and downloads alongside on the other core.
    case read = "read the site"
    case copyFiles = "copy static files and assets"
    case editions = "build earlier editions"
    case render = "render the pages"
    case claims = "check the words about numbers"
    case downloads = "write the downloads"
    case siteMap = "write the site map and feed"
    case measure = "measure page weights"
    case write = "write the output folder"
}

/// What a build tells while it runs: structured, so the command line and the preview choose what
/// to show by kind, never by reading log text.
public enum BuildEvent: Sendable {
    /// The cache's work was thrown away before the build began (`reason`: what changed).
    case startingAfresh(reason: String)
    case started(BuildStep, detail: String)
    case finished(BuildStep, seconds: Double, errors: Int, warnings: Int, detail: String)
    /// A part of a step begun (an earlier edition).
    case progress(BuildStep, String)
    /// What an incremental build did to each page, and why.
    case pages([RenderDecision])
    /// Something worth saying that is not a problem with the site (the cache could not be saved).
    case note(String)

    /// The event in words, a line each.
    public var lines: [String] {
        switch self {
        case .startingAfresh(let reason): return ["Starting afresh: \(reason)"]
        case .started(let step, let detail): return ["Start: \(step.rawValue)" + (detail.isEmpty ? "" : " (\(detail))")]
        case .finished(let step, let seconds, let errors, let warnings, let detail):
            var line = String(format: "%@: %.3fs", step.rawValue.prefix(1).uppercased() + step.rawValue.dropFirst(), seconds)
            if !detail.isEmpty { line += " (\(detail))" }
            if errors + warnings > 0 { line += ", " + DiagnosticPrinter.summary(errors: errors, warnings: warnings) }
            return [line]
        case .progress(let step, let detail): return ["\(step.rawValue): \(detail)"]
        case .pages(let decisions): return RenderDecision.summary(decisions)
        case .note(let text): return [text]
        }
    }

    /// News for every rebuild of `serve` and `build --watch`, not only with `--verbose`: which pages
    /// were built again and why, and anything the cache has to say.
    public var isRebuildNews: Bool {
        switch self {
        case .startingAfresh, .pages, .note: return true
        case .started, .finished, .progress: return false
        }
    }
}

/// How `--verbose` shows a build's events: a line for each step as it ends, with the time since
/// the build began, its own time and its problems.
public enum BuildLog {
    public static func lines(_ event: BuildEvent, since start: Date) -> [String] {
        if case .started = event { return [] }
        let time = String(format: "%6.3fs  ", Date().timeIntervalSince(start))
        return event.lines.map { time + $0 }
    }
}

/// Runs a build's steps, telling each one's start and end with its time and the problems found in it.
final class BuildRun {
    let tell: (BuildEvent) -> Void
    var bag = DiagnosticBag()

    init(tell: @escaping (BuildEvent) -> Void) {
        self.tell = tell
    }

    /// Runs `body` as `step`; `detail` says what it worked on, for the log.
    func step<T, E: Error>(_ step: BuildStep, _ detail: String = "", _ body: () throws(E) -> T) throws(E) -> T {
        let start = Date()
        let before = (errors: bag.errors.count, warnings: bag.warnings.count)
        tell(.started(step, detail: detail))
        let result: T
        do { result = try body() } catch {
            finish(step, start: start, before: before, detail: detail)
            throw error
        }
        finish(step, start: start, before: before, detail: detail)
        return result
    }

    private func finish(_ step: BuildStep, start: Date, before: (errors: Int, warnings: Int), detail: String) {
        tell(.finished(step, seconds: Date().timeIntervalSince(start), errors: bag.errors.count - before.errors,
                       warnings: bag.warnings.count - before.warnings, detail: detail))
    }
}

/// What kind of file a changed path is (after Zola's `ChangeKind`): one classification that
/// decides both what a rebuild reads again and how the change is told.
public enum ChangeKind: Int, Sendable, Comparable, CaseIterable {
    /// The watcher lost events (its queue overflowed): anything may have changed.
    case anything
    case settings, pages, lists, contentFiles, data, templates, assets, theme

    /// The kind of a path below the site folder, as the watcher reports it.
    public init(path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        switch parts.first {
        case "site.yaml" where parts.count == 1: self = .settings
        case "content":
            switch parts.dropFirst().first {
            case "data": self = .data
            case "lists": self = .lists
            case _ where path.hasSuffix(".md"): self = .pages
            default: self = .contentFiles
            }
        case _ where parts.contains("templates"): self = .templates
        case _ where parts.contains("static"): self = .assets
        default: self = .theme
        }
    }

    /// Whether the pages must be read again: every kind but data, templates, assets and the theme
    /// (the content folder is listed again, since pages and files may have come or gone).
    public var rereadsPages: Bool {
        switch self {
        case .anything, .settings, .pages, .lists, .contentFiles: return true
        case .data, .templates, .assets, .theme: return false
        }
    }

    public var words: String {
        switch self {
        case .anything: return "anything: the watcher missed events"
        case .settings: return "the site's settings: everything is built again"
        case .pages: return "pages"
        case .lists: return "lists"
        case .contentFiles: return "content files"
        case .data: return "data"
        case .templates: return "templates"
        case .assets: return "assets"
        case .theme: return "theme"
        }
    }

    public static func < (lhs: ChangeKind, rhs: ChangeKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What the watcher saw change since the last build.
public struct SiteChanges: Sendable, Equatable {
    /// Paths below the site folder, sorted.
    public var paths: [String]
    /// Events were lost: the paths are not all that changed.
    public var missedEvents: Bool

    public init(paths: [String], missedEvents: Bool = false) {
        self.paths = paths.sorted()
        self.missedEvents = missedEvents
    }

    /// The kinds of change, each once, in `ChangeKind` order.
    public var kinds: [ChangeKind] {
        Set(paths.map(ChangeKind.init(path:)) + (missedEvents ? [.anything] : [])).sorted()
    }

    public var isEmpty: Bool { paths.isEmpty && !missedEvents }

    /// Whether the pages read last time can be used as they are: something changed, and nothing
    /// the page reading reads.
    var leavesPagesUnchanged: Bool { !isEmpty && !kinds.contains(where: \.rereadsPages) }

    /// For the log: "content/data/a.csv, site.yaml (data, the site's settings: ...)".
    public var summary: String {
        let shown = paths.prefix(5).joined(separator: ", ") + (paths.count > 5 ? " and \(paths.count - 5) more" : "")
        return (shown.isEmpty ? "unknown files" : shown) + " (\(kinds.map(\.words).joined(separator: ", ")))"
    }
}
