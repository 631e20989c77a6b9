import Testing
@testable import SaferBuild

/// Which changes the watcher reports let a rebuild reuse the pages it read last time.
@Suite struct UnchangedContentTests {
    @Test(arguments: [
        (["content/data/observations.csv"], true),
        (["content/data/observations.csv", "content/data/observations.csv.new"], true),
        (["content/data"], true),
        (["themes/default/templates/layouts/page.mustache", "themes/default/static/css/site.css"], true),
        (["content/plan.md"], false),
        (["content/lists/goals.yaml"], false),
        (["content/images/map.png"], false),
        (["content"], false),
        (["content/"], false),
        (["site.yaml"], false),
        (["*"], false),
        ([], false),
        (["content/data/observations.csv", "content/plan.md"], false),
    ] as [([String], Bool)])
    func onlyChangesThePageReadingDoesNotReadLeaveItsContent(paths: [String], reusable: Bool) {
        #expect(BuildCache.leaveContentUnchanged(paths) == reusable)
    }
}
