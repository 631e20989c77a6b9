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
        "source", "source_url", "stated", "check", "check_detail", "defined_at",
    ]

    // MARK: Observations

    // The two observation downloads hold every data row (tens of thousands on a large site), so
    // they are written straight into bytes, with what an indicator's or an area's rows repeat
    // encoded once: the same bytes `CSVFormat.table` and `JSONText` would give.

    public static func observationsCSV(_ data: DataSet) -> String {
        let about = RowContext(data)
        var out: [UInt8] = []
        out.reserveCapacity(data.observations.count * 160)
        CSVFormat.appendRecord(observationColumns, to: &out)
        var indicatorCells = RepeatedCells { id in
            let indicator = about.indicators[id]
            var before: [UInt8] = [], after: [UInt8] = []
            CSVFormat.appendField(id, to: &before); before.append(UInt8(ascii: ","))
            CSVFormat.appendField(indicator?.title ?? "", to: &before); before.append(UInt8(ascii: ","))
            after.append(UInt8(ascii: ",")); CSVFormat.appendField(indicator?.unit ?? "", to: &after)
            return (before, after, indicator)
        }
        var areaCells = RepeatedCells { id in
            var cells: [UInt8] = []
            CSVFormat.appendField(id, to: &cells); cells.append(UInt8(ascii: ","))
            CSVFormat.appendField(about.areaNames[id] ?? "", to: &cells); cells.append(UInt8(ascii: ","))
            return (cells, [], ())
        }
        for observation in data.observations {
            let indicator = indicatorCells.cells(for: observation.indicator)
            out.append(contentsOf: indicator.before)
            out.append(contentsOf: areaCells.cells(for: observation.area).before)
            CSVFormat.appendField(observation.period?.label ?? "", to: &out)
            out.append(UInt8(ascii: ","))
            CSVFormat.appendField(observation.valueText, to: &out)
            out.append(contentsOf: indicator.after)
            for number in [observation.lower, observation.upper, observation.numerator, observation.denominator] {
                out.append(UInt8(ascii: ","))
                if let number { CSVFormat.appendField(NumberStyle.plain(number), to: &out) }
            }
            out.append(UInt8(ascii: ","))
            CSVFormat.appendField(observation.note ?? "", to: &out)
            out.append(UInt8(ascii: ","))
            CSVFormat.appendField(indicator.about?.source ?? "", to: &out)
            out.append(UInt8(ascii: ","))
            CSVFormat.appendField(indicator.about?.sourceURL ?? "", to: &out)
            out.append(contentsOf: "\r\n".utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func observationsJSON(_ data: DataSet) -> String {
        let about = RowContext(data)
        guard !data.observations.isEmpty else { return JSONText.array([]).text }
        var out: [UInt8] = []
        out.reserveCapacity(data.observations.count * 420)
        func member(_ key: String, _ value: JSONText, to out: inout [UInt8], last: Bool = false) {
            out.append(contentsOf: "    ".utf8)
            JSONString.append(key, to: &out)
            out.append(contentsOf: ": ".utf8)
            JSONText.append(value, to: &out)
            out.append(contentsOf: (last ? "\n" : ",\n").utf8)
        }
        // Members in key order, as every JSON download writes them.
        var areaMembers = RepeatedCells { id in
            var before: [UInt8] = []
            member("area", .string(id), to: &before)
            member("area_name", .string(about.areaNames[id]), to: &before)
            return (before, [], ())
        }
        var indicatorMembers = RepeatedCells { id in
            let indicator = about.indicators[id]
            var before: [UInt8] = [], after: [UInt8] = []
            member("indicator", .string(id), to: &before)
            member("indicator_title", .string(indicator?.title), to: &before)
            member("source", .string(indicator?.source), to: &after)
            member("source_url", .string(indicator?.sourceURL), to: &after)
            member("unit", .string(indicator?.unit), to: &after)
            return (before, after, indicator)
        }
        out.append(contentsOf: "[\n".utf8)
        for (index, observation) in data.observations.enumerated() {
            let indicator = indicatorMembers.cells(for: observation.indicator)
            out.append(contentsOf: "  {\n".utf8)
            out.append(contentsOf: areaMembers.cells(for: observation.area).before)
            member("denominator", .number(observation.denominator), to: &out)
            out.append(contentsOf: indicator.before)
            member("lower", .number(observation.lower), to: &out)
            member("note", .string(observation.note), to: &out)
            member("numerator", .number(observation.numerator), to: &out)
            member("period", .string(observation.period?.label), to: &out)
            out.append(contentsOf: indicator.after)
            member("upper", .number(observation.upper), to: &out)
            // Its own digits, no trailing zeros: what `NumberStyle.plain` writes for it.
            member("value", .number(NumberStyle.withoutTrailingZeros(observation.valueText)), to: &out, last: true)
            out.append(contentsOf: (index == data.observations.count - 1 ? "  }\n" : "  },\n").utf8)
        }
        out.append(contentsOf: "]\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    /// The encoded cells one id's rows all repeat, made when the id first comes and kept while
    /// rows of the same id follow (the observations are sorted, so they come together).
    private struct RepeatedCells<About> {
        typealias Cells = (before: [UInt8], after: [UInt8], about: About)
        let make: (String) -> Cells
        private var lastID: String?
        private var last: Cells?

        init(_ make: @escaping (String) -> Cells) { self.make = make }

        mutating func cells(for id: String) -> Cells {
            if id != lastID || last == nil {
                last = make(id)
                lastID = id
            }
            return last!
        }
    }

    /// What every row of an indicator or area repeats, looked up once per download.
    private struct RowContext {
        struct About { var title: String, unit: String, source: String, sourceURL: String? }
        var indicators: [String: About] = [:]
        var areaNames: [String: String] = [:]

        init(_ data: DataSet) {
            for indicator in data.indicators where indicators[indicator.id] == nil {
                indicators[indicator.id] = About(title: indicator.title, unit: "\(indicator.unit)", source: indicator.source.text, sourceURL: indicator.source.url)
            }
            for area in data.areas.all where areaNames[area.id] == nil { areaNames[area.id] = area.name }
        }
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
            "defined_at": figure.definedAt.description,
        ]
    }

    static func figureJSON(_ figure: Figure) -> JSONText {
        var members: [String: JSONText] = [:]
        for (key, value) in figureRow(figure) { members[key] = value.isEmpty ? .null : .string(value) }
        members["value"] = figure.value.map { .number(NumberStyle.format($0, decimals: figure.decimals, separators: false)) } ?? .null
        members["exact_value"] = .number(figure.value)
        members["decimals"] = .number(String(figure.decimals))
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
    /// four downloads. `name` must be lower-case letters, digits, `-`, `_` and `.`.
    public static func dataPackage(name: String, title: String) -> String {
        func field(_ name: String, _ type: String, _ description: String) -> JSONText {
            .object(["name": .string(name), "type": .string(type), "description": .string(description)])
        }
        let observationFields: [JSONText] = observationColumns.map { column in
            let numeric = ["value", "lower", "upper", "numerator", "denominator"].contains(column)
            return field(column, numeric ? "number" : "string", columnDescriptions[column] ?? column)
        }
        let figureFields: [JSONText] = figureColumns.map { column in
            field(column, ["value", "exact_value"].contains(column) ? "number" : "string", columnDescriptions[column] ?? column)
        }
        func tabular(_ name: String, _ path: String, _ title: String, _ fields: [JSONText]) -> JSONText {
            .object([
                "name": .string(name), "path": .string(path), "title": .string(title), "profile": .string("tabular-data-resource"),
                "format": .string("csv"), "mediatype": .string("text/csv"), "encoding": .string("utf-8"),
                "schema": .object(["fields": .array(fields)]),
            ])
        }
        func json(_ name: String, _ path: String, _ title: String) -> JSONText {
            .object([
                "name": .string(name), "path": .string(path), "title": .string(title), "profile": .string("data-resource"),
                "format": .string("json"), "mediatype": .string("application/json"), "encoding": .string("utf-8"),
            ])
        }
        return JSONText.object([
            "name": .string(name),
            "title": .string(title),
            "profile": .string("data-package"),
            "resources": .array([
                tabular("observations", observationsCSVName, "Every published value: indicator, area, period", observationFields),
                tabular("figures", figuresCSVName, "Every figure on the site, with its working and check", figureFields),
                json("observations-json", observationsJSONName, "Every published value, as JSON"),
                json("figures-json", figuresJSONName, "Every figure on the site, with its inputs and forms, as JSON"),
            ]),
        ]).text
    }

    static let columnDescriptions: [String: String] = [
        "indicator": "Indicator id", "indicator_title": "What the indicator measures", "area": "Area id",
        "area_name": "Area name", "period": "Period as published (empty when not stated)", "value": "The value as published",
        "unit": "Unit of the value", "lower": "Lower confidence limit", "upper": "Upper confidence limit",
        "numerator": "Numerator", "denominator": "Denominator", "note": "Note", "source": "Source as named by the publication",
        "source_url": "Source address, when known", "id": "Figure id", "kind": "Kind of figure", "title": "Title",
        "text": "The figure as written on the site", "exact_value": "The value before rounding (6 decimal places at most)",
        "formula": "The working, with the actual inputs", "stated": "The value the published document states",
        "check": "Result of checking the stated value: holds, mismatch or not checked", "check_detail": "The check in words",
        "defined_at": "Where the figure is defined (file:line)",
    ]
}
