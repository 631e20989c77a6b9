import Foundation
import ZIPFoundation

/// Every data download of an edition in one ZIP file, for readers who want all of it at once.
/// The same files give the same bytes: entries in name order, each dated the ZIP epoch (1980-01-01,
/// as reproducible builds date them) with the same permissions, compressed the same way.
enum DataArchive {
    static let name = "all-data.zip"
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    /// The files below `folder`, each at its name in the archive; nil only if memory runs out
    /// (the page then lists the other downloads, and a link to the archive is reported broken).
    /// Given the downloads of the build before, keeps their archive when every file is the same
    /// bytes: deflating tens of megabytes is most of a rebuild's time on a large site, and an edit
    /// to the glossary or the corrections log changes no download.
    static func zip(_ files: [OutputFile], folder: String, changed: Set<String> = [], previous: [OutputFile]? = nil) -> Data? {
        if let previous, let kept = previous.first(where: { $0.path == folder + name }),
           sameFiles(files, previous.filter { $0.path != kept.path }, changed: changed) {
            return kept.contents
        }
        do {
            let archive = try Archive(accessMode: .create)
            for file in files.sorted(by: { $0.path < $1.path }) {
                let contents = file.contents
                try archive.addEntry(
                    with: String(file.path.dropFirst(folder.count)), type: .file, uncompressedSize: Int64(contents.count),
                    modificationDate: fixedDate, permissions: 0o644, compressionMethod: .deflate
                ) { position, size in
                    contents.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            return archive.data
        } catch {
            return nil
        }
    }

    /// Whether `files` are `previous` file for file, by path and bytes; those in `changed` are
    /// known to differ without comparing them.
    private static func sameFiles(_ files: [OutputFile], _ previous: [OutputFile], changed: Set<String>) -> Bool {
        guard files.count == previous.count, changed.isEmpty else { return false }
        let before = Dictionary(previous.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
        return files.allSatisfy { before[$0.path] == $0.contents }
    }
}
