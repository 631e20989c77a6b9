import Foundation

// ThemeEmbedder THEME_FOLDER OUTPUT.swift
// Writes the theme's files as Swift raw string literals (each byte as on disk), for the EmbedTheme
// build plugin: the default theme is then inside the binary, and a site needs no themes/ folder.

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: ThemeEmbedder THEME_FOLDER OUTPUT.swift\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1]).standardizedFileURL
var files: [(path: String, text: String)] = []
let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
while let url = enumerator?.nextObject() as? URL {
    guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
    let path = String(url.standardizedFileURL.path.dropFirst(folder.path.count + 1))
    guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("\(url.path): error: a theme file must be UTF-8 text\n".utf8))
        exit(1)
    }
    files.append((path, text))
}
files.sort { $0.path < $1.path }

var source = """
// Generated from themes/default/ by the EmbedTheme build plugin. Do not edit.

/// The default theme, built in: a site without a `themes/default/` folder uses these files.
enum BuiltInTheme {
    static let name = "default"

    /// Each file by its path below the theme's folder.
    static let files: [(path: String, text: String)] = [

"""
for (path, text) in files {
    // Enough #s that the text can never close or escape the literal.
    var hashes = "#"
    while text.contains("\"\"\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
    source += "        (\"\(path)\", \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)),\n"
}
source += "    ]\n}\n"
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: arguments[2]))
} catch {
    FileHandle.standardError.write(Data("\(arguments[2]): error: \(error)\n".utf8))
    exit(1)
}
