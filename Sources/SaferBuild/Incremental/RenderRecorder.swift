import Foundation
import SaferCore
import SaferMarkdown
import SaferRender

/// Writes down the questions one page's rendering asks, with hashes of their answers. One per page
/// render; the lock keeps it safe if a transform ever runs on another thread.
final class RenderRecorder: RenderObserver, @unchecked Sendable {
    // @unchecked: every field is read and changed under `lock`.
    private let lock = NSLock()
    private let answers: SiteAnswers
    private var seen: Set<RecordedDependency> = []
    private var recorded: [RecordedDependency] = []
    /// What the layout was given: the body and headings, kept so the layout can be applied again.
    private var given: (body: String, headings: [Heading])?
    /// What the layout looked up (see `SiteAnswers.layoutKey`).
    let layoutReads = ReadLog()

    init(answers: SiteAnswers) {
        self.answers = answers
    }

    var dependencies: [RecordedDependency] { lock.withLock { recorded } }
    var laidOut: (body: String, headings: [Heading])? { lock.withLock { given } }

    func asked(_ dependency: RenderDependency, answer: RenderAnswer) {
        let hash: UInt64 = switch answer {
        case .text(let text): TraceHash.of(text)
        case .link(let resolution): TraceHash.of(resolution)
        case .drawing: answers.drawingAnswer(dependency) ?? 0
        }
        let entry = RecordedDependency(dependency: dependency, answer: hash)
        lock.withLock {
            if seen.insert(entry).inserted { recorded.append(entry) }
        }
    }

    func layingOut(body: String, headings: [Heading]) -> ReadLog {
        lock.withLock { given = (body, headings) }
        return layoutReads
    }
}
