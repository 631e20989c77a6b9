import Foundation
import SaferContent
import SaferCore
import SaferData
import SaferRender

/// The data set and its downloads, kept while no file of the data folder changed.
final class DataCache: Sendable {
    private struct Kept {
        var folderHash: UInt64
        var options: String
        var data: LoadedData
    }

    private let kept = Locked<Kept?>(nil)

    func forget() { kept.withLock { $0 = nil } }

    /// The data set and its downloads, loaded again only when a file in content/data changed (or
    /// the site's title, which the data package names). The folder's hash is read before the files
    /// are, so an edit during the load is seen by the next build.
    /// `load` is given the downloads of the data loaded before, to patch.
    func load(_ options: BuildOptions, title: String, _ load: (Deferred<DownloadFiles>?) throws(DiagnosticList) -> LoadedData) throws(DiagnosticList) -> LoadedData {
        let folderHash = Self.fingerprint(options.siteFolder.appendingPathComponent(SiteContent.dataFolder))
        let optionsText = "strict=\(options.strict) title=\(title)"
        // Let go of the old data first: the new is often the old with a value changed in place
        // (`DataSet.parse`), which a second holder would force to be copied. Its downloads
        // (bytes only) are kept for the new ones to patch.
        let found = kept.withLock { kept -> (data: LoadedData?, previousDownloads: Deferred<DownloadFiles>?) in
            if let current = kept, current.folderHash == folderHash, current.options == optionsText { return (current.data, nil) }
            let previous = kept?.data.downloads
            kept = nil
            return (nil, previous)
        }
        if let data = found.data { return data }
        let loaded = try load(found.previousDownloads)
        kept.withLock { $0 = Kept(folderHash: folderHash, options: optionsText, data: loaded) }
        return loaded
    }

    /// A hash of every file's path and bytes below `folder`.
    static func fingerprint(_ folder: URL) -> UInt64 {
        var hash = TraceHash.of(folder.path)
        // Every file, hidden ones too: whatever the data loader reads is in here.
        let keys: [URLResourceKey] = [.isRegularFileKey, .isDirectoryKey, .isSymbolicLinkKey, .fileSizeKey, .contentModificationDateKey]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys)
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL { files.append(url) }
        for url in files.sorted(by: { $0.path < $1.path }) {
            hash = hash &* 31 &+ TraceHash.of(url.path)
            let values = try? url.resourceValues(forKeys: Set(keys))
            if values?.isDirectory == true { continue }
            // Only ordinary files of a size the loader reads are read here: a link, a pipe or a
            // huge file is named by what it is (the loader then refuses it with its own message),
            // so fingerprinting can neither hang nor read 200 MB.
            if values?.isSymbolicLink == true {
                hash = hash &* 31 &+ TraceHash.of("link " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) ?? "?"))
            } else if values?.isRegularFile != true {
                hash = hash &* 31 &+ TraceHash.of("not an ordinary file")
            } else if let size = values?.fileSize, size > TextFile.maximumSize {
                let time = values?.contentModificationDate?.timeIntervalSince1970 ?? 0
                hash = hash &* 31 &+ TraceHash.of("large \(size) \(time)")
            } else {
                hash = hash &* 31 &+ TraceHash.of(FileManager.default.contents(atPath: url.path) ?? Data("unreadable".utf8))
            }
        }
        return hash
    }
}

/// A site's data set with the download files made from it.
struct LoadedData: Sendable {
    var data: DataSet
    var downloads: Deferred<DownloadFiles>
}
