import SaferCore
import Foundation

/// Writing CSV for downloads, safe to open in a spreadsheet.
///
/// The neutralising rule: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
/// could be run as a formula by a spreadsheet ("CSV injection"), so it gets a `'` in front —
/// except a plain number (an optional sign, digits, an optional point and digits: `-3.5`, `+29`),
/// which is data a spreadsheet reads as a number, not a formula. `-1+1`, `+29%` and `=SUM(A1)` are
/// neutralised; `-3.5` is not.
public enum CSVCells {
    /// The cell made safe by the rule above.
    public static func neutralised(_ cell: String) -> String {
        SpreadsheetCell.neutralised(cell)
    }

    /// Rows as RFC 4180 CSV (quoted where needed, CRLF line ends, a final line end), every cell
    /// neutralised.
    public static func write(header: [String], rows: [[String]]) -> String {
        CSVFormat.table(header: header, rows: rows)
    }
}
