internal import CZlib

/// zlib's `compress2` gives exactly the RFC 1950 stream `/FlateDecode` expects. The output depends
/// only on the input, the level and the zlib build, so it keeps files deterministic.
enum Deflate {
    static func compress(_ data: [UInt8], level: Int) throws(PDFError) -> [UInt8] {
        var length = compressBound(uLong(data.count))
        var out = [UInt8](repeating: 0, count: Int(length))
        let status = data.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                compress2(target.baseAddress, &length, source.baseAddress, uLong(source.count),
                          Int32(clamping: level))
            }
        }
        guard status == Z_OK else { throw PDFError.compressionFailed(status: Int(status)) }
        out.removeLast(out.count - Int(length))
        return out
    }
}
