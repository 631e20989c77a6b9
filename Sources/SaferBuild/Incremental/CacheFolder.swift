import Foundation
import SaferCore
import SaferMarkdown
import SaferContent
import SaferRender

/// Who wrote a cache, and for which site.yaml and options: when any of it changes, the cache's
/// work is thrown away.
struct CacheKey: Codable, Equatable {
    var generator: String
    var config: UInt64
    var options: String

    init(_ options: BuildOptions, generator: String) {
        let config = FileManager.default.contents(atPath: options.siteFolder.appendingPathComponent(SiteConfig.fileName).path) ?? Data()
        self.generator = generator
        self.config = TraceHash.of(config)
        self.options = "drafts=\(options.includeDrafts) strict=\(options.strict) edition=\(options.edition ?? "latest")"
    }

    /// Why the cache starts afresh when `self` was the key and `new` is, or nil when they are the same.
    func invalidation(by new: CacheKey) -> String? {
        guard self != new else { return nil }
        return generator != new.generator ? "the generator changed" : config != new.config ? "site.yaml changed" : "the build options changed"
    }
}

/// The cache on disk, in the site's `.safersite-cache/`.
enum CacheFolder {
    /// `manifest.json` holds the key and the traces; `blobs/` the bodies and files, by hash.
    struct CacheFile {
        var key: CacheKey
        var traces: [String: PageTrace]
    }

    private struct Manifest: Codable {
        var key: CacheKey
        var traces: [StoredTrace]
    }

    private struct StoredTrace: Codable {
        var outputPath: String
        var sourcePath: String
        var isReport: Bool
        var dependencies: [RecordedDependency]
        var body: String
        var headings: [StoredHeading]
        var files: [StoredFile]
        var diagnostics: [StoredDiagnostic]
        var pageHash: UInt64
        var html: String?
        var layoutKey: UInt64?
        var layoutReads: [SiteRead]?
    }

    private struct StoredHeading: Codable {
        var level: Int, text: String, id: String, file: String, line: Int?, column: Int?
    }

    private struct StoredFile: Codable {
        var path: String
        var blob: String
    }

    private struct StoredDiagnostic: Codable {
        var severity: String, file: String, line: Int?, column: Int?, message: String, hint: String?
    }

    static func save(_ cache: CacheFile, to folder: URL) throws {
        let blobs = folder.appendingPathComponent("blobs")
        try FileManager.default.createDirectory(at: blobs, withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: folder.appendingPathComponent(".gitignore").path) {
            try Data("# The build cache of SaferSite: safe to delete, never to commit.\n*\n".utf8).write(to: folder.appendingPathComponent(".gitignore"))
        }
        var used: Set<String> = []
        func blob(_ data: Data) throws -> String {
            let name = String(TraceHash.of(data), radix: 16) + "-\(data.count)"
            if used.insert(name).inserted, !FileManager.default.fileExists(atPath: blobs.appendingPathComponent(name).path) {
                try data.write(to: blobs.appendingPathComponent(name), options: .atomic)
            }
            return name
        }
        var stored: [StoredTrace] = []
        for (_, trace) in cache.traces.sorted(by: { $0.key < $1.key }) {
            stored.append(StoredTrace(
                outputPath: trace.outputPath, sourcePath: trace.sourcePath, isReport: trace.isReport, dependencies: trace.dependencies,
                body: try blob(Data(trace.body.utf8)),
                headings: trace.headings.map { StoredHeading(level: $0.level, text: $0.text, id: $0.id, file: $0.location.file, line: $0.location.line, column: $0.location.column) },
                files: try trace.files.map { StoredFile(path: $0.path, blob: try blob($0.contents)) },
                diagnostics: trace.diagnostics.map {
                    StoredDiagnostic(severity: $0.severity.rawValue, file: $0.location.file, line: $0.location.line, column: $0.location.column, message: $0.message, hint: $0.hint)
                },
                pageHash: trace.pageHash, html: try trace.html.map(blob), layoutKey: trace.layoutKey, layoutReads: trace.layoutReads))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(Manifest(key: cache.key, traces: stored)).write(to: folder.appendingPathComponent("manifest.json"), options: .atomic)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: blobs.path)) ?? [] where !used.contains(name) {
            try? FileManager.default.removeItem(at: blobs.appendingPathComponent(name))
        }
    }

    /// The saved cache, or nil when there is none or it cannot be read (then the build does all the work).
    static func load(from folder: URL) -> CacheFile? {
        guard let json = FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: json) else { return nil }
        let blobs = folder.appendingPathComponent("blobs")
        func blob(_ name: String) -> Data? {
            guard !name.contains("/"), let data = FileManager.default.contents(atPath: blobs.appendingPathComponent(name).path),
                  name == String(TraceHash.of(data), radix: 16) + "-\(data.count)" else { return nil }
            return data
        }
        var traces: [String: PageTrace] = [:]
        for stored in manifest.traces {
            guard let body = blob(stored.body) else { continue }
            var files: [OutputFile] = []
            for file in stored.files {
                guard let contents = blob(file.blob) else { break }
                files.append(OutputFile(path: file.path, contents: contents))
            }
            guard files.count == stored.files.count else { continue }
            traces[stored.outputPath] = PageTrace(
                outputPath: stored.outputPath, sourcePath: stored.sourcePath, isReport: stored.isReport, dependencies: stored.dependencies,
                body: String(decoding: body, as: UTF8.self),
                headings: stored.headings.map { Heading(level: $0.level, text: $0.text, id: $0.id, location: SourceLocation(file: $0.file, line: $0.line, column: $0.column)) },
                files: files,
                diagnostics: stored.diagnostics.map {
                    Diagnostic($0.severity == "error" ? .error : .warning, at: SourceLocation(file: $0.file, line: $0.line, column: $0.column), $0.message, hint: $0.hint)
                },
                pageHash: stored.pageHash, html: stored.html.flatMap(blob), layoutKey: stored.layoutKey, layoutReads: stored.layoutReads)
        }
        return CacheFile(key: manifest.key, traces: traces)
    }
}
