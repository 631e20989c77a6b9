import Foundation
import SaferCore
import SaferRender

/// The folder `safersite init` writes: a small site that builds and passes `check` at once, for a
/// council to make its own. Its numbers are invented and say so wherever they appear.
public enum StarterSite {
    /// Writes the starter into `folder` (made if missing); refuses a folder that holds anything.
    public static func write(into folder: URL) throws(Diagnostic) {
        try InsideSite.check(folder, site: folder, includingSite: true)
        try NewFolder.write(files, into: folder, example: "safersite init my-site")
    }

    /// Each file by its path in the site folder.
    public static let files: [(path: String, text: String)] = [
        ("site.yaml", """
        # Your strategy site's settings. Replace each value with your own; every key is explained in
        # SaferSite's README ("site.yaml").

        # The site's name, in every page's title and header, and a sentence about it for search engines.
        title: Safer Exampleton
        description: Our strategy to prevent violence, with the numbers behind it.
        # Where the site will be published: used for canonical links, the feed and the site map.
        baseURL: https://www.example.gov.uk/safer/
        language: en-GB
        # Who publishes the strategy, shown in the footer.
        organisation: Exampleton Community Safety Partnership
        # The area the strategy is about: `id` is what the data files write in their `area` column,
        # `name` how the area reads in a sentence, and `code` its ONS code, which matches the rows
        # of a Fingertips download (see the README, "Fingertips downloads").
        area:
          id: exampleton
          name: Exampleton
          # code: E06000000
        # The areas the figures are compared with, in the order sentences name them.
        comparators:
          - id: england
            name: England
            code: E92000001
          - id: region
            name: the region
        # Free values for the theme: the default theme links the accessibility statement from every page.
        extra:
          accessibility_statement: accessibility/

        """),
        ("content/index.md", """
        ---
        title: Safer Exampleton
        nav_title: Home
        description: Exampleton's strategy to prevent violence, and the numbers behind it.
        order: 1
        ---
        **This is a starter site.** Its words are placeholders and its numbers are sample data,
        invented to show how SaferSite works: replace both with your own before you publish.

        Exampleton is a safe place, and together we can make it safer. This site sets out how the
        partners in our community safety partnership will prevent violence, and [the numbers behind
        it](numbers.md).

        ## How this site works {#how-it-works}

        - Pages are the Markdown files in `content/`. Their `order` puts them in the navigation.
        - Numbers are never typed into the text: a page names a figure, such as `{{population}}`,
          and SaferSite works it out from the files in `content/data/`.
        - Charts are drawn from the same data, each with a description, a table and a CSV download.
        - `safersite check` tells you about anything that needs fixing, with the file and line.

        """),
        ("content/numbers.md", """
        ---
        title: Our numbers
        description: Violence in Exampleton and how it compares, worked out from the data (sample data).
        order: 2
        ---
        These numbers are **sample data**, invented to show how the site works. Every one is worked
        out from the files in `content/data/`: change a value there and every sentence, chart and
        download that uses it follows.

        {{population}} people live in Exampleton ({{population.period}}).

        Violence with injury {{violence_change.has_risen_or_fallen}}: a {{violence_change}} from
        {{violence_change.period}}. The rate is now {{violence_comparison.direction}}.

        About {{feel_safe_frequency}} residents feel safe outside after dark.

        ```chart
        type: trend
        indicator: violence_with_injury
        ```

        ```chart
        type: comparison
        indicator: violence_with_injury
        ```

        """),
        ("content/accessibility.md", """
        ---
        title: Accessibility statement
        nav_title: Accessibility
        description: How accessible this website is, and how to report a problem or ask for another format.
        ---
        This accessibility statement applies to this website. Replace it with your organisation's own
        statement: the GOV.UK sample accessibility statement shows what it must say.

        We want as many people as possible to be able to use this website. You should be able to:

        - change colours, contrast levels and fonts using your browser or device settings
        - zoom in up to 400% without the text spilling off the screen
        - read every page on a screen 320 pixels wide without scrolling sideways
        - get around the whole website using just a keyboard
        - listen to the website using a screen reader
        - read every chart as a table of figures, and download the data behind it

        ## How accessible this website is {#how-accessible}

        The website needs no JavaScript and loads nothing from other websites. Every chart has a
        text description, a table of its data and a CSV download.

        ## Reporting a problem {#reporting-a-problem}

        Tell us which page and what the problem is, and we will reply within 5 working days.
        (Replace this with your contact details.)

        """),
        ("content/data/indicators.yaml", """
        # SAMPLE DATA. What each indicator measures; the numbers in observations.csv are invented.
        # Replace each source with where your figures come from, and every row of observations.csv
        # with your own values, before you publish.
        # unit: people, count, percent, percent change, rate per 100 / 1,000 / 10,000 / 100,000, times.
        # polarity: high is good, low is good, no judgement.

        population:
          title: People living in the area
          unit: people
          polarity: no judgement
          source: Sample data (invented; replace with your own)

        violence_with_injury:
          title: Violence with injury offences
          unit: rate per 1,000
          rate_of: residents
          polarity: low is good
          source: Sample data (invented; replace with your own)

        feel_safe:
          title: Residents who feel safe outside after dark
          unit: percent
          polarity: high is good
          source: Sample data (invented; replace with your own)

        """),
        ("content/data/observations.csv", """
        indicator,area,period,value,lower,upper,note
        population,exampleton,2024,150000,,,Sample data: invented
        violence_with_injury,exampleton,2021/22,9.8,,,Sample data: invented
        violence_with_injury,exampleton,2022/23,9.1,,,Sample data: invented
        violence_with_injury,exampleton,2023/24,8.4,,,Sample data: invented
        violence_with_injury,england,2023/24,9.0,,,Sample data: invented
        violence_with_injury,region,2023/24,10.2,,,Sample data: invented
        feel_safe,exampleton,2024,64,61,67,Sample data: invented
        feel_safe,england,2024,70,,,Sample data: invented

        """),
        ("content/data/figures.yaml", """
        # Figures worked out from the data: each has an id that pages cite as {{id}}.
        # Every indicator is a figure too ({{population}}). Kinds and their keys: see the README.

        violence_change:
          kind: percent_change
          title: Change in the rate of violence with injury
          from: {indicator: violence_with_injury, period: 2021/22}
          to: {indicator: violence_with_injury, period: 2023/24}

        violence_comparison:
          kind: comparison
          title: Violence with injury, Exampleton compared with England and the region
          indicator: violence_with_injury
          against: [england, region]

        feel_safe_frequency:
          kind: natural_frequency
          title: Residents who feel safe outside after dark, as a natural frequency
          share: feel_safe

        """),
    ]
}
