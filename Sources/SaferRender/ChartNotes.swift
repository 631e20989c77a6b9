import SaferCharts
import SaferCore

/// The footnotes a chart carries, as data: notes on all it draws (its indicator's `notes`) and
/// notes on single rows (an observation's `note`, a drawn figure's notes), by the row's label as
/// its table and CSV show it. They are numbered only when a page shows the chart (`PageFootnotes`),
/// since the same chart is drawn once for its page and its section of the printable report.
struct ChartNotes: Sendable, Equatable {
    private(set) var whole: [String] = []
    private var rows: [String: [String]] = [:]

    var isEmpty: Bool { whole.isEmpty && rows.isEmpty }

    mutating func addToWhole(_ text: String?) {
        guard let text = text?.trimmingSpaces(), !text.isEmpty, !whole.contains(text) else { return }
        whole.append(text)
    }

    mutating func add(_ text: String?, toRow label: String) {
        guard let text = text?.trimmingSpaces(), !text.isEmpty else { return }
        let key = Self.key(label)
        if rows[key, default: []].contains(text) { return }
        rows[key, default: []].append(text)
    }

    mutating func add(_ texts: [String], toRow label: String) {
        for text in texts { add(text, toRow: label) }
    }

    /// A row's notes; labels match whatever their first letter's case (tables capitalise them).
    func notes(forRow label: String) -> [String] { rows[Self.key(label)] ?? [] }

    private static func key(_ label: String) -> String { label.lowercased() }

    /// `table` with a last column "Notes": each row's notes after the chart's own, so the CSV
    /// still says them when it travels without the page. Unchanged when there are none.
    func csvTable(_ table: DataTable) -> DataTable {
        guard !isEmpty else { return table }
        return DataTable(headers: table.headers + ["Notes"], rows: table.rows.map { row in
            row + [(whole + notes(forRow: row.first ?? "")).joined(separator: " ")]
        })
    }
}

/// Numbers a page's footnotes in the order they first appear; a note that appears again on the
/// page (two charts of one indicator) keeps its number. One per page render, used on one thread.
package final class PageFootnotes {
    private var numbers: [String: Int] = [:]

    package init() {}

    func number(_ text: String) -> Int {
        if let number = numbers[text] { return number }
        let number = numbers.count + 1
        numbers[text] = number
        return number
    }
}
