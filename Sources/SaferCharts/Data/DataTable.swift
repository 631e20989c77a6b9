import SaferCore
/// A chart's data as rows of strings: headers first, one row per mark.
public struct DataTable: Sendable, Equatable {
    public var headers: [String]
    public var rows: [[String]]

    public init(headers: [String], rows: [[String]]) {
        self.headers = headers
        self.rows = rows
    }
}

/// CSV text and the size wording for its download link.
public enum CSVText {
    /// RFC 4180: fields with commas, quotes or line breaks are quoted, quotes doubled,
    /// records end with CRLF.
    public static func csv(_ table: DataTable) -> String {
        CSVFormat.table(header: table.headers, rows: table.rows)
    }

    /// GOV.UK-style file size: whole kilobytes rounded up (never "0 KB"), megabytes to one decimal.
    public static func sizeText(byteCount: Int) -> String {
        let kilobyte = 1024
        if byteCount < kilobyte * kilobyte {
            return "\(max(1, (byteCount + kilobyte - 1) / kilobyte)) KB"
        }
        let tenthsOfMegabyte = (byteCount * 10 + kilobyte * kilobyte - 1) / (kilobyte * kilobyte)
        return NumberText.grouped(Double(tenthsOfMegabyte) / 10, decimals: 1) + " MB"
    }

    /// "Download the data for this chart (CSV, 1 KB)".
    public static func downloadLinkText(byteCount: Int) -> String {
        "Download the data for this chart (CSV, \(sizeText(byteCount: byteCount)))"
    }
}
