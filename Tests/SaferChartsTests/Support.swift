import Foundation
import Testing
@testable import SaferCharts
import SaferTestSupport

/// Golden files live beside this source file. Regenerate them all with:
///     UPDATE_GOLDEN=1 swift test --filter SaferChartsTests   (or make golden)
/// then review the diff of Tests/SaferChartsTests/Golden/ before committing.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var updating: Bool { SaferTestSupport.Golden.updating }

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try? String(contentsOf: url, encoding: .utf8)
        #expect(expected != nil, "missing golden file \(name); run with UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
        guard let expected else { return }
        if expected != actual {
            let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
            let want = line < a.count ? String(a[line]) : "<end>"
            let got = line < b.count ? String(b[line]) : "<end>"
            Issue.record("\(name) differs from its golden file at line \(line + 1):\n  expected: \(want)\n  actual:   \(got)\nRun with UPDATE_GOLDEN=1 and review the diff if the change is intended.", sourceLocation: sourceLocation)
        }
    }
}

/// Layout problems found from the scene's own geometry: overlapping or clipped text.
func layoutProblems(in scene: Scene) -> [String] {
    var problems: [String] = []
    let texts = scene.texts
    for text in texts where !scene.bounds.contains(text.bounds) {
        problems.append("\"\(text.lines.joined(separator: " / "))\" at \(text.bounds) leaves the viewBox \(scene.bounds)")
    }
    for (i, first) in texts.enumerated() {
        for second in texts[(i + 1)...] where first.bounds.overlaps(second.bounds) {
            problems.append("\"\(first.lines.joined(separator: " / "))\" overlaps \"\(second.lines.joined(separator: " / "))\"")
        }
    }
    for primitive in scene.primitives {
        switch primitive {
        case .rect(let rect, _, _) where !scene.bounds.contains(rect):
            problems.append("rect \(rect) leaves the viewBox")
        case .circle(let center, let radius, _, _)
            where !scene.bounds.contains(Rect(x: center.x - radius, y: center.y - radius, width: 2 * radius, height: 2 * radius)):
            problems.append("circle at \(center) leaves the viewBox")
        case .polyline(let points, _, _) where points.contains(where: { !scene.bounds.contains(Rect(x: $0.x, y: $0.y, width: 0, height: 0)) }):
            problems.append("line \(points) leaves the viewBox")
        default:
            break
        }
    }
    return problems
}

/// Text marks (data labels, category labels…) must not overlap bars either; returns offenders.
func textsOverlappingBars(in scene: Scene) -> [String] {
    let bars = scene.primitives.compactMap { primitive -> Rect? in
        if case .rect(let rect, _, let cssClass) = primitive, cssClass.hasPrefix("sc-bar") || cssClass.hasPrefix("sc-segment") { return rect }
        return nil
    }
    return scene.texts.flatMap { text in
        bars.filter { text.bounds.overlaps($0) }.map { "\"\(text.lines.joined(separator: " / "))\" overlaps bar \($0)" }
    }
}

/// A tiny deterministic pseudo-random generator for property tests (same cases every run).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state
    }
}
