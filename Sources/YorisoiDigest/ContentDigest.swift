internal import CNettle

/// SHA-256 digests of bytes — for the PDF /ID, the batch manifest and the template check
/// (`ValidatedTemplates`) — from the system's Nettle (Debian `nettle-dev`), which picks the CPU's
/// SHA instructions where it has them. Not swift-crypto: on Linux that compiles BoringSSL into
/// every program that uses it, and the document commands must build without the server's
/// dependencies (issue #24, criterion 5). Not OpenSSL's libcrypto either, which did the same work
/// but cost a cold render 4% of its instructions in provider set-up and 3 MB of relocated pages.
/// Fingerprints of content, not security.
public enum ContentDigest {
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        digest(bytes, nettle_sha256)
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

/// SHA-256 over bytes given piece by piece, with the digest of what has been given so far to be
/// had on the way: a PDF's /ID is the digest of the file up to its XMP packet, and the digest of
/// the whole file (the batch manifest's) goes on from there, so the file is read once for both.
///
/// Owns Nettle's context (plain memory, copied to take a digest on the way).
public final class SHA256Stream {
    private let context: UnsafeMutableRawPointer
    private let size: Int

    public init() {
        size = Int(nettle_sha256.context_size)
        context = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        nettle_sha256.`init`(context)
    }

    deinit { context.deallocate() }

    public func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        nettle_sha256.update(context, bytes.count, base.assumingMemoryBound(to: UInt8.self))
    }

    public func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The digest of everything given so far; more may be given after.
    public func digestSoFar() -> [UInt8] {
        let copy = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        defer { copy.deallocate() }
        copy.copyMemory(from: context, byteCount: size)
        var out = [UInt8](repeating: 0, count: Int(nettle_sha256.digest_size))
        nettle_sha256.digest(copy, out.count, &out)
        return out
    }
}
