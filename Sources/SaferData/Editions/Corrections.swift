import SaferCore

/// A dated entry in the corrections and updates log (`content/data/corrections.yaml`), as official
/// statistics keep one: what changed, why, and which figures. Pages show "corrected on DATE" beside
/// each figure it names, linking to the log.
///
/// ```yaml
/// - date: 2027-03-03
///   figures: [violent_people]
///   change: We corrected the number of people who commit violence each year: it is 760, not 706.
///   why: A typing error when the figures were first published.
///   edition: 2026-27     # optional: the edition it belongs to (the latest when left out)
/// ```
public struct Correction: Sendable, Hashable {
    public var date: String
    public var figures: [String]
    public var change: String
    public var why: String?
    public var edition: String?
    /// Its place in the log, from 1, so that two entries of one day have their own anchors.
    public var number: Int
    public var location: SourceLocation

    /// The anchor of its entry on the log's page.
    public var anchor: String { "correction-\(number)" }

    /// "3 March 2027".
    public var dateText: String { ISODate.text(date) }

    static let keys = ["date", "figures", "change", "why", "edition"]
    public static let fileName = "corrections.yaml"
}

/// What a figure's text shows of the corrections that name it: the latest one.
public struct CorrectionMark: Sendable, Hashable {
    public var dateText: String
    public var anchor: String
}

enum CorrectionFileReader {
    static func read(_ file: TextFile, bag: inout DiagnosticBag) -> [Correction] {
        guard let root = bag.collect({ () throws(Diagnostic) in try YAMLValue.parse(file.text, file: file.path) }), !root.isNull,
              let items = bag.collect({ () throws(Diagnostic) in try root.sequence("the corrections log") }) else { return [] }
        var corrections: [Correction] = []
        for (index, item) in items.enumerated() {
            var warnings: [Diagnostic] = []
            let correction = bag.collect { () throws(Diagnostic) -> Correction in
                var fields = try YAMLFields(item, what: "each correction")
                let dateValue = try fields.required("date", hint: "add the day it was made, `date: 2027-03-03`")
                let date = try dateValue.string("`date`").trimmingSpaces()
                guard ISODate.isValid(date) else {
                    throw .error(at: dateValue.location, "`date` should be a day written year-month-day, but it is `\(SafeText.terminal(date))`", hint: "write it like `2027-03-03`")
                }
                let figuresValue = try fields.required("figures", hint: "list the ids of the figures it changed, `figures: [violent_people]`")
                let figures = try figuresValue.strings("`figures`", each: "each figure in `figures`")
                guard !figures.isEmpty else { throw .error(at: figuresValue.location, "`figures` is empty", hint: "list the ids of the figures it changed") }
                let change = try fields.required("change", hint: "say what changed, in a sentence a reader understands").string("`change`").trimmingSpaces()
                let why = try fields.optional("why")?.string("`why`").trimmingSpaces()
                let edition = try fields.optional("edition")?.string("`edition`").trimmingSpaces()
                warnings = fields.unknownKeys(known: Correction.keys)
                return Correction(date: date, figures: figures, change: change, why: why, edition: edition, number: index + 1, location: item.location)
            }
            bag.add(contentsOf: warnings)
            if let correction { corrections.append(correction) }
        }
        return corrections
    }
}

extension DataSet {
    /// This edition's corrections as the log and the feed list them: the latest first.
    public var correctionsNewestFirst: [Correction] {
        corrections.sorted { ($0.date, $0.number) > ($1.date, $1.number) }
    }

    /// Keeps the corrections `belongs` says are this edition's, and marks each figure they name with
    /// the latest of them. A correction naming a figure that does not exist is an error.
    public mutating func applyCorrections(_ belongs: (Correction) -> Bool) throws(DiagnosticList) {
        corrections = allCorrections.filter(belongs)
        var marks: [String: CorrectionMark] = [:]
        var bag = DiagnosticBag()
        for correction in correctionsNewestFirst.reversed() {
            for id in correction.figures {
                guard figures.figure(id) != nil else {
                    let suggestion = closestName(to: id, in: figures.figures.map(\.id)).map { "did you mean `\($0)`? " } ?? ""
                    bag.add(.error(at: correction.location, "the correction of \(correction.dateText) names the figure `\(id)`, which does not exist",
                                   hint: "\(suggestion)name figures by their ids in figures.yaml or indicators.yaml"))
                    continue
                }
                marks[id] = CorrectionMark(dateText: correction.dateText, anchor: correction.anchor)
            }
        }
        try bag.throwIfErrors()
        figures.figures = figures.figures.map { figure in
            var figure = figure
            figure.correction = marks[figure.id]
            return figure
        }
    }
}
