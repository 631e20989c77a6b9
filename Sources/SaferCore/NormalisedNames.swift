import Foundation

/// Names compared as a reader sees them. "é" can be stored as one character (U+00E9) or as "e"
/// and a combining accent (U+0301): the two look the same and Swift's strings are equal, so two
/// files named so would be one key of a dictionary (a crash, or one file silently lost) and one
/// address on a web server that compares names the same way. Paths are compared after
/// normalisation to NFC, and two that meet are an error naming both files.
public enum NormalisedNames {
    /// `path` in Unicode Normalization Form C, as paths are compared.
    public static func key(_ path: String) -> String {
        // Plain ASCII, most names, is already in NFC.
        path.utf8.allSatisfy { $0 < 0x80 } ? path : path.precomposedStringWithCanonicalMapping
    }

    /// The first two of `paths` (each with what it stands for) that are the same after
    /// normalisation but not byte for byte, the earlier by bytes first; nil when there are none.
    public static func firstCollision(_ paths: [String]) -> (first: String, second: String)? {
        var seen: [String: String] = [:]
        for path in paths {
            let key = key(path)
            if let other = seen[key] {
                guard !other.utf8.elementsEqual(path.utf8) else { continue }
                return other.utf8.lexicographicallyPrecedes(path.utf8) ? (other, path) : (path, other)
            }
            seen[key] = path
        }
        return nil
    }

    /// The error for two files whose names differ only in how their letters are encoded, at the
    /// second (by bytes) and naming the first, with the letter that differs spelt out in code
    /// points: on screen the two names look the same.
    public static func collision(_ first: String, _ second: String, shownAs show: (String) -> String = { $0 }) -> Diagnostic {
        let codes = { (letter: Character) in letter.unicodeScalars.map { SafeText.codePoint($0) }.joined(separator: " ") }
        let differing = zip(second, first).first { !$0.0.unicodeScalars.elementsEqual($0.1.unicodeScalars) }
        let how = differing.map { " (“\($0.0)” is \(codes($0.0)) in this name and \(codes($0.1)) in the other)" } ?? ""
        return .error(at: SourceLocation(file: show(second)),
                      "this file and \(show(first)) have names that look the same but are encoded differently\(how): they would be published at the same address",
                      hint: "rename or remove one of them (a name copied from a Mac often writes an accented letter as the letter followed by an accent)")
    }
}
