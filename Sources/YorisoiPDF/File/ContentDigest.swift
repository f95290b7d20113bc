internal import CNettle

/// Digests of document bytes — MD5 for the PDF /ID, SHA-256 for the batch manifest — from the
/// system's Nettle (Debian `nettle-dev`; assembly on x86-64). Not swift-crypto: on Linux that
/// compiles BoringSSL into every program that uses it, and the document commands must build
/// without the server's dependencies (issue #24, criterion 5). Not OpenSSL's libcrypto either,
/// which did the same work but cost a cold render 4% of its instructions in provider set-up
/// and 3 MB of relocated pages. Fingerprints of content, not security.
public enum ContentDigest {
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        var context = sha256_ctx()
        var out = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_SIZE))
        nettle_sha256_init(&context)
        bytes.withUnsafeBufferPointer { nettle_sha256_update(&context, $0.count, $0.baseAddress) }
        nettle_sha256_digest(&context, out.count, &out)
        return out
    }

    public static func md5(_ bytes: [UInt8]) -> [UInt8] {
        var context = md5_ctx()
        var out = [UInt8](repeating: 0, count: Int(MD5_DIGEST_SIZE))
        nettle_md5_init(&context)
        bytes.withUnsafeBufferPointer { nettle_md5_update(&context, $0.count, $0.baseAddress) }
        nettle_md5_digest(&context, out.count, &out)
        return out
    }

    /// Lower-case hexadecimal, as the manifest writes a SHA-256.
    public static func hex(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(digest.count * 2)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
