import Foundation
import SaferCore

/// The data behind the site as files readers can download: every observation and every computed
/// figure as CSV and JSON, and a Frictionless `datapackage.json` describing them. Each function
/// returns the file's contents; output is deterministic (fixed order, sorted keys, fixed number
/// formatting), so an unchanged data folder gives unchanged downloads.
public enum Downloads {
    public static let observationsCSVName = "observations.csv"
    public static let observationsJSONName = "observations.json"
    public static let figuresCSVName = "figures.csv"
    public static let figuresJSONName = "figures.json"
    public static let dataPackageName = "datapackage.json"

    static let observationColumns = [
        "indicator", "indicator_title", "area", "area_name", "period", "value", "unit",
        "lower", "upper", "numerator", "denominator", "note", "source", "source_url",
    ]
    static let figureColumns = [
        "id", "kind", "title", "text", "value", "exact_value", "unit", "formula", "period", "area",
        "source", "source_url", "stated", "check", "check_detail", "notes", "defined_at",
    ]

    // MARK: Observations

    public static func observationsCSV(_ data: DataSet) -> String {
        String(decoding: ObservationDownloads(data).csv, as: UTF8.self)
    }

    public static func observationsJSON(_ data: DataSet) -> String {
        String(decoding: ObservationDownloads(data).json, as: UTF8.self)
    }

    // MARK: Figures

    public static func figuresCSV(_ book: FigureBook) -> String {
        CSVCells.write(header: figureColumns, rows: book.figures.map { figure in
            let row = figureRow(figure)
            return figureColumns.map { row[$0] ?? "" }
        })
    }

    public static func figuresJSON(_ book: FigureBook) -> String {
        JSONText.array(book.figures.map(figureJSON)).text
    }

    private static func figureRow(_ figure: Figure) -> [String: String] {
        [
            "id": figure.id,
            "kind": figure.kind.rawValue,
            "title": figure.title,
            "text": figure.text,
            "value": figure.value.map { NumberStyle.format($0, decimals: figure.decimals, separators: false) } ?? "",
            "exact_value": figure.value.map { NumberStyle.plain($0) } ?? "",
            "unit": figure.unit.map { "\($0)" } ?? "",
            "formula": figure.formula ?? "",
            "period": figure.period.labelOrNotStated,
            "area": figure.area?.id ?? "",
            "source": figure.source,
            "source_url": figure.sourceURL ?? "",
            "stated": figure.stated ?? "",
            "check": figure.check?.status.rawValue ?? "",
            "check_detail": figure.check?.summary ?? "",
            "notes": figure.notes.joined(separator: " "),
            "defined_at": figure.definedAt.description,
        ]
    }

    static func figureJSON(_ figure: Figure) -> JSONText {
        var members: [String: JSONText] = [:]
        for (key, value) in figureRow(figure) { members[key] = value.isEmpty ? .null : .string(value) }
        members["value"] = figure.value.map { .number(NumberStyle.format($0, decimals: figure.decimals, separators: false)) } ?? .null
        members["exact_value"] = .number(figure.value)
        members["decimals"] = .number(String(figure.decimals))
        members["notes"] = .array(figure.notes.map { .string($0) })
        members["forms"] = .object(Dictionary(figure.forms.map { ($0.name, JSONText.string($0.text)) }, uniquingKeysWith: { first, _ in first }))
        members["inputs"] = .array(figure.inputs.map { input in
            .object([
                "role": .string(input.role), "figure": .string(input.figureID), "indicator": .string(input.indicator),
                "area": .string(input.area), "period": .string(input.period?.label), "text": .string(input.text),
                "rounded_to": input.roundedTo.map { .number(String($0)) } ?? .null,
            ])
        })
        members["comparisons"] = .array(figure.comparisons.map { result in
            .object([
                "area": .string(result.comparator.id), "area_name": .string(result.comparator.name),
                "value": .number(result.comparatorValue), "direction": .string(result.direction.rawValue),
                "tested": .bool(result.tested), "outcome": .string(result.outcome.rawValue), "words": .string(result.words),
            ])
        })
        return .object(members)
    }

    // MARK: Data package

    /// A Frictionless Data Package (https://specs.frictionlessdata.io/data-package/) describing the
    /// four downloads, with `sources` (each with its `title` and, when known, its address as `path`),
    /// every source the data use (`DataSet.sources()`). `name` must be lower-case letters, digits,
    /// `-`, `_` and `.`.
    public static func dataPackage(name: String, title: String, sources: [Source] = []) -> String {
        func field(_ name: String, _ type: String, _ description: String) -> JSONText {
            .object(["name": .string(name), "type": .string(type), "description": .string(description)])
        }
        let observationFields: [JSONText] = observationColumns.map { column in
            let numeric = ["value", "lower", "upper", "numerator", "denominator"].contains(column)
            let shorthand = column == "value" ? "; " + WithheldValue.Status.allCases.map { "\($0.shorthand) \($0.meaning)" }.joined(separator: ", ") + " (the note says why)" : ""
            return field(column, numeric ? "number" : "string", (columnDescriptions[column] ?? column) + shorthand)
        }
        let figureFields: [JSONText] = figureColumns.map { column in
            field(column, ["value", "exact_value"].contains(column) ? "number" : "string", columnDescriptions[column] ?? column)
        }
        func tabular(_ name: String, _ path: String, _ title: String, _ fields: [JSONText], missing: [String] = [""]) -> JSONText {
            .object([
                "name": .string(name), "path": .string(path), "title": .string(title), "profile": .string("tabular-data-resource"),
                "format": .string("csv"), "mediatype": .string("text/csv"), "encoding": .string("utf-8"),
                "schema": .object(["fields": .array(fields), "missingValues": .array(missing.map(JSONText.string))]),
            ])
        }
        func json(_ name: String, _ path: String, _ title: String) -> JSONText {
            .object([
                "name": .string(name), "path": .string(path), "title": .string(title), "profile": .string("data-resource"),
                "format": .string("json"), "mediatype": .string("application/json"), "encoding": .string("utf-8"),
            ])
        }
        var package: [String: JSONText] = [
            "name": .string(name),
            "title": .string(title),
            "profile": .string("data-package"),
            "resources": .array([
                // A value with no number is written as its shorthand: [c] withheld, [x] not available, [z] not applicable.
                tabular("observations", observationsCSVName, "Every published value: indicator, area, period", observationFields,
                        missing: [""] + WithheldValue.Status.allCases.map(\.shorthand)),
                tabular("figures", figuresCSVName, "Every figure on the site, with its working and check", figureFields),
                json("observations-json", observationsJSONName, "Every published value, as JSON"),
                json("figures-json", figuresJSONName, "Every figure on the site, with its inputs and forms, as JSON"),
            ]),
        ]
        if !sources.isEmpty {
            package["sources"] = .array(sources.map { source in
                var members: [String: JSONText] = ["title": .string(source.text)]
                if let url = source.url { members["path"] = .string(url) }
                return .object(members)
            })
        }
        return JSONText.object(package).text
    }

    static let columnDescriptions: [String: String] = [
        "indicator": "Indicator id", "indicator_title": "What the indicator measures", "area": "Area id",
        "area_name": "Area name", "period": "Period as published (empty when not stated)", "value": "The value as published",
        "unit": "Unit of the value", "lower": "Lower confidence limit", "upper": "Upper confidence limit",
        "numerator": "Numerator", "denominator": "Denominator", "note": "A note on this value (an estimate, a break in the series, a value withheld)", "source": "Source as named by the publication",
        "source_url": "Source address, when known", "id": "Figure id", "kind": "Kind of figure", "title": "Title",
        "text": "The figure as written on the site", "exact_value": "The value before rounding (6 decimal places at most)",
        "formula": "The working, with the actual inputs", "stated": "The value the published document states",
        "check": "Result of checking the stated value: holds, mismatch, known difference or not checked", "check_detail": "The check in words (for a known difference, with why the values differ)", "notes": "Notes on the figure, its indicator and its value, as the pages show them",
        "defined_at": "Where the figure is defined (file:line)",
    ]
}
