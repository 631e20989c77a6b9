import CSaferSupport
import Foundation
import SaferContent
import SaferCore
import SaferRender

/// Writes a build's files all at once: into a hidden folder beside the output, swapped in only
/// when every file is written. A failed or killed build leaves the previous output as it was.
public struct OutputFolder: Sendable {
    public let url: URL
    /// A file in every output folder SaferSite writes, so a build never replaces a folder it did not make.
    public static let markerName = SiteFiles.outputMarker
    static let markerText = "This folder is written by SaferSite and replaced on every build. Do not edit it by hand.\n"

    /// Checks that `url` is a safe place to publish to for the site in `siteFolder`.
    public init(_ url: URL, siteFolder: URL) throws(Diagnostic) {
        let output = url.standardizedFileURL.resolvingSymlinksInPath()
        let site = siteFolder.standardizedFileURL.resolvingSymlinksInPath()
        let location = SourceLocation(file: "--output \(url.path)")
        if output.path == "/" || output.pathComponents.count < 2 {
            throw .error(at: location, "the output folder cannot be the root of the disk", hint: "use a folder of its own, such as output/ in the site folder")
        }
        if output.path == site.path || site.path.hasPrefix(output.path + "/") {
            throw .error(at: location, "the output folder cannot be the site folder or a folder that holds it, because every build replaces it",
                         hint: "use a folder of its own, such as output/ in the site folder")
        }
        for source in ["content", "themes", "templates", "static"] where output.path == site.appendingPathComponent(source).path || output.path.hasPrefix(site.appendingPathComponent(source).path + "/") {
            throw .error(at: location, "the output folder cannot be inside \(source)/, which holds the site's own files", hint: "use output/ in the site folder")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: output.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw .error(at: location, "\(output.path) is a file, not a folder, and a build would replace it",
                         hint: "choose a new folder for the output, such as output/ in the site folder")
        }
        if FileManager.default.fileExists(atPath: output.path) {
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: output.path) else {
                throw .error(at: location, "\(output.path) cannot be read, so SaferSite cannot tell whether it made it",
                             hint: "check the folder's permissions, or choose another output folder")
            }
            if !entries.isEmpty && !entries.contains(Self.markerName) {
                throw .error(at: location, "\(output.path) already holds files that SaferSite did not write, and a build would replace them",
                             hint: "choose an empty or new folder, or move those files away first")
            }
        }
        self.url = output
    }

    /// Writes `files` and swaps them in. On any error, the previous output is untouched.
    /// Writes `files` as the new output. `keep`: paths in the output folder the site keeps there
    /// itself (`keep:` in site.yaml, such as `CNAME`), carried over into the new output. Returns
    /// what the old output held at its top level that no build wrote and the new one does not
    /// keep: removed, and said. (The marker lists what the build wrote at the top level, so a page
    /// deleted since is removed without a word.)
    @discardableResult
    public func publish(_ files: [OutputFile], keep: [String] = []) throws(Diagnostic) -> [String] {
        let before = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { $0 != Self.markerName }
        let written = Set(((try? String(contentsOf: url.appendingPathComponent(Self.markerName), encoding: .utf8)) ?? "")
            .split(separator: "\n").dropFirst().map(String.init))
        let topLevel = Set(files.map { String($0.path.split(separator: "/", maxSplits: 1).first ?? "") }).sorted()
        let parent = url.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(url.lastPathComponent).building-\(getpid())")
        removeLeftovers(in: parent)
        do {
            try? FileManager.default.removeItem(at: staging)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            let all = files.sorted(by: { $0.path < $1.path }) + [OutputFile(path: Self.markerName, text: Self.markerText + topLevel.map { $0 + "\n" }.joined())]
            try Self.makeFolders(for: all, in: staging.path)
            // The folders exist: the files are written on every core.
            let stagingPath = staging.path
            let failures = ParallelMap.map(all.indices) { index -> OutputWriter.Failure? in
                do throws(OutputWriter.Failure) { try OutputWriter.write(all[index], to: stagingPath + "/" + all[index].path); return nil } catch { return error }
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
            // Kept files come from the old output, unless the build writes the same path.
            for path in keep {
                let source = url.appendingPathComponent(path), target = staging.appendingPathComponent(path)
                guard FileManager.default.fileExists(atPath: source.path), !FileManager.default.fileExists(atPath: target.path) else { continue }
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: source, to: target)
            }
        } catch {
            try? FileManager.default.removeItem(at: staging)
            // Named where the file was going, not in the staging folder nobody will see.
            var problem = FileProblem(error)
            problem.path = problem.path.map { $0.replacingAll(staging.path, with: url.path) }
            throw .error(at: SourceLocation(file: url.path), "the output could not be written: \(problem)",
                         hint: "\(problem.hint); the previous output is unchanged")
        }
        let after = Set(((try? FileManager.default.contentsOfDirectory(atPath: staging.path)) ?? []))
        try swapIn(staging)
        return before.filter { !after.contains($0) && !written.contains($0) }.sorted()
    }

    /// Brings an output folder that this process published (`previous`: what it holds) up to date by
    /// writing only the files that changed, each through a temporary file and a rename, and removing
    /// the files that are gone. For the rebuilds of `serve` and `--watch`: every file is always whole,
    /// and the site as a whole is new once this returns. A plain `build` swaps in a whole folder.
    /// Returns the files it wrote, and whether it removed any. `knownChanged`: paths whose files
    /// are known to differ from what the folder holds, written without comparing them.
    @discardableResult
    public func update(_ files: [OutputFile], previous: [String: Data], knownChanged: Set<String> = []) throws(Diagnostic) -> (written: [OutputFile], removedAny: Bool) {
        do {
            var known = 0
            let changed = files.filter { file in
                guard let before = previous[file.path] else { return true }
                known += 1
                return knownChanged.contains(file.path) || !Self.same(before, file.contents)
            }
            let root = url.path
            try Self.makeFolders(for: changed, in: root)
            for file in changed {
                let target = root + "/" + file.path
                let temporary = target + ".safersite-\(getpid())"
                try OutputWriter.write(file, to: temporary)
                guard rename(temporary, target) == 0 else { throw OutputWriter.Failure(path: target, code: errno) }
            }
            // Every path the folder held is still written (the usual rebuild): nothing to remove.
            guard known < previous.count else { return (changed, false) }
            let kept = Set(files.map(\.path))
            for path in previous.keys.sorted() where !kept.contains(path) {
                unlink(root + "/" + path)
                // The folder of a page that is gone, once empty (rmdir leaves a folder with files alone).
                if let slash = path.lastIndex(of: "/") { rmdir(root + "/" + path[..<slash]) }
            }
            return (changed, true)
        } catch {
            let problem = FileProblem(error)
            throw .error(at: SourceLocation(file: url.path), "the output could not be brought up to date: \(problem)",
                         hint: "\(problem.hint); then stop and start again to rebuild it whole")
        }
    }

    /// Makes the folders `files` go in, below `root`, each once.
    /// Makes every folder `files` need below `root`, shallowest first, on every core: the folders
    /// in one parent folder all on one core, as two cores making folders in the same folder wait
    /// on each other (making them all on one core was a third of writing a large site).
    private static func makeFolders(for files: [OutputFile], in root: String) throws(OutputWriter.Failure) {
        // Paths looked at as UTF-8 bytes: by Character, finding the slashes of ten thousand paths
        // cost more than making the folders.
        let slash = UInt8(ascii: "/")
        var byDepth: [[Substring: [Substring]]] = []
        var seen: Set<Substring> = []
        for file in files {
            var folder = file.path[...]
            var ancestors: [Substring] = []
            while let end = folder.utf8.lastIndex(of: slash) {
                folder = folder[..<end]
                guard seen.insert(folder).inserted else { break }
                ancestors.append(folder)
            }
            for folder in ancestors {
                let parentEnd = folder.utf8.lastIndex(of: slash)
                let depth = parentEnd == nil ? 0 : folder.utf8.reduce(0) { $1 == slash ? $0 + 1 : $0 }
                while byDepth.count <= depth { byDepth.append([:]) }
                byDepth[depth][parentEnd.map { folder[..<$0] } ?? "", default: []].append(folder)
            }
        }
        for level in byDepth {
            let groups = Array(level.values)
            let failures = ParallelMap.map(groups.indices) { index -> OutputWriter.Failure? in
                for folder in groups[index] {
                    let path = root + "/" + folder
                    if mkdir(path, 0o755) != 0 && errno != EEXIST { return OutputWriter.Failure(path: path, code: errno) }
                }
                return nil
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        }
    }

    /// Whether two file contents are the same bytes; a page reused from the last build is the
    /// very same buffer, known without comparing its bytes.
    static func same(_ a: Data, _ b: Data) -> Bool {
        guard a.count == b.count else { return false }
        let shared = a.withUnsafeBytes { x in b.withUnsafeBytes { y in x.baseAddress == y.baseAddress } }
        return shared || a == b
    }

    /// Replaces the output with `staging` in one step where the file system allows it.
    private func swapIn(_ staging: URL) throws(Diagnostic) {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: url.path) {
            if safer_exchange_paths(staging.path, url.path) == 0 {
                OutputWriter.removeTree(staging.path)  // now holds the previous output
                return
            }
            // No atomic exchange here (an old kernel or another file system): two renames.
            let previous = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).previous-\(getpid())")
            do {
                try fileManager.moveItem(at: url, to: previous)
                try fileManager.moveItem(at: staging, to: url)
                try? fileManager.removeItem(at: previous)
            } catch {
                if !fileManager.fileExists(atPath: url.path) { try? fileManager.moveItem(at: previous, to: url) }
                try? fileManager.removeItem(at: staging)
                let problem = FileProblem(error)
                throw .error(at: SourceLocation(file: url.path), "the new output could not replace the old: \(problem)",
                             hint: "\(problem.hint); the previous output is unchanged")
            }
        } else {
            do {
                try fileManager.moveItem(at: staging, to: url)
            } catch {
                try? fileManager.removeItem(at: staging)
                let problem = FileProblem(error)
                throw .error(at: SourceLocation(file: url.path), "the output could not be created: \(problem)", hint: problem.hint)
            }
        }
    }

    /// Staging folders of builds that were killed half-way.
    private func removeLeftovers(in parent: URL) {
        let prefixes = [".\(url.lastPathComponent).building-", ".\(url.lastPathComponent).previous-"]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        where prefixes.contains(where: name.hasPrefix) {
            let pid = Int32(name.split(separator: "-").last ?? "") ?? 0
            if pid != getpid() && (pid <= 0 || kill(pid, 0) != 0) {  // its build is no longer running
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
            }
        }
    }
}

extension OutputWriter {
    /// Writes one output file: a spilled one by copying its temporary file (its bytes never read
    /// into memory), any other from its contents.
    static func write(_ file: OutputFile, to path: String) throws(Failure) {
        if let spilled = file.spilled { try copy(spilled, to: path) } else { try write(file.contents, to: path) }
    }
}

extension OutputWriter {
    /// Copies a spilled file to `path` in the kernel (copy_file_range), falling back to reading
    /// and writing a megabyte at a time where that is not possible: never the whole file in memory.
    static func copy(_ source: SpilledFile, to path: String) throws(Failure) {
        let output = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw Failure(path: path, code: errno) }
        defer { close(output) }
        var offset: Int64 = 0
        while offset < Int64(source.count) {
            let copied = safer_copy_file_range(source.descriptor, &offset, output, source.count - Int(offset))
            if copied == 0 { break }
            if copied < 0 {
                if errno == EINTR { continue }
                if errno == EXDEV || errno == ENOSYS || errno == EINVAL || errno == EOPNOTSUPP { break }
                throw Failure(path: path, code: errno)
            }
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while offset < Int64(source.count) {
            let count = pread(source.descriptor, &buffer, buffer.count, off_t(offset))
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, code: errno)
            }
            if let failure = buffer.withUnsafeBytes({ writeAll(UnsafeRawBufferPointer(rebasing: $0[..<count]), to: output) }) {
                throw Failure(path: path, code: failure)
            }
            offset += Int64(count)
        }
    }
}
