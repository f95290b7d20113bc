internal import CNettle

/// Digests of bytes — MD5 for the PDF /ID, SHA-256 for the batch manifest and the template
/// check (`ValidatedTemplates`) — from the system's Nettle (Debian `nettle-dev`; assembly on
/// x86-64). Not swift-crypto: on Linux that compiles BoringSSL into every program that uses it,
/// and the document commands must build without the server's dependencies (issue #24, criterion
/// 5). Not OpenSSL's libcrypto either, which did the same work but cost a cold render 4% of its
/// instructions in provider set-up and 3 MB of relocated pages. Fingerprints of content, not
/// security.
public enum ContentDigest {
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        digest(bytes, nettle_sha256)
    }

    public static func md5(_ bytes: [UInt8]) -> [UInt8] {
        digest(bytes, nettle_md5)
    }

    /// `bytes` through one of Nettle's hash descriptors (its own table of init, update and digest).
    private static func digest(_ bytes: [UInt8], _ hash: nettle_hash) -> [UInt8] {
        let context = UnsafeMutableRawPointer.allocate(byteCount: Int(hash.context_size), alignment: 16)
        defer { context.deallocate() }
        var out = [UInt8](repeating: 0, count: Int(hash.digest_size))
        hash.`init`(context)
        bytes.withUnsafeBufferPointer { hash.update(context, $0.count, $0.baseAddress) }
        hash.digest(context, out.count, &out)
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
