import SaferCore

/// Templates SaferSite needs for the pages it makes itself. A theme or site overrides any of them
/// by having a template with the same name (after Zola: site over theme over built-ins).
enum BuiltInTemplates {
    static let all: [String: String] = [
        // One line per figure: this page lists every figure, so its markup is kept lean.
        "blocks/figures": """
        <div class="figure-list">
        {{#figures}}
        <section class="figure-entry" id="{{anchor}}"><h2>{{title}}</h2><dl><dt>Figure</dt><dd>{{text}}</dd>{{#formula}}<dt>How it is worked out</dt><dd>{{formula}}</dd>{{/formula}}{{#area}}<dt>Area</dt><dd>{{area}}</dd>{{/area}}<dt>Period</dt><dd>{{#period}}{{period}}{{/period}}{{^period}}not stated{{/period}}</dd><dt>Source</dt><dd>{{#sourceURL}}<a href="{{sourceURL}}">{{source}}</a>{{/sourceURL}}{{^sourceURL}}{{source}}{{/sourceURL}}</dd>{{#check}}<dt>Check against the published text</dt><dd>{{summary}}</dd>{{/check}}{{#notes}}<dt>Notes</dt><dd>{{notes}}</dd>{{/notes}}</dl></section>
        {{/figures}}
        </div>
        """,
        "blocks/downloads": """
        <ul class="downloads">
        {{#downloads}}
        <li><a href="{{url}}" download>{{title}}</a> ({{format}}, {{size}})</li>
        {{/downloads}}
        </ul>
        """,
    ]

    static var sources: [TemplateSource] {
        all.map { name, text in
            TemplateSource(name: name, file: TextFile(path: "(built-in)/\(name).mustache", text: text))
        }
    }
}
