import Foundation
import SaferData

/// File sizes as GOV.UK writes them in link text: "CSV, 2 KB".
public enum ByteSize {
    public static func text(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) bytes" }
        if bytes < 1024 * 1024 { return "\((bytes + 512) / 1024) KB" }
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}

/// What each download holds, in words for its link.
enum DownloadTitles {
    static func title(for name: String) -> String {
        switch name {
        case Downloads.observationsCSVName, Downloads.observationsJSONName: return "Every observation in the data"
        case Downloads.figuresCSVName, Downloads.figuresJSONName: return "Every figure, with how it is worked out"
        case Downloads.dataPackageName: return "A description of the data files (Frictionless Data Package)"
        case DataArchive.name: return "All of the data above in one file"
        default: return name.hasSuffix(".pdf") ? "The whole strategy as a document, to print or keep" : name
        }
    }

    static func format(of name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "csv": "CSV"
        case "zip": "ZIP"
        case "pdf": "PDF"
        default: "JSON"
        }
    }
}
