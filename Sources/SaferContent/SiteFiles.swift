import Foundation
import SaferCore

/// A file found in the site folder.
public struct SiteFile: Sendable, Hashable {
    /// Relative to the site folder, with `/` separators.
    public var path: String
    /// Where it is on disk. A path rather than a URL: a site has thousands of files, and making a
    /// URL for each (and its path back from it) cost more than listing them.
    public var absolutePath: String
    public var url: URL { URL(fileURLWithPath: absolutePath, isDirectory: false) }
}

/// Lists files inside the site folder, refusing any path that leads out of it.
public enum SiteFiles {
    /// Every regular file below `folder/subfolder`, sorted by path; hidden files are skipped.
    /// A symbolic link that points outside the site folder is an error: content must not read
    /// files the site does not own.
    public static func list(in folder: URL, below subfolder: String) throws(DiagnosticList) -> [SiteFile] {
        try listing(in: folder, below: subfolder).files
    }

    /// `list`, with the hidden Markdown files it skipped (`content/.draft.md`, `content/..md`) by
    /// path, so that a page left out by its name alone can be pointed out. Editors' lock and
    /// resource files (`.#page.md`, `._page.md`) are not counted.
    /// Every problem is reported, not the first: three links out of the site are three errors.
    public static func listing(in folder: URL, below subfolder: String) throws(DiagnosticList) -> (files: [SiteFile], hiddenPages: [String]) {
        var hiddenPages: [String] = []
        let root = folder.appendingPathComponent(subfolder)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else { return ([], []) }
        let siteRoot = FileKind.resolvedPath(folder.path) ?? folder.resolvingSymlinksInPath().standardizedFileURL.path
        let rootResolved = FileKind.resolvedPath(root.path) ?? root.path
        func isInsideTheSite(_ resolved: String) -> Bool { resolved == siteRoot || resolved.hasPrefix(siteRoot + "/") }
        guard isInsideTheSite(rootResolved) else {
            throw DiagnosticList([outsideTheSite(subfolder)])
        }
        var files: [SiteFile] = []
        var problems: [Diagnostic] = []
        // Each folder carries its resolved path, so an entry that is not a link resolves to that
        // path plus its name: one lstat per file instead of realpath's readlink per path component.
        var folders = [(absolutePath: root.path, path: subfolder, resolved: rootResolved, depth: 0)]
        while let current = folders.popLast() {
            guard current.depth < 32 else {
                problems.append(.error(at: SourceLocation(file: current.path), "folders are nested more than 32 deep here",
                                       hint: "flatten the folder structure; deep nesting is usually a mistake (or a link to itself)"))
                continue
            }
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: current.absolutePath) } catch {
                problems.append(.error(at: SourceLocation(file: current.path), "the folder could not be read", hint: "check its permissions"))
                continue
            }
            for name in names where name.hasPrefix(".") && name.hasSuffix(".md") && !name.hasPrefix(".#") && !name.hasPrefix("._") {
                hiddenPages.append(current.path + "/" + name)
            }
            for name in names where !name.hasPrefix(".") {
                let path = current.path + "/" + name
                let entryPath = current.absolutePath + "/" + name
                var resolved = current.resolved + "/" + name
                var found: FileKind?
                if let entry = FileKind.ofEntry(entryPath), !entry.isLink {
                    found = entry.kind
                } else {
                    // realpath(3) fails only for a link that leads nowhere, which is then named below.
                    resolved = FileKind.resolvedPath(entryPath) ?? URL(fileURLWithPath: entryPath).standardizedFileURL.path
                    guard isInsideTheSite(resolved) else {
                        problems.append(outsideTheSite(path))
                        continue
                    }
                    if let problem = linkProblem(resolved, siteRoot: siteRoot, path: path) {
                        problems.append(problem)
                        continue
                    }
                    found = FileKind.of(resolved)
                }
                if found?.kind == .folder {
                    folders.append((entryPath, path, resolved, current.depth + 1))
                } else {
                    // Pages are read whole and other files copied whole: refuse what would not fit,
                    // and pipes or devices, which would never finish reading.
                    guard let found else {
                        problems.append(.error(at: SourceLocation(file: path), "this is a link to a file that does not exist", hint: "remove the link, or put the file it names back"))
                        continue
                    }
                    if found.kind != .regular {
                        problems.append(.error(at: SourceLocation(file: path), "this is not an ordinary file (it is a device, pipe or socket)", hint: "remove it from the site folder"))
                        continue
                    }
                    if found.size > TextFile.maximumSize {
                        problems.append(.error(at: SourceLocation(file: path),
                                               "this file is \(found.size / (1024 * 1024)) MB, larger than the \(TextFile.maximumSize / (1024 * 1024)) MB SaferSite publishes",
                                               hint: "make it smaller (a PDF can be saved \"for the web\", an image resized), or link to it where it is published elsewhere"))
                        continue
                    }
                    files.append(SiteFile(path: path, absolutePath: entryPath))
                }
            }
        }
        // Two names that differ only in how an accent is encoded are one name to a reader, to
        // Swift's strings and to the addresses they would be published at.
        if let (first, second) = NormalisedNames.firstCollision(files.map(\.path)) {
            problems.append(NormalisedNames.collision(first, second))
        }
        if !problems.isEmpty { throw DiagnosticList(problems.sorted { $0.location < $1.location }) }
        return (files.sorted { $0.path < $1.path }, hiddenPages.sorted())
    }

    /// The name of the file that marks a folder SaferSite writes its output to (`OutputFolder`).
    public static let outputMarker = ".safersite"

    /// A link inside the site that still must not be followed: into a hidden folder (`.git`, a
    /// cache), which would publish it, or into a folder SaferSite writes its output to, which would
    /// publish the site inside itself, one level deeper each build.
    static func linkProblem(_ resolved: String, siteRoot: String, path: String) -> Diagnostic? {
        let inside = resolved == siteRoot ? "" : String(resolved.dropFirst(siteRoot.count + 1))
        if inside.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            return .error(at: SourceLocation(file: path), "this is a link to a hidden file or folder of the site (\(inside))",
                          hint: "hidden files such as .git are never published; copy what you mean to publish into content/ instead of linking to it")
        }
        var folder = resolved
        while folder.count > siteRoot.count {
            if FileManager.default.fileExists(atPath: folder + "/" + outputMarker) {
                return .error(at: SourceLocation(file: path), "this is a link into a folder SaferSite writes its output to",
                              hint: "remove the link: it would publish the site inside itself, one level deeper every build")
            }
            folder = String(folder[..<(folder.lastIndex(of: "/") ?? folder.startIndex)])
        }
        return nil
    }

    private static func outsideTheSite(_ path: String) -> Diagnostic {
        .error(at: SourceLocation(file: path), "this is a link to a file outside the site folder",
               hint: "copy the file into the site folder instead of linking to it")
    }
}
