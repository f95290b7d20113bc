/// A growable byte buffer. A class, so the small typed writers (`Obj`, `DictWriter`, `ArrayWriter`)
/// can all append to the same bytes while they nest, the way pdf-writer's writers borrow one `Buf`.
///
/// The bytes live in memory this buffer allocates and frees itself, not in an `[UInt8]`: an
/// array's `append(contentsOf:)` cost ~90 instructions for the few bytes of a number or an
/// operator (checks, then the generic copy), and a document's content streams append hundreds of
/// thousands of those; here an append is a capacity check and a copy. `bytes` copies them out
/// once, when the buffer is done.
///
/// The stored properties are exempt from Swift's run-time exclusivity checks: every method here
/// is one short, non-reentrant access (no closure runs while they change), so the check could
/// never fire, and it cost about 3 % of a batch.
final class ByteBuffer {
    @exclusivity(unchecked) private var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private(set) var count = 0

    init(capacity: Int = 0) {
        self.capacity = max(capacity, 256)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// A copy of the bytes written.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The bytes written, without copying them.
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Room for `extra` more bytes; the caller then writes them at `base + count`.
    @inline(__always)
    private func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private func grow(to needed: Int) {
        let larger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// `data` must not point into this buffer (growing it would free the bytes being read).
    func append(_ data: UnsafeBufferPointer<UInt8>) {
        guard let source = data.baseAddress, !data.isEmpty else { return }
        reserve(data.count)
        (base + count).initialize(from: source, count: data.count)
        count += data.count
    }

    func append(_ text: String) {
        // Literals and native strings are contiguous UTF-8 (a short string is copied to the
        // stack first); anything else is walked.
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { append($0) }
        if done == nil { for byte in text.utf8 { append(byte) } }
    }

    func append(_ data: [UInt8]) { data.withUnsafeBufferPointer { append($0) } }
    func append(_ data: ArraySlice<UInt8>) { data.withUnsafeBufferPointer { append($0) } }
    func append(_ other: ByteBuffer) {
        let added = other.count
        // Room first: when `other` is this buffer, its bytes are then read from where they now are.
        reserve(added)
        (base + count).initialize(from: other.base, count: added)
        count += added
    }

    /// Digit by digit, like `appendReal`: object numbers, MCIDs and offsets are written by the
    /// hundred thousand, and `String(value)` built a string for each.
    func appendInt(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        appendDigits(UInt64(value.magnitude))
    }

    /// A real in PDF syntax: at most `decimals` fraction digits, no exponent, no trailing zeros.
    /// Written in place: content streams hold tens of thousands of numbers. The whole number is
    /// spelt last digit first into a buffer on the stack — fraction (its trailing zeros dropped),
    /// point, integer part, sign — and appended in one go.
    func appendReal(_ value: Double, decimals: Int = PDFNumber.defaultDecimals) {
        appendUnits(PDFNumber.units(value, decimals: decimals), decimals: decimals)
    }

    /// `units` of 10^-`decimals` (what `PDFNumber.units` gives) as `appendReal` writes them.
    /// With the default three decimals — every coordinate and adjustment — the digits go
    /// straight into the buffer, left to right: the integer part's length is counted first,
    /// and the fraction is at most three digits.
    func appendUnits(_ units: Int64, decimals: Int = PDFNumber.defaultDecimals) {
        guard decimals == PDFNumber.defaultDecimals else { return appendUnitsSpelt(units, decimals: decimals) }
        if units == 0 { append(UInt8(ascii: "0")); return }
        // A sign, at most 15 integer digits (units are clamped to 9e17), a point and 3 digits.
        reserve(20)
        // Through a local pointer: a byte stored through `base` could alias the buffer's own
        // fields, so every `base[i]` would load them again.
        let out = base + count
        var at = 0
        if units < 0 { out[0] = UInt8(ascii: "-"); at = 1 }
        let magnitude = units.magnitude
        var whole = magnitude / 1000
        let fraction = Int(magnitude % 1000)
        var digits = 1, probe = whole
        while probe >= 10 { probe /= 10; digits += 1 }
        var index = at + digits
        repeat {
            index -= 1
            out[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: whole % 10)
            whole /= 10
        } while index > at
        at += digits
        if fraction != 0 {
            // Trailing zeros dropped: 500 → .5, 50 → .05, 120 → .12.
            out[at] = UInt8(ascii: ".")
            out[at + 1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: fraction / 100)
            at += 2
            let rest = fraction % 100
            if rest != 0 {
                out[at] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest / 10)
                at += 1
                if rest % 10 != 0 {
                    out[at] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                    at += 1
                }
            }
        }
        count += at
    }

    /// Any other number of decimals.
    private func appendUnitsSpelt(_ units: Int64, decimals: Int) {
        if units == 0 { append(UInt8(ascii: "0")); return }
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
            append(Self.typed(out, from: index))
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
            append(Self.typed(digits, from: index))
        }
    }

    /// The digits spelt, as typed bytes: appending those is a copy of memory.
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
        reserve(2 * data.count)
        var out = base + count
        for byte in data {
            out[0] = PDFNumber.hexDigits[Int(byte >> 4)]
            out[1] = PDFNumber.hexDigits[Int(byte & 0x0F)]
            out += 2
        }
        count += 2 * data.count
    }

    /// Four hex digits: a 2-byte CID or UTF-16 code unit.
    @inline(__always)
    func appendHex16(_ value: UInt16) {
        // Computed, not looked up in `PDFNumber.hexDigits`: one per glyph of every text run.
        @inline(__always) func digit(_ nibble: UInt16) -> UInt8 {
            let n = UInt8(truncatingIfNeeded: nibble & 0x0F)
            return n < 10 ? UInt8(ascii: "0") &+ n : UInt8(ascii: "A") &+ (n &- 10)
        }
        reserve(4)
        let out = base + count
        out[0] = digit(value >> 12)
        out[1] = digit(value >> 8)
        out[2] = digit(value >> 4)
        out[3] = digit(value)
        count += 4
    }
}

/// Number formatting that never depends on locale or on Double's shortest-representation printing,
/// so the same value always gives the same bytes.
enum PDFNumber {
    /// Three decimals are 1/1000 pt for coordinates and 1/1000 of a text-space thousandth for TJ
    /// adjustments: far below what any renderer distinguishes, and A4's 595.276 fits.
    static let defaultDecimals = 3
    /// 10^`defaultDecimals`, spelt as a literal: a global computed at first use is behind a
    /// once-check on every read, and every number written reads it (a test ties the two).
    static let defaultFactor: Double = 1000

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
