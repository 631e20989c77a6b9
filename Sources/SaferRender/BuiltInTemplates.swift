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
        // A chart with its caption, description, source, data table and CSV (see `ChartName`).
        ChartName.template: """
        <figure class="chart" id="{{id}}">
        <figcaption><span class="chart__title">{{title}}</span> <span class="chart__subtitle">{{subtitle}}{{#noteReferences}}{{> charts/note-reference}}{{/noteReferences}}</span></figcaption>
        {{{svg}}}
        <p class="chart__description">{{description}}</p>
        <p class="chart__source">{{source}}</p>
        {{#notes}}
        <div class="chart__notes"><p class="chart__notes-title">Notes</p>
        <ol class="notes">
        {{#items}}
        <li id="{{anchor}}" value="{{number}}">{{text}}</li>
        {{/items}}
        </ol></div>
        {{/notes}}
        {{#table}}
        <details><summary>Show the data as a table</summary>
        <div class="table-wrap" role="region" aria-labelledby="{{id}}-caption" tabindex="0"><table class="data-table">
        <caption id="{{id}}-caption">{{subtitle}}</caption>
        <thead><tr>{{#headers}}<th scope="col">{{.}}</th>{{/headers}}</tr></thead>
        <tbody>
        {{#rows}}
        <tr><th scope="row">{{label}}{{#notes}}{{> charts/note-reference}}{{/notes}}</th>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>
        {{/rows}}
        </tbody>
        </table></div>
        </details>
        {{/table}}
        <p class="chart__download"><a href="{{download.url}}" download>{{download.text}}</a></p>
        </figure>
        """,
        // A note's number where it applies, linking to the note; read as "note 2".
        "charts/note-reference": """
        <sup class="note-ref"><a href="#{{anchor}}"><span class="visually-hidden">note </span>{{number}}</a></sup>
        """,
        // The printed report, when the build made one (`build --pdf`); hidden in print, where a
        // document would link to itself.
        "blocks/report-pdf": """
        {{#downloads}}{{#isReport}}<p class="report-pdf"><a href="{{url}}" download>{{title}}</a> ({{format}}, {{size}})</p>{{/isReport}}{{/downloads}}
        """,
        // Where the data's values come from (`sources`): each source, linked when its address is
        // known, with the measures whose values it gives and their periods; nothing without data.
        "blocks/sources": """
        {{^empty(sources)}}<ul class="sources">
        {{#sources}}
        <li class="sources__item"><p class="sources__name">{{#url}}<a href="{{url}}">{{text}}</a>{{/url}}{{^url}}{{text}}{{/url}}</p>
        <details><summary>{{countText}} from this source</summary>
        <ul class="sources__indicators">
        {{#indicators}}
        <li>{{title}} ({{periods}})</li>
        {{/indicators}}
        </ul></details></li>
        {{/sources}}
        </ul>{{/empty(sources)}}
        """,
        "blocks/downloads": """
        <ul class="downloads">
        {{#downloads}}
        <li><a href="{{url}}" download>{{title}}</a> ({{format}}, {{size}})</li>
        {{/downloads}}
        </ul>
        {{#site.nextUpdate}}
        <p class="next-update">The next update of these figures is due {{when}} <time datetime="{{datetime}}">{{text}}</time>.</p>
        {{/site.nextUpdate}}
        """,
    ]

    static var sources: [TemplateSource] {
        all.map { name, text in
            TemplateSource(name: name, file: TextFile(path: "(built-in)/\(name).mustache", text: text))
        }
    }
}
