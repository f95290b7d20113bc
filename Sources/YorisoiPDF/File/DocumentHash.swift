import YorisoiDigest

/// The hashes behind deterministic identifiers: MD5 for the file /ID and XMP document IDs
/// (the conventional 16-byte ID, computed from content, never from the clock or a random source),
/// FNV-1a for the short subset tags.
enum DocumentHash {
    static func fnv1a64(_ bytes: some Sequence<UInt8>, seed: UInt64 = 0xcbf29ce484222325) -> UInt64 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100000001b3
        }
        return hash
    }

    /// MD5 (Nettle's, through `ContentDigest`). A content fingerprint, not security: the PDF /ID convention is a
    /// 16-byte digest.
    static func md5(_ message: [UInt8]) -> [UInt8] {
        ContentDigest.md5(message)
    }

    /// A name-based (version 3, MD5) UUID string from a 16-byte digest, for xmpMM IDs.
    static func uuid(_ digest: [UInt8]) -> String {
        var bytes = digest
        bytes[6] = (bytes[6] & 0x0F) | 0x30
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { byte in
            String(UnicodeScalar(PDFNumber.hexDigits[Int(byte >> 4)])).lowercased()
                + String(UnicodeScalar(PDFNumber.hexDigits[Int(byte & 0x0F)])).lowercased()
        }
        let groups = [0..<4, 4..<6, 6..<8, 8..<10, 10..<16].map { hex[$0].joined() }
        return groups.joined(separator: "-")
    }
}
