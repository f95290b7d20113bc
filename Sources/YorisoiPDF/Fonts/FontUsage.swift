import YorisoiText

/// What the document uses of one face, gathered over all pages before anything is written:
/// the subset must cover every page, and the whole document shares one subset per face.
final class FontUsage {
    let face: FontFace
    /// Resource name on every page that uses the face (`F1`, `F2`, … in order of first use).
    let resourceName: String
    /// The glyphs seen, one bit per glyph id: `record` runs for every glyph of the document and
    /// nearly all are repeats, which a bit answers without hashing. (These properties are exempt
    /// from run-time exclusivity checks for the reason `ByteBuffer.bytes` is.)
    @exclusivity(unchecked) private var seen = GlyphBits()
    /// Glyphs seen so far only with empty text (the 2nd+ glyph of a cluster).
    @exclusivity(unchecked) private var withoutText = GlyphBits()
    /// The ToUnicode text per ORIGINAL glyph id: the first non-empty text seen in document order.
    /// Later occurrences that stand for other text get /ActualText instead (see `TextRunEncoder`).
    @exclusivity(unchecked) private(set) var unicodeText: [UInt32: String] = [:]

    var glyphs: Set<UInt32> { seen.members }

    init(face: FontFace, resourceName: String) {
        self.face = face
        self.resourceName = resourceName
    }

    /// What was recorded, as a value another thread may subset from.
    struct Gathered: Sendable {
        let face: FontFace
        let resourceName: String
        let glyphs: Set<UInt32>
        let unicodeText: [UInt32: String]
    }

    var gathered: Gathered {
        Gathered(face: face, resourceName: resourceName, glyphs: glyphs, unicodeText: unicodeText)
    }

    /// What a scan of some pages recorded, as a value another thread may merge.
    struct Scanned: Sendable {
        let face: FontFace
        let seen: GlyphBits
        let withoutText: GlyphBits
        let unicodeText: [UInt32: String]
    }

    var scanned: Scanned { Scanned(face: face, seen: seen, withoutText: withoutText, unicodeText: unicodeText) }

    /// Takes in what a scan of later pages recorded: its glyphs, and its text for the glyphs
    /// that have none yet (so the text stays the first in document order). Into a usage that
    /// has recorded nothing, the scan is taken over as it is.
    func absorb(_ later: Scanned) {
        guard seen.count > 0 else {
            (seen, withoutText, unicodeText) = (later.seen, later.withoutText, later.unicodeText)
            return
        }
        for (glyph, text) in later.unicodeText where unicodeText[glyph] == nil {
            unicodeText[glyph] = text
            withoutText.remove(glyph)
        }
        for glyph in later.withoutText.members where !seen.contains(glyph) {
            withoutText.insertNew(glyph)
        }
        seen.formUnion(later.seen)
    }

    func record(_ glyph: PositionedGlyph) {
        let id = glyph.glyphID
        let isNew = seen.insert(id)
        if glyph.text.isEmpty {
            if isNew { withoutText.insertNew(id) }
        } else if isNew || withoutText.remove(id) {
            unicodeText[id] = glyph.text
        }
    }
}

/// A set of glyph ids as bits, grown to the largest id seen. A font has at most 65,536 glyphs;
/// a larger id (only a hand-made display list holds one, and the subset will refuse it) is kept
/// in a plain set, so it cannot make the bits grow without bound.
struct GlyphBits: Sendable {
    private var words: [UInt64] = []
    private var large: Set<UInt32> = []
    private(set) var count = 0

    /// Adds `id`; whether it was new.
    mutating func insert(_ id: UInt32) -> Bool {
        guard id <= 0xFFFF else {
            let inserted = large.insert(id).inserted
            if inserted { count += 1 }
            return inserted
        }
        let word = Int(id >> 6), bit = UInt64(1) << UInt64(id & 63)
        if word >= words.count { words += repeatElement(0, count: word + 1 - words.count) }
        guard words[word] & bit == 0 else { return false }
        words[word] |= bit
        count += 1
        return true
    }

    func contains(_ id: UInt32) -> Bool {
        guard id <= 0xFFFF else { return large.contains(id) }
        let word = Int(id >> 6)
        return word < words.count && words[word] & (UInt64(1) << UInt64(id & 63)) != 0
    }

    /// Adds `id` when whether it was there does not matter.
    mutating func insertNew(_ id: UInt32) { _ = insert(id) }

    /// Takes `id` out; whether it was there.
    @discardableResult
    mutating func remove(_ id: UInt32) -> Bool {
        guard contains(id) else { return false }
        guard id <= 0xFFFF else {
            large.remove(id)
            count -= 1
            return true
        }
        words[Int(id >> 6)] &= ~(UInt64(1) << UInt64(id & 63))
        count -= 1
        return true
    }

    mutating func formUnion(_ other: GlyphBits) {
        if other.words.count > words.count { words += repeatElement(0, count: other.words.count - words.count) }
        large.formUnion(other.large)
        count = large.count
        for index in words.indices {
            if index < other.words.count { words[index] |= other.words[index] }
            count += words[index].nonzeroBitCount
        }
    }

    var members: Set<UInt32> {
        var result = large
        result.reserveCapacity(count)
        for (index, word) in words.enumerated() where word != 0 {
            var rest = word
            while rest != 0 {
                result.insert(UInt32(index << 6 + rest.trailingZeroBitCount))
                rest &= rest - 1
            }
        }
        return result
    }
}

/// Faces in order of first use. FontFace is a class: identity, not path, decides "same face".
struct FontRegistry {
    private(set) var usages: [FontUsage] = []
    private var indexByFace: [ObjectIdentifier: Int] = [:]

    mutating func usage(for face: FontFace) -> FontUsage {
        if let index = indexByFace[ObjectIdentifier(face)] { return usages[index] }
        let usage = FontUsage(face: face, resourceName: "F\(usages.count + 1)")
        indexByFace[ObjectIdentifier(face)] = usages.count
        usages.append(usage)
        return usage
    }

    func index(of face: FontFace) -> Int? { indexByFace[ObjectIdentifier(face)] }

    /// Adds what a scan of the next pages recorded of one face; the face's index.
    mutating func absorb(_ scanned: FontUsage.Scanned) -> Int {
        usage(for: scanned.face).absorb(scanned)
        return indexByFace[ObjectIdentifier(scanned.face)]!
    }

    /// Face → index into `usages`, for work done off the writer's thread.
    var indices: [ObjectIdentifier: Int] { indexByFace }
}

/// A face after subsetting: everything the content streams and font objects need. A class:
/// every text run's encoder holds the font of its face, and copying a struct of a dozen arrays
/// and tables retained and released each of them, run after run.
final class EmbeddedFont: Sendable {
    let resourceName: String
    /// `ABCDEF+PostScriptName`.
    let baseFont: String
    let metrics: FontMetrics
    /// Original gid → CID. CID = the subset's new gid (from hb-subset's plan, never guessed),
    /// which `/CIDToGIDMap /Identity` then maps straight back to the glyph in the subset program.
    let cidByGlyph: [UInt32: UInt16]
    /// Advance per CID in thousandths of an em, rounded to integers as written in /W. Text
    /// positioning uses these same numbers so each glyph lands exactly where layout put it.
    let widthByCID: [UInt16: Int]
    let unicodeText: [UInt32: String]
    /// For the content streams' every glyph, by original gid (an index into `placements`, -1
    /// when the gid is not in the subset): its CID and /W width in one array read, its
    /// ToUnicode text in a second. A gid is below 65,536, so the table is at most 256 KB and
    /// usually a few dozen; a dictionary lookup hashed each gid twice per glyph drawn. (The
    /// text apart: reading a CID out of an element that held a string retained the string.)
    private let placementIndex: [Int32]
    private let placements: [(cid: UInt16, width: Int)]
    private let placementTexts: [String?]
    /// The subset TrueType program, uncompressed.
    let program: [UInt8]
    /// `program` deflated at the level it was asked for.
    let deflatedProgram: [UInt8]

    convenience init(usage: FontUsage, fontCompressionLevel: Int = PDFWriteOptions().fontCompressionLevel) throws(PDFError) {
        try self.init(usage.gathered, fontCompressionLevel: fontCompressionLevel)
    }

    init(_ usage: FontUsage.Gathered, fontCompressionLevel: Int) throws(PDFError) {
        let face = usage.face
        // PDF/A needs every font legally embeddable. FontFace.load already refuses such files;
        // checking again here keeps the writer honest whatever produced the face.
        guard face.embedding.allowsEmbedding else {
            throw PDFError.fontNotEmbeddable(font: face.postScriptName)
        }
        let made = try FontProgramCache.shared.program(face, glyphs: usage.glyphs, level: fontCompressionLevel)
        let subset = made.subset
        var cidByGlyph = [UInt32: UInt16](minimumCapacity: usage.glyphs.count)
        var widthByCID = [UInt16: Int](minimumCapacity: usage.glyphs.count)
        let unitsPerEm = Double(max(face.metrics.unitsPerEm, 1))
        for glyph in usage.glyphs.sorted() {
            guard let newID = subset.newGlyphID[glyph], newID <= UInt32(UInt16.max) else {
                throw PDFError.glyphMissingFromSubset(font: face.postScriptName, glyphID: glyph)
            }
            let cid = UInt16(newID)
            cidByGlyph[glyph] = cid
            widthByCID[cid] = Int((Double(face.advance(of: glyph)) * 1000 / unitsPerEm)
                .rounded(.toNearestOrAwayFromZero))
        }
        self.resourceName = usage.resourceName
        self.baseFont = SubsetTag.make(postScriptName: face.postScriptName,
                                       cids: cidByGlyph.values.sorted()) + "+" + face.postScriptName
        self.metrics = face.metrics
        self.cidByGlyph = cidByGlyph
        self.widthByCID = widthByCID
        self.unicodeText = usage.unicodeText
        var placementIndex = [Int32](repeating: -1, count: Int(usage.glyphs.max() ?? 0) + 1)
        var placements: [(cid: UInt16, width: Int)] = []
        var placementTexts: [String?] = []
        placements.reserveCapacity(cidByGlyph.count)
        placementTexts.reserveCapacity(cidByGlyph.count)
        for (glyph, cid) in cidByGlyph {
            placementIndex[Int(glyph)] = Int32(placements.count)
            placements.append((cid, widthByCID[cid] ?? 0))
            placementTexts.append(usage.unicodeText[glyph])
        }
        self.placementIndex = placementIndex
        self.placements = placements
        self.placementTexts = placementTexts
        self.program = subset.data
        self.deflatedProgram = made.deflated
    }

    /// The CID of original glyph `glyph` and its /W width (CID 0's for a glyph not in the subset,
    /// which `init` refuses to happen).
    @inline(__always)
    func placement(of glyph: UInt32) -> (cid: UInt16, width: Int) {
        guard let slot = slot(of: glyph) else { return (0, widthByCID[0] ?? 0) }
        return (placements[slot].cid, placements[slot].width)
    }

    /// What ToUnicode maps original glyph `glyph` to (`unicodeText[glyph]`), without hashing.
    @inline(__always)
    func mappedText(of glyph: UInt32) -> String? {
        slot(of: glyph).flatMap { placementTexts[$0] }
    }

    @inline(__always)
    private func slot(of glyph: UInt32) -> Int? {
        guard Int(glyph) < placementIndex.count else { return nil }
        let slot = placementIndex[Int(glyph)]
        return slot < 0 ? nil : Int(slot)
    }

    /// ToUnicode entries, by CID.
    var toUnicode: [(cid: UInt16, text: String)] {
        unicodeText.compactMap { glyph, text in cidByGlyph[glyph].map { ($0, text) } }
            .sorted { $0.cid < $1.cid }
    }
}

/// The six-letter subset prefix (ISO 32000 §9.6.4). Derived from the face name and the glyph set,
/// so the same document always gets the same tag and different subsets of a face get different tags.
enum SubsetTag {
    static func make(postScriptName: String, cids: [UInt16]) -> String {
        var bytes = Array(postScriptName.utf8)
        bytes.append(0)
        for cid in cids { bytes.append(UInt8(cid >> 8)); bytes.append(UInt8(cid & 0xFF)) }
        var hash = DocumentHash.fnv1a64(bytes)
        var tag = ""
        for _ in 0..<6 {
            tag.append(Character(UnicodeScalar(UInt8(ascii: "A") + UInt8(hash % 26))))
            hash /= 26
        }
        return tag
    }
}
