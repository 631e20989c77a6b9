import Foundation
import SaferContent
import SaferCore

/// Theme assets renamed with a hash of their content (`css/site.css` → `assets/css/site.3f9a1c2e.css`),
/// so browsers may cache them for ever and still see every change.
public struct AssetManifest: Sendable {
    public struct Asset: Sendable {
        /// Path below the theme's `static/`.
        public var sourcePath: String
        /// Path in the output folder.
        public var outputPath: String
        public var contents: Data
    }

    public var assets: [Asset]

    public static let outputFolder = "assets"

    /// With a `memo`, a stylesheet whose text is unchanged since the last build is not minified again.
    public init(theme: Theme, memo: TextMemo? = nil) throws(DiagnosticList) {
        var bag = DiagnosticBag()
        var assets: [Asset] = []
        for (path, file) in theme.assets.sorted(by: { $0.key < $1.key }) {
            guard var data = file.contents() else {
                bag.add(.error(at: SourceLocation(file: file.path), "this asset could not be read", hint: "check that it exists and may be read"))
                continue
            }
            // Stylesheets are minified: every page loads one, so its bytes count against each page.
            if path.hasSuffix(".css") {
                let text = String(decoding: data, as: UTF8.self)
                data = memo?.value("minified", path: file.path, text: text) { Data(CSSMinifier.minify(text).utf8) } ?? Data(CSSMinifier.minify(text).utf8)
            }
            assets.append(Asset(sourcePath: path, outputPath: Self.outputFolder + "/" + Self.hashedName(path, data), contents: data))
        }
        try bag.throwIfErrors()
        self.assets = assets
    }

    /// The key templates use: the path with every character other than a letter or digit as `_`,
    /// because Mustache reads dots as nesting (`css/site.css` → `{{assets.css_site_css}}`).
    public static func templateKey(_ path: String) -> String {
        String(path.unicodeScalars.map { s -> Character in
            (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") ? Character(s) : "_"
        })
    }

    /// Template keys to output paths (relative to the site root).
    public var templatePaths: [String: String] {
        Dictionary(uniqueKeysWithValues: assets.map { (Self.templateKey($0.sourcePath), $0.outputPath) })
    }

    static func hashedName(_ path: String, _ data: Data) -> String {
        let hash = String(ContentHash.fnv1a64(data), radix: 16).leftPadded(to: 16).prefix(8)
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "\(path).\(hash)" }
        return "\(path[..<dot]).\(hash)\(path[dot...])"
    }
}

extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
