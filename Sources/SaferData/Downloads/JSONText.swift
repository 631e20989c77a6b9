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

    /// The text, ending with a newline.
    var text: String {
        var output = ""
        write(to: &output, indent: "")
        return output + "\n"
    }

    private func write(to output: inout String, indent: String) {
        switch self {
        case .string(let value): output += Self.quoted(value)
        case .number(let value): output += value
        case .bool(let value): output += value ? "true" : "false"
        case .null: output += "null"
        case .array(let items):
            if items.isEmpty { output += "[]"; return }
            output += "[\n"
            for (index, item) in items.enumerated() {
                output += indent + "  "
                item.write(to: &output, indent: indent + "  ")
                output += index == items.count - 1 ? "\n" : ",\n"
            }
            output += indent + "]"
        case .object(let members):
            if members.isEmpty { output += "{}"; return }
            output += "{\n"
            let keys = members.keys.sorted()
            for (index, key) in keys.enumerated() {
                output += indent + "  " + Self.quoted(key) + ": "
                members[key]!.write(to: &output, indent: indent + "  ")
                output += index == keys.count - 1 ? "\n" : ",\n"
            }
            output += indent + "}"
        }
    }

    private static func quoted(_ text: String) -> String {
        JSONString.quoted(text)
    }
}
