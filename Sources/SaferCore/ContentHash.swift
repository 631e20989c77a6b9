import Foundation

/// A fast, stable content hash (FNV-1a, 64-bit): for cache-busting names, not for security.
public enum ContentHash {
    public static func fnv1a64(_ data: some Sequence<UInt8>) -> UInt64 {
        // Over contiguous bytes when the sequence has them (a String's UTF-8, Data): incremental
        // builds hash every page's text and HTML, and the generic loop was several times slower.
        if let hash = data.withContiguousStorageIfAvailable({ fnv1a64(buffer: UnsafeRawBufferPointer($0)) }) { return hash }
        var hash = offsetBasis
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return hash
    }

    public static func fnv1a64(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { fnv1a64(buffer: UnsafeRawBufferPointer($0)) }
    }

    public static func fnv1a64(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { fnv1a64(buffer: $0) }
    }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    private static func fnv1a64(buffer: UnsafeRawBufferPointer) -> UInt64 {
        var hash = offsetBasis
        for byte in buffer {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return hash
    }
}
