import Testing
@testable import SaferBuild

/// One classification of a changed path (`ChangeKind`) decides both what a rebuild reads again
/// and how the change is told.
@Suite struct ChangeKindTests {
    @Test(arguments: [
        ("content/data/observations.csv", ChangeKind.data),
        ("content/data", .data),
        ("content/data/notes.md", .data),
        ("content/data.md", .pages),
        ("content/plan.md", .pages),
        ("content/strategy/plan.md", .pages),
        ("content/lists/goals.yaml", .lists),
        ("content/images/map.png", .contentFiles),
        ("content", .contentFiles),
        ("content/", .contentFiles),
        ("site.yaml", .settings),
        ("themes/default/templates/layouts/page.mustache", .templates),
        ("templates/blocks/roles.mustache", .templates),
        ("themes/default/static/css/site.css", .assets),
        ("static/logo.svg", .assets),
        ("themes/default/theme.yaml", .theme),
    ] as [(String, ChangeKind)])
    func aPathHasOneKind(path: String, kind: ChangeKind) {
        #expect(ChangeKind(path: path) == kind)
    }

    @Test(arguments: [
        (["content/data/observations.csv"], false, true),
        (["content/data/observations.csv", "content/data/observations.csv.new"], false, true),
        (["content/data"], false, true),
        (["themes/default/templates/layouts/page.mustache", "themes/default/static/css/site.css"], false, true),
        (["content/plan.md"], false, false),
        (["content/lists/goals.yaml"], false, false),
        (["content/images/map.png"], false, false),
        (["content"], false, false),
        (["site.yaml"], false, false),
        (["content/data/observations.csv"], true, false),
        ([], false, false),
        (["content/data/observations.csv", "content/plan.md"], false, false),
    ] as [([String], Bool, Bool)])
    func onlyChangesThePageReadingDoesNotReadLeaveItsContent(paths: [String], missedEvents: Bool, reusable: Bool) {
        #expect(SiteChanges(paths: paths, missedEvents: missedEvents).leavesPagesUnchanged == reusable)
    }

    @Test func theLogNamesEachKindOnceInOneOrder() {
        let changes = SiteChanges(paths: ["themes/default/static/css/site.css", "content/data/a.csv", "content/data/b.csv", "content/plan.md"])
        #expect(changes.kinds == [.pages, .data, .assets])
        #expect(changes.summary == "content/data/a.csv, content/data/b.csv, content/plan.md, themes/default/static/css/site.css (pages, data, assets)")
        #expect(SiteChanges(paths: [], missedEvents: true).summary == "unknown files (anything: the watcher missed events)")
    }
}
