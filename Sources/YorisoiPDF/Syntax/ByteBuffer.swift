/// A growable byte buffer. A class, so the small typed writers (`Obj`, `DictWriter`, `ArrayWriter`)
/// can all append to the same bytes while they nest, the way pdf-writer's writers borrow one `Buf`.
///
/// `bytes` is exempt from Swift's run-time exclusivity checks: every method here is one short,
/// non-reentrant access (no closure runs while `bytes` is being changed), so the check could never
/// fire, and it cost about 3 % of a batch — a begin/end access pair for each of the hundreds of
/// thousands of digits and hex codes a document's content streams hold.
final class ByteBuffer {
    @exclusivity(unchecked) private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var count: Int { bytes.count }

    func append(_ byte: UInt8) { bytes.append(byte) }
    func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
    func append(_ data: [UInt8]) { bytes.append(contentsOf: data) }
    func append(_ data: ArraySlice<UInt8>) { bytes.append(contentsOf: data) }

    /// Digit by digit, like `appendReal`: object numbers, MCIDs and offsets are written by the
    /// hundred thousand, and `String(value)` built a string for each.
    func appendInt(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(UInt64(value.magnitude))
    }

    /// A real in PDF syntax: at most `decimals` fraction digits, no exponent, no trailing zeros.
    /// Written in place: content streams hold tens of thousands of numbers. The whole number is
    /// spelt last digit first into a buffer on the stack — fraction (its trailing zeros dropped),
    /// point, integer part, sign — and appended in one go.
    func appendReal(_ value: Double, decimals: Int = PDFNumber.defaultDecimals) {
        let units = PDFNumber.units(value, decimals: decimals)
        if units == 0 { bytes.append(UInt8(ascii: "0")); return }
        var rest = units.magnitude
        var fractionDigits = decimals
        while fractionDigits > 0, rest % 10 == 0 { rest /= 10; fractionDigits -= 1 }
        // 32 bytes: at most 19 digits of a clamped value, a point and a sign.
        var buffer: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &buffer) { out in
            var index = out.count
            if fractionDigits > 0 {
                Self.spell(&rest, count: fractionDigits, into: out, before: &index)
                index -= 1
                out[index] = UInt8(ascii: ".")
            }
            Self.spell(&rest, into: out, before: &index)
            if units < 0 { index -= 1; out[index] = UInt8(ascii: "-") }
            bytes.append(contentsOf: Self.typed(out, from: index))
        }
    }

    /// The digits come out last first into a buffer on the stack, by divisions by the constant
    /// 10 (multiplications once compiled), and are appended in one go.
    private func appendDigits(_ value: UInt64) {
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: a UInt64 has at most 20 digits
        withUnsafeMutableBytes(of: &buffer) { digits in
            var index = digits.count
            var rest = value
            Self.spell(&rest, into: digits, before: &index)
            bytes.append(contentsOf: Self.typed(digits, from: index))
        }
    }

    /// The digits spelt, as typed bytes: appending those is a copy of memory, where a slice of
    /// raw bytes went through the generic, element-by-element append.
    @inline(__always)
    private static func typed(_ buffer: UnsafeMutableRawBufferPointer, from index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + index,
                            count: buffer.count - index)
    }

    /// Spells the lowest decimal digits of `rest` right to left, ending just before `index`, and
    /// takes them off `rest`: `count` of them, leading zeros included, or when `count` is nil all
    /// of them (at least one, so 0 is "0").
    private static func spell(_ rest: inout UInt64, count: Int? = nil, into out: UnsafeMutableRawBufferPointer,
                              before index: inout Int) {
        var written = 0
        repeat {
            index -= 1
            out[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
            written += 1
        } while count.map { written < $0 } ?? (rest > 0)
    }

    /// Two uppercase hex digits per byte (PDF hex strings, CMap codes).
    func appendHex(_ data: [UInt8]) {
        for byte in data {
            bytes.append(PDFNumber.hexDigits[Int(byte >> 4)])
            bytes.append(PDFNumber.hexDigits[Int(byte & 0x0F)])
        }
    }

    /// Four hex digits: a 2-byte CID or UTF-16 code unit.
    func appendHex16(_ value: UInt16) {
        // Computed, not looked up in `PDFNumber.hexDigits`: one per glyph of every text run.
        @inline(__always) func digit(_ nibble: UInt16) -> UInt8 {
            let n = UInt8(truncatingIfNeeded: nibble & 0x0F)
            return n < 10 ? UInt8(ascii: "0") &+ n : UInt8(ascii: "A") &+ (n &- 10)
        }
        bytes.append(digit(value >> 12))
        bytes.append(digit(value >> 8))
        bytes.append(digit(value >> 4))
        bytes.append(digit(value))
    }
}

/// Number formatting that never depends on locale or on Double's shortest-representation printing,
/// so the same value always gives the same bytes.
enum PDFNumber {
    /// Three decimals are 1/1000 pt for coordinates and 1/1000 of a text-space thousandth for TJ
    /// adjustments: far below what any renderer distinguishes, and A4's 595.276 fits.
    static let defaultDecimals = 3
    private static let defaultFactor = Double(scale(defaultDecimals))

    static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Non-finite values are rejected earlier (display-list validation); here they degrade to 0
    /// rather than print `nan`, which would be a syntax error.
    /// `value` in units of 10^-decimals, as `ByteBuffer.appendReal` rounds it: two values print
    /// the same exactly when their units are equal, and print "0" exactly when they are 0.
    static func units(_ value: Double, decimals: Int = defaultDecimals) -> Int64 {
        guard value.isFinite else { return 0 }
        // The default scale is kept: counting it out took a fifth of a number's writing.
        let factor = decimals == defaultDecimals ? defaultFactor : Double(scale(decimals))
        let scaled = (value * factor).rounded(.toNearestOrAwayFromZero)
        // Values beyond Int64 cannot be meaningful page coordinates; clamp instead of trapping.
        return Int64(max(min(scaled, 9.0e17), -9.0e17))
    }

    static func scale(_ decimals: Int) -> UInt64 {
        var scale: UInt64 = 1
        for _ in 0..<decimals { scale *= 10 }
        return scale
    }
}
