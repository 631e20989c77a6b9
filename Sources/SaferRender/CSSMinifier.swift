/// Makes stylesheets smaller without changing what they mean: comments go, runs of white space
/// become one space, and spaces next to `{`, `}`, `;` and `,` go, as do spaces after the `:` of a
/// declaration. Strings are kept as written. Spaces around `:` in selectors matter (`a :hover`),
/// so only those inside declaration blocks go.
enum CSSMinifier {
    static func minify(_ css: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(css.utf8.count)
        let bytes = Array(css.utf8)
        var index = 0
        var pendingSpace = false
        // For each open `{`: whether it holds declarations (a rule) rather than rules (`@media`).
        var blocks: [Bool] = []
        var preludeStart = 0
        let tight: Set<UInt8> = [UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: ">")]
        func emit(_ byte: UInt8) {
            if pendingSpace, let last = out.last, !tight.contains(last), !tight.contains(byte) {
                out.append(UInt8(ascii: " "))
            }
            pendingSpace = false
            out.append(byte)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                var end = index + 2
                while end + 1 < bytes.count, !(bytes[end] == UInt8(ascii: "*") && bytes[end + 1] == UInt8(ascii: "/")) { end += 1 }
                index = min(end + 2, bytes.count)
                pendingSpace = pendingSpace || !out.isEmpty
                continue
            }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                emit(byte)
                index += 1
                while index < bytes.count, bytes[index] != byte {
                    if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count { out.append(bytes[index]); index += 1 }
                    out.append(bytes[index])
                    index += 1
                }
                if index < bytes.count { out.append(byte); index += 1 }
                continue
            }
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                pendingSpace = !out.isEmpty
                index += 1
                continue
            }
            if tight.contains(byte) { pendingSpace = false }
            if byte == UInt8(ascii: ":"), blocks.last == true {
                emit(byte)
                pendingSpace = false
                index += 1
                while index < bytes.count, [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(bytes[index]) { index += 1 }
                continue
            }
            if byte == UInt8(ascii: "{") {
                let prelude = String(decoding: out[min(preludeStart, out.count)...], as: UTF8.self)
                let holdsRules = ["@media", "@supports", "@layer", "@document", "@container"].contains { prelude.hasPrefix($0) }
                blocks.append(!holdsRules)
            } else if byte == UInt8(ascii: "}") {
                _ = blocks.popLast()
            }
            emit(byte)
            if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: ";") { preludeStart = out.count }
            index += 1
        }
        if !out.isEmpty { out.append(UInt8(ascii: "\n")) }
        return String(decoding: out, as: UTF8.self)
    }
}
