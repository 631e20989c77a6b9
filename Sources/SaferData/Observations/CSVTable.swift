import SaferCore

/// A CSV file read strictly (RFC 4180), keeping the line and column of every cell so that each
/// complaint can point at it.
///
/// Why not CSV.swift's reader: it accepts a stray or unclosed quote silently and reports no
/// positions, and a spreadsheet user needs "line 12, column 3: this quoted value is never closed".
/// CSV.swift writes the downloads instead (see `CSVCells`).
enum CSVTable {
    struct Cell: Sendable, Hashable {
        var text: String
        var line: Int
        var column: Int
    }

    struct Row: Sendable {
        var cells: [Cell]
        var line: Int
        /// Its quoting was malformed (already reported): its cells are not worth checking further.
        var isMalformed = false
    }

    private enum State {
        case startOfField, unquoted, quoted, afterClosingQuote
    }

    /// Reads `file` row by row, handing each to `row` as it ends (a data file can hold a million
    /// rows, which are never all held at once), reporting malformed quoting to `bag` and carrying
    /// on, so that one bad quote does not hide the next problem. Rows whose cells are all empty are
    /// skipped: spreadsheets save them as `,,,`. `row` returns false to stop reading.
    static func read(_ file: TextFile, bag: inout DiagnosticBag, row: (Row, inout DiagnosticBag) -> Bool) {
        var text = file.text
        text.withUTF8 { read(bytes: $0, path: file.path, bag: &bag, onRow: row) }
    }

    /// Every row of `file` at once (for tests and small files).
    static func rows(_ file: TextFile, bag: inout DiagnosticBag) -> [Row] {
        var rows: [Row] = []
        read(file, bag: &bag) { row, _ in rows.append(row); return true }
        return rows
    }

    /// The same state machine over UTF-8 bytes (a data file can hold thousands of rows): the
    /// separators are all ASCII, and a column counts Unicode scalars, as an editor shows them.
    private static func read(bytes: UnsafeBufferPointer<UInt8>, path: String, bag: inout DiagnosticBag, onRow: (Row, inout DiagnosticBag) -> Bool) {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var stopped = false
        var cells: [Cell] = []
        var field: [UInt8] = []
        var state = State.startOfField
        var line = 1, column = 1
        var fieldStart = (line: 1, column: 1)
        var rowLine = 1
        var openingQuote = (line: 1, column: 1)
        var rowIsMalformed = false

        func location(_ position: (Int, Int)) -> SourceLocation {
            SourceLocation(file: path, line: position.0, column: position.1)
        }
        func endField() {
            cells.append(Cell(text: String(decoding: field, as: UTF8.self), line: fieldStart.line, column: fieldStart.column))
            field.removeAll(keepingCapacity: true)
            state = .startOfField
        }
        func endRow() {
            if !cells.allSatisfy({ $0.text.trimmingSpaces().isEmpty }) {
                stopped = !onRow(Row(cells: cells, line: rowLine, isMalformed: rowIsMalformed), &bag)
            }
            cells.removeAll(keepingCapacity: true)
            rowIsMalformed = false
        }

        var index = 0
        let count = bytes.count
        while index < count && !stopped {
            if state == .unquoted {
                // The rest of an unquoted value, up to the next byte that means something, in one
                // step (most cells are unquoted): a column is a scalar, so only lead bytes count.
                var end = index
                while end < count {
                    let byte = bytes[end]
                    if byte == comma || byte == quote || byte == cr || byte == lf { break }
                    if byte & 0xC0 != 0x80 { column += 1 }
                    end += 1
                }
                if end > index {
                    field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    index = end
                    continue
                }
            }
            let byte = bytes[index]
            // A whole scalar: the lead byte and its continuation bytes.
            var next = index + 1
            while next < count && bytes[next] & 0xC0 == 0x80 { next += 1 }
            let scalar = bytes[index..<next]
            index = next
            let here = (line: line, column: column)
            // CR LF, LF and a lone CR each end a line.
            let isNewline = byte == lf || byte == cr
            if byte == cr, index < count, bytes[index] == lf { index += 1 }
            if isNewline { line += 1; column = 1 } else { column += 1 }

            if state == .startOfField {
                if cells.isEmpty { rowLine = here.line }
                fieldStart = here
                if byte == quote {
                    state = .quoted
                    openingQuote = here
                    continue
                }
                state = .unquoted
            }
            switch state {
            case .quoted:
                if byte == quote {
                    if index < count, bytes[index] == quote {
                        index += 1
                        column += 1
                        field.append(quote)
                    } else {
                        state = .afterClosingQuote
                    }
                } else if byte == cr && isNewline {
                    field.append(lf)   // a line break inside quotes, whichever way it was saved
                } else {
                    field.append(contentsOf: scalar)
                }
            case .unquoted, .afterClosingQuote, .startOfField:
                if byte == comma {
                    endField()
                } else if isNewline {
                    endField()
                    endRow()
                } else if state == .afterClosingQuote {
                    if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { continue }
                    bag.add(.error(
                        at: location(here), "there is text after the closing quote of this value",
                        hint: "a value that starts with a double quote must end with one; to put a quote inside it, write the quote twice: \"say \"\"hello\"\"\""))
                    state = .unquoted
                    rowIsMalformed = true
                    field.append(contentsOf: scalar)
                } else {
                    if byte == quote {
                        bag.add(.error(
                            at: location(here), "a double quote appears in the middle of a value",
                            hint: "wrap the whole value in double quotes and write the quote inside it twice, for example \"the \"\"high impact\"\" areas\"; or remove the quote"))
                        rowIsMalformed = true
                    }
                    field.append(contentsOf: scalar)
                }
            }
        }
        if stopped { return }
        if state == .quoted {
            bag.add(.error(
                at: location(openingQuote), "this quoted value is never closed",
                hint: "add the closing double quote; everything after the opening quote was read as one value"))
            rowIsMalformed = true
        }
        if state != .startOfField || !cells.isEmpty {
            endField()
            endRow()
        }
    }
}
