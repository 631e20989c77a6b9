/// What `safersite figures` prints: every figure with its value, period, working and check.
/// CSV and JSON are the downloads (`Downloads.figuresCSV`, `Downloads.figuresJSON`).
public enum FigureReport {
    public enum Format: String, Sendable, CaseIterable {
        case table, csv, json
    }

    public static func render(_ book: FigureBook, format: Format) -> String {
        switch format {
        case .table: return table(book)
        case .csv: return Downloads.figuresCSV(book)
        case .json: return Downloads.figuresJSON(book)
        }
    }

    /// An aligned plain-text table for the terminal, then a count of checks.
    public static func table(_ book: FigureBook) -> String {
        let header = ["id", "text", "period", "check", "working"]
        let rows = book.figures.map { figure in
            [figure.id, figure.text, figure.period.labelOrNotStated,
             figure.check.map { $0.status == .mismatch ? "MISMATCH: stated \($0.stated)" : $0.status.rawValue } ?? "",
             figure.formula ?? "published value"]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }
        var lines = [line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)
        let checked = book.checked.filter { $0.check?.status != .notChecked }
        lines.append("")
        let known = book.knownDifferences
        lines.append("\(book.figures.count) figures; \(checked.count) stated values checked, \(book.mismatches.count) mismatch\(book.mismatches.count == 1 ? "" : "es")"
            + (known.isEmpty ? "" : ", \(known.count) known difference\(known.count == 1 ? "" : "s")"))
        for figure in book.mismatches + known { lines.append("  \(figure.definedAt): \(figure.id): \(figure.check!.summary)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
