internal import CLibCrypto

/// Digests of document bytes — MD5 for the PDF /ID, SHA-256 for the batch manifest — from the
/// system's libcrypto (OpenSSL's assembly, as fast as BoringSSL's). Not swift-crypto: on Linux
/// that compiles BoringSSL into every program that uses it, and the document commands must
/// build without the server's dependencies (issue #24, criterion 5). Fingerprints of content,
/// not security.
public enum ContentDigest {
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        digest(bytes, EVP_sha256(), length: 32)
    }

    public static func md5(_ bytes: [UInt8]) -> [UInt8] {
        digest(bytes, EVP_md5(), length: 16)
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

    private static func digest(_ bytes: [UInt8], _ type: OpaquePointer?, length: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var written: UInt32 = 0
        let ok = bytes.withUnsafeBytes { input in
            EVP_Digest(input.baseAddress, input.count, &out, &written, type, nil)
        }
        // EVP_Digest fails only without memory or with a digest the library was built without;
        // neither can be handled here, and a wrong /ID or hash would be a silent error.
        precondition(ok == 1 && Int(written) == length, "libcrypto digest failed")
        return Array(out.prefix(length))
    }
}
