import SaferCore
import Foundation

/// A small JSON value written by hand so that downloads are byte-for-byte the same on every run:
/// keys sorted, numbers written as given (never through binary floating point), two-space indent.
enum JSONText: Sendable {
    case string(String)
    /// A number already written in JSON form ("27.395002", "-3.5").
    case number(String)
    case bool(Bool)
    case null
    case array([JSONText])
    case object([String: JSONText])

    static func string(_ value: String?) -> JSONText { value.map(JSONText.string) ?? .null }
    static func number(_ value: Decimal?, maximumDecimals: Int = 6) -> JSONText {
        value.map { .number(NumberStyle.plain($0, maximumDecimals: maximumDecimals)) } ?? .null
    }

    /// The text, ending with a newline. Written as UTF-8 bytes: the observations download holds
    /// every data row, and String concatenation was most of its cost.
    var text: String {
        var output: [UInt8] = []
        write(to: &output, depth: 0)
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends a value that holds no arrays or objects (those need the depth `text` tracks).
    static func append(_ scalar: JSONText, to output: inout [UInt8]) {
        scalar.write(to: &output, depth: 0)
    }

    private static func indent(_ output: inout [UInt8], _ depth: Int) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private func write(to output: inout [UInt8], depth: Int) {
        switch self {
        case .string(let value): JSONString.append(value, to: &output)
        case .number(let value): output.append(contentsOf: value.utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .null: output.append(contentsOf: "null".utf8)
        case .array(let items):
            if items.isEmpty { output.append(contentsOf: "[]".utf8); return }
            output.append(contentsOf: "[\n".utf8)
            for (index, item) in items.enumerated() {
                Self.indent(&output, depth + 1)
                item.write(to: &output, depth: depth + 1)
                output.append(contentsOf: (index == items.count - 1 ? "\n" : ",\n").utf8)
            }
            Self.indent(&output, depth)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { output.append(contentsOf: "{}".utf8); return }
            output.append(contentsOf: "{\n".utf8)
            let keys = members.keys.sorted()
            for (index, key) in keys.enumerated() {
                Self.indent(&output, depth + 1)
                JSONString.append(key, to: &output)
                output.append(contentsOf: ": ".utf8)
                members[key]!.write(to: &output, depth: depth + 1)
                output.append(contentsOf: (index == keys.count - 1 ? "\n" : ",\n").utf8)
            }
            Self.indent(&output, depth)
            output.append(UInt8(ascii: "}"))
        }
    }
}
