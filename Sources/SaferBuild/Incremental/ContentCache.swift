import Foundation
import SaferContent
import SaferCore
import SaferRender

/// The site's pages as the last build read them, and the link checker it made from them: kept
/// while nothing they are made from has changed.
final class ContentCache: Sendable {
    private let content = Locked<(options: String, content: SiteContent)?>(nil)
    private let links = Locked<(inputs: UInt64, resolver: LinkResolver)?>(nil)

    /// The content the last build read, when the watcher says nothing it is read from has changed
    /// since (`ChangeKind.rereadsPages`). Nil when the changes are not known.
    func unchanged(_ options: BuildOptions) -> SiteContent? {
        guard options.changes?.leavesPagesUnchanged == true else { return nil }
        return content.withLock { $0?.options == Self.options(options) ? $0?.content : nil }
    }

    /// Keeps the content a build read (nil when it could not be read).
    func remember(_ read: SiteContent?, options: BuildOptions) {
        content.withLock { $0 = read.map { (Self.options(options), $0) } }
    }

    /// The link checker the last build made, kept while what it was made from is the same.
    func linkResolver(_ inputs: UInt64, _ make: () -> LinkResolver) -> LinkResolver {
        if let kept = links.withLock({ $0 }), kept.inputs == inputs { return kept.resolver }
        let resolver = make()
        links.withLock { $0 = (inputs, resolver) }
        return resolver
    }

    private static func options(_ options: BuildOptions) -> String {
        "\(options.siteFolder.path) drafts=\(options.includeDrafts)"
    }
}

/// What this process last wrote to an output folder, so the next build of `serve` or `--watch`
/// can write only what changed.
final class PublishedOutput: Sendable {
    private struct Written {
        var folder: String
        var identity: FolderIdentity
        var files: [String: Data]
    }

    private let written = Locked<Written?>(nil)

    /// A folder as the file system knows it: a folder deleted and made again is another one.
    struct FolderIdentity: Equatable {
        var device: UInt64, inode: UInt64
        init?(_ path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    /// The files of the output folder at `folder` when this process wrote it last and nothing has
    /// replaced the folder since (it holds what was written, unless edited by hand); else nil.
    func files(in folder: URL) -> [String: Data]? {
        written.withLock { written in
            guard let written, written.folder == folder.path, FolderIdentity(folder.path) == written.identity,
                  FileManager.default.fileExists(atPath: folder.appendingPathComponent(OutputFolder.markerName).path) else { return nil }
            return written.files
        }
    }

    func record(_ files: [OutputFile], in folder: URL) {
        let identity = FolderIdentity(folder.path)
        written.withLock { written in
            written = identity.map { Written(folder: folder.path, identity: $0, files: Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { a, _ in a })) }
        }
    }

    /// Notes files written into the folder last recorded, none removed (a rebuild's update).
    func recordWritten(_ files: [OutputFile]) {
        written.withLock { written in
            for file in files { written?.files[file.path] = file.contents }
        }
    }
}
