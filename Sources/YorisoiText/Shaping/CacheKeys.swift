/// The parts of the shaping and paragraph caches' keys: what makes two texts, and two font
/// chains, the same for layout.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A string compared and hashed by its exact UTF-8 bytes. `String`'s own `==` and hashing work by
/// canonical equivalence, which normalises any non-ASCII text on every call; a cache keyed by
/// bytes is exact too (equal bytes shape and lay out the same) and only misses the rare text that
/// is spelt with other code points.
struct ExactText: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: ExactText, b: ExactText) -> Bool {
        guard a.text.utf8.count == b.text.utf8.count else { return false }
        var (a, b) = (a.text, b.text)
        // memcmp: a found free text is compared whole at every hit, and `elementsEqual` went
        // byte by byte (0.7% of a batch's instructions).
        return a.withUTF8 { x in
            b.withUTF8 { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(text.utf8.count)
    }
}

/// A font chain by the identity of its slots: two font libraries may name the same family with
/// other files. The key holds the slots, so an identity can never be reused while it is cached.
struct ChainIdentity: Hashable, Sendable {
    let slots: [FontSlot]

    init(_ chain: FontChain) { slots = chain.slots }

    static func == (a: ChainIdentity, b: ChainIdentity) -> Bool {
        a.slots.count == b.slots.count && zip(a.slots, b.slots).allSatisfy { $0 === $1 }
    }

    func hash(into hasher: inout Hasher) {
        for slot in slots { hasher.combine(ObjectIdentifier(slot)) }
    }
}

/// Which short texts the process-wide caches (`ShapeCache`, `ParagraphCache`) keep. They fill up
/// once and then take nothing new, so what they keep should come again: the template's own
/// labels and headings, set on every page of every case. A text holding a digit is a value — a
/// date, an amount, a case ID, a packet's 「配布番号 12 / 200　37 / 412」 — that differs from page
/// to page and case to case. One 200-copy packet filled both caches with its page numbers, and a
/// server kept the 40 MB after the request had timed out (issue #24, `scripts/measure-server-rss`).
enum SharedCachePolicy {
    static func admits(_ text: String) -> Bool {
        // Over the contiguous bytes where the string has them (native strings, literals): the
        // byte iterator cost ten times as much, asked for every span a paragraph cache sees.
        text.utf8.withContiguousStorageIfAvailable(admits) ?? Array(text.utf8).withUnsafeBufferPointer(admits)
    }

    private static func admits(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x30 && byte <= 0x39 { return false }                    // 0–9
            // Full-width ０–９ are U+FF10–U+FF19: EF BC 90–99. (In UTF-8 the bytes after 0xEF are
            // continuation bytes, never a digit or another 0xEF, so each byte is looked at once.)
            if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBC,
               bytes[index + 2] >= 0x90 && bytes[index + 2] <= 0x99 { return false }
            index += 1
        }
        return true
    }
}
