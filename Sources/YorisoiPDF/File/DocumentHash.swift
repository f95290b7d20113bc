import YorisoiDigest

/// The hashes behind deterministic identifiers: SHA-256 for the file /ID and XMP document IDs
/// (its first 16 bytes, the conventional length; computed from content, never from the clock or
/// a random source), FNV-1a for the short subset tags.
enum DocumentHash {
    static func fnv1a64(_ bytes: some Sequence<UInt8>, seed: UInt64 = 0xcbf29ce484222325) -> UInt64 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100000001b3
        }
        return hash
    }

    /// The file /ID of a file whose bytes so far went into `stream`: the first 16 bytes of their
    /// SHA-256. (MD5, the convention, took a 50-plan batch 2.3% of its time; SHA-256 runs on the
    /// CPU's own instructions and also gives the manifest its digest in the same pass.)
    static func fileID(_ stream: SHA256Stream) -> [UInt8] {
        Array(stream.digestSoFar().prefix(16))
    }

    /// A name-based UUID string from a 16-byte SHA-256 prefix, for xmpMM IDs: version 8, as
    /// RFC 9562 (appendix B.2) marks a name-based UUID made with SHA-256.
    static func uuid(_ digest: [UInt8]) -> String {
        var bytes = digest
        bytes[6] = (bytes[6] & 0x0F) | 0x80
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { byte in
            String(UnicodeScalar(PDFNumber.hexDigits[Int(byte >> 4)])).lowercased()
                + String(UnicodeScalar(PDFNumber.hexDigits[Int(byte & 0x0F)])).lowercased()
        }
        let groups = [0..<4, 4..<6, 6..<8, 8..<10, 10..<16].map { hex[$0].joined() }
        return groups.joined(separator: "-")
    }
}
