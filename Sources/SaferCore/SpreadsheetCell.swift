/// Text bound for a CSV cell that people will open in a spreadsheet.
public enum SpreadsheetCell {
    /// A cell a spreadsheet would run as a formula (starting `=`, `+`, `-`, `@`, tab or carriage
    /// return) gets a leading `'`, so opening the download cannot run anything. A plain number such
    /// as `-3.5` is data, and stays as it is.
    public static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return cell }
        if isPlainNumber(cell) { return cell }
        return "'" + cell
    }

    /// An optional sign, digits, and optionally a point and more digits: `-3.5`, `+29`, `1234`.
    public static func isPlainNumber(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if let first = scalars.first, first == "-" || first == "+" { scalars = scalars.dropFirst() }
        let parts = String(scalars).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return false }
        return parts.allSatisfy { part in !part.isEmpty && part.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }
    }
}
