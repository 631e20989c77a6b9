import Foundation
import SaferTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Kills real `safersite build` processes at random moments and checks that `output/` is always
/// one whole build: the previous one or the new one, never a mixture, never missing.
@Suite struct AtomicOutputTests {
    static let pageCount = 2_000

    /// Northbrook with 2,000 more pages, in one of two versions that give different outputs.
    func writePages(_ site: TestSite, version: String) throws {
        let paragraph = String(repeating: "Violence is preventable, not inevitable. ", count: 20)
        for index in 0..<Self.pageCount {
            try site.write("content/generated/page-\(index).md", """
                ---
                title: Page \(index), \(version) version
                ---
                ## What we heard

                \(version.capitalized): \(paragraph)

                Back to [the plan](../plan.md).

                """)
        }
    }

    func build(_ site: TestSite) throws -> Process {
        try SaferSiteBinary.start(["build", "--site", site.folder.path]).process
    }

    @Test func killingABuildAtRandomMomentsLeavesAWholeOutput() throws {
        let site = try TestSite(copying: "northbrook")
        try writePages(site, version: "first")
        let firstBuild = try build(site)
        firstBuild.waitUntilExit()
        try #require(firstBuild.terminationStatus == 0)
        let first = TestSite.tree(site.output)

        try writePages(site, version: "second")
        let started = Date()
        let secondBuild = try build(site)
        secondBuild.waitUntilExit()
        let duration = Date().timeIntervalSince(started)
        try #require(secondBuild.terminationStatus == 0)
        let second = TestSite.tree(site.output)
        try #require(first != second)
        try #require(first.count > Self.pageCount)

        var generator = SystemRandomNumberGenerator()
        var finished = 0, killed = 0
        // How long a whole build takes, learnt as we go: other tests may be sharing the machine.
        var estimate = duration
        let attempts = 20
        for attempt in 0..<attempts {
            try writePages(site, version: attempt % 2 == 0 ? "first" : "second")
            let start = Date()
            let process = try build(site)
            // Anywhere from the start to nearly the end of a build (a few finish anyway).
            let delay = Double.random(in: 0...(estimate * 0.9), using: &generator)
            usleep(useconds_t(delay * 1_000_000))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
            if process.terminationReason == .exit {
                finished += 1
                estimate = min(estimate, Date().timeIntervalSince(start))
            }
            let tree = TestSite.tree(site.output)
            #expect(tree == first || tree == second, "attempt \(attempt), killed after \(delay) s: output/ has \(tree.count) files, a whole build has \(first.count)")
        }
        #expect(killed >= attempts / 2, "only \(killed) builds were killed before they finished")

        // The next build finishes, and clears the half-written folders of the killed ones.
        let last = try build(site)
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.folder.path).filter { $0.hasPrefix(".output.") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        print("AtomicOutputTests: a whole build took \(Int(duration * 1000)) ms; \(killed) of \(attempts) builds killed part-way, \(finished) finished, output/ whole every time")
    }
}
