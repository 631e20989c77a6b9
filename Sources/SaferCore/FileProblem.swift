import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What went wrong with a file or folder, in words a site's editor can act on, from whatever the
/// system or Foundation threw: never a Foundation error domain and number.
public struct FileProblem: Sendable, Equatable, CustomStringConvertible {
    /// The path concerned, when the error names one.
    public var path: String?
    /// "the disk is full", "a name is longer than the file system allows".
    public var what: String
    public var hint: String

    public var description: String { path.map { "\($0): \(what)" } ?? what }

    public init(_ error: any Error) {
        if let failure = error as? OutputWriter.Failure {
            self.init(code: failure.code, path: failure.path)
        } else if let posix = error as? POSIXError {
            self.init(code: posix.code.rawValue, path: nil)
        } else {
            let error = error as NSError
            let path = (error.userInfo[NSFilePathErrorKey] as? String) ?? (error.userInfo[NSURLErrorKey] as? URL)?.path
            if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
                self.init(code: Int32(underlying.code), path: path)
            } else if error.domain == NSPOSIXErrorDomain {
                self.init(code: Int32(error.code), path: path)
            } else if error.domain == NSCocoaErrorDomain, let code = Self.posixCode(forCocoa: error.code) {
                self.init(code: code, path: path)
            } else {
                self.init(code: nil, path: path)
            }
        }
    }

    /// From an `errno` value; nil when there is none to say.
    public init(code: Int32?, path: String?) {
        self.path = path
        switch code {
        case ENAMETOOLONG:
            what = "a name in this path is longer than the file system allows (255 bytes for one name)"
            hint = "shorten the names of the page's file or of the folders in content/ that this path comes from"
        case ENOSPC, EDQUOT:
            what = "the disk is full (or the disk quota is used up)"
            hint = "free some space on the disk, then build again"
        case EACCES, EPERM:
            what = "permission denied"
            hint = "check that you may write to this folder: its owner and permissions (ls -ld shows them)"
        case EROFS:
            what = "the disk is read-only"
            hint = "build to a folder on a disk that can be written to (--output)"
        case ENOENT:
            what = "a folder on the way does not exist"
            hint = "check the path; create the folder first if it should exist"
        case ENOTDIR:
            what = "a file stands where a folder is needed"
            hint = "rename or remove the file that has the folder's name"
        case EISDIR:
            what = "a folder stands where a file is needed"
            hint = "rename or remove the folder that has the file's name"
        case EEXIST:
            what = "something is already there"
            hint = "remove it, or choose another name"
        case EMFILE, ENFILE:
            what = "too many files are open at once"
            hint = "close other programs, or raise the limit on open files (ulimit -n)"
        case ELOOP:
            what = "symbolic links on the way lead round in a circle"
            hint = "fix or remove the links"
        case EIO:
            what = "the disk reported an input/output error"
            hint = "check the disk; copy the site elsewhere and build there"
        case let code?:
            what = String(cString: strerror(code)).lowercased()
            hint = "check the path, the disk's free space and the folder's permissions"
        case nil:
            what = "the system could not do it"
            hint = "check the path, the disk's free space and the folder's permissions"
        }
    }

    /// The `errno` behind a Foundation file error code (Foundation on Linux often throws these
    /// without the underlying POSIX error).
    private static func posixCode(forCocoa code: Int) -> Int32? {
        switch CocoaError.Code(rawValue: code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
        case .fileReadNoPermission, .fileWriteNoPermission: return EACCES
        case .fileWriteOutOfSpace: return ENOSPC
        case .fileWriteVolumeReadOnly: return EROFS
        case .fileWriteFileExists: return EEXIST
        case .fileWriteInvalidFileName, .fileReadInvalidFileName: return ENAMETOOLONG
        default: return nil
        }
    }
}
