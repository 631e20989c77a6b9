import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A text file of the site, read as UTF-8 with the checks a spreadsheet-edited file needs.
public struct TextFile: Sendable {
    /// The path shown in messages: relative to the site folder.
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Files larger than this are refused rather than read into memory whole.
    public static let maximumSize = 64 * 1024 * 1024

    /// Reads `url`, naming it `path` in messages. A byte-order mark is dropped (spreadsheets add one);
    /// bytes that are not UTF-8 are an error naming the line, with a hint on how to re-save the file.
    public static func read(_ url: URL, as path: String) throws(Diagnostic) -> TextFile {
        try read(atPath: url.path, as: path)
    }

    /// `read(_:as:)` for a file given by its path on disk.
    public static func read(atPath absolutePath: String, as path: String) throws(Diagnostic) -> TextFile {
        // One open, fstat and read: pages are read by the thousand, and a stat before Foundation's
        // own open and fstat cost a third of the system time of reading them. O_NONBLOCK so that a
        // pipe put in the site folder is refused below instead of blocking the open.
        let descriptor = open(absolutePath, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw isLink(absolutePath)
                ? Diagnostic.error(at: SourceLocation(file: path), "this is a link to a file that does not exist", hint: "remove the link, or put the file it names back")
                : Diagnostic.error(at: SourceLocation(file: path), "the file could not be read", hint: "check that it exists and that you may read it")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw Diagnostic.error(at: SourceLocation(file: path), "the file could not be read", hint: "check that it exists and that you may read it")
        }
        let found = FileKind(info)
        if found.kind != .regular {
            throw Diagnostic.error(
                at: SourceLocation(file: path), "this is not an ordinary file (it is a \(found.kind == .folder ? "folder" : "device, pipe or socket"))",
                hint: "put an ordinary text file here, or remove it from the site folder")
        }
        let size = found.size
        if size > maximumSize {
            throw Diagnostic.error(
                at: SourceLocation(file: path),
                "this file is \(size / (1024 * 1024)) MB, larger than the \(maximumSize / (1024 * 1024)) MB SaferSite reads",
                hint: "split it into smaller files, or remove it from the site folder if it is not part of the site")
        }
        guard let data = readAll(descriptor, expected: size) else {
            throw Diagnostic.error(at: SourceLocation(file: path), "the file could not be read", hint: "check that it exists and that you may read it")
        }
        return try decode(data, as: path)
    }

    /// The file's `expected` bytes (fewer if it shrank since its size was taken; a file still
    /// being written is read again by the watcher when it changes).
    private static func readAll(_ descriptor: Int32, expected: Int) -> Data? {
        var data = Data(count: expected)
        var filled = 0
        while filled < expected {
            let read = data.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + filled, expected - filled)
            }
            if read < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if read == 0 { break }
            filled += read
        }
        data.count = filled
        return data
    }

    /// A link that leads nowhere: named as the link it is, not as a missing file.
    private static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// A byte-order mark anywhere but the start is invisible in an editor but breaks the line it
    /// is on (an id no longer matches, `---` is no longer `---`): usually two files pasted together.
    private static func checkNoByteOrderMark(_ text: String, path: String) throws(Diagnostic) {
        // memchr for the mark's first byte: this runs over every byte of every page.
        var bytes = text
        let mayHaveMark = bytes.withUTF8 { buffer in buffer.baseAddress.map { memchr($0, 0xEF, buffer.count) != nil } ?? false }
        guard mayHaveMark, text.unicodeScalars.contains("\u{FEFF}") else { return }
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\u{FEFF}" {
                throw Diagnostic.error(
                    at: SourceLocation(file: path, line: line, column: column),
                    "there is an invisible byte-order mark (U+FEFF) in the middle of this file",
                    hint: "delete the invisible character just before this point (it usually comes from pasting in text from another file), or save the file again as \"UTF-8\"")
            }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
    }

    /// Control characters (NUL, BEL, escape sequences) and the invisible characters that reverse
    /// how text is shown would reach the pages, the feed (where they make the XML ill-formed) and
    /// the terminal: refused where they enter, with their line and column. The same characters
    /// written as escapes are refused once decoded (`SafeText.checkDecoded`).
    private static func checkNoUnsafeCharacters(_ text: String, path: String) throws(Diagnostic) {
        var copy = text
        let found = copy.withUTF8 { Self.mayHoldUnsafeCharacter($0) }
        guard found else { return }
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if SafeText.isUnsafe(scalar) {
                throw Diagnostic.error(
                    at: SourceLocation(file: path, line: line, column: column),
                    "there is an invisible character, \(SafeText.describe(scalar)), in this file",
                    hint: "delete it: it usually comes from text pasted from another program, and it would be published as it is or change how the text reads")
            }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
    }

    /// Whether `bytes` hold a control character other than tab, LF and CR, DEL, a C1 control, a
    /// bidirectional embedding, override or isolate, or U+FFFE or U+FFFF (`SafeText.isUnsafe`). Every byte of every file is looked at, so
    /// eight at a time: only a word with a byte below 0x20, DEL or a byte of 0x80 and above is
    /// looked at byte by byte (a line break in it, or a curly quote, and nothing is found there).
    static func mayHoldUnsafeCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func unsafe(at index: Int) -> Bool {
            let byte = base[index]
            if byte < 0x20 { return byte != 0x09 && byte != 0x0A && byte != 0x0D }
            if byte == 0x7F { return true }
            if byte == 0xC2 { return index + 1 < count && (0x80...0x9F).contains(base[index + 1]) }
            if byte == 0xE2, index + 2 < count {
                let second = base[index + 1], third = base[index + 2]
                return (second == 0x80 && (0xAA...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third))
            }
            if byte == 0xEF, index + 2 < count { return base[index + 1] == 0xBF && (base[index + 2] == 0xBE || base[index + 2] == 0xBF) }
            return false
        }
        var index = 0
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let below32 = (word &- 0x20 &* ones) & ~word & highs
            let delete = word ^ (0x7F &* ones)
            let hasDelete = (delete &- ones) & ~delete & highs
            if below32 | hasDelete | (word & highs) != 0 {
                for offset in 0..<8 where unsafe(at: index + offset) { return true }
            }
            index += 8
        }
        while index < count {
            if unsafe(at: index) { return true }
            index += 1
        }
        return false
    }

    /// UTF-16, as spreadsheets save "Unicode text": its byte-order mark, or a zero byte beside
    /// every character of the first line (plain text has no zero bytes at all).
    static func isUTF16(_ data: Data) -> Bool {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) { return true }
        let start = data.prefix(64)
        guard start.count >= 8 else { return false }
        let zeros = start.enumerated().filter { $0.element == 0 }
        return zeros.count * 2 >= start.count - 1 && (zeros.allSatisfy { $0.offset % 2 == 1 } || zeros.allSatisfy { $0.offset % 2 == 0 })
    }

    /// Decodes bytes as UTF-8, reporting the first invalid byte's line and column.
    public static func decode(_ data: Data, as path: String) throws(Diagnostic) -> TextFile {
        if isUTF16(data) {
            throw Diagnostic.error(
                at: SourceLocation(file: path, line: 1),
                "this file is saved as UTF-16 (\"Unicode text\"), not UTF-8",
                hint: "save it again as \"UTF-8\" (in a spreadsheet: \"CSV UTF-8\"; in a text editor: the UTF-8 encoding)")
        }
        var bytes = data[...]
        while bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) {
            try checkNoByteOrderMark(text, path: path)
            try checkNoUnsafeCharacters(text, path: path)
            return TextFile(path: path, text: text)
        }
        var line = 1
        var column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                break loop
            case .error:
                throw Diagnostic.error(
                    at: SourceLocation(file: path, line: line, column: column),
                    "this file is not valid UTF-8 text",
                    hint: "save it again as \"UTF-8\" (in a spreadsheet: \"CSV UTF-8\"); it may have been saved in an older encoding such as Windows-1252")
            }
        }
        return TextFile(path: path, text: String(decoding: bytes, as: UTF8.self))
    }
}
