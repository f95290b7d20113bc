internal import CHarfBuzz
import Synchronization
import Foundation

/// One font file, loaded once and shared by every document and thread.
///
/// The HarfBuzz face and font are made immutable right after creation; HarfBuzz documents
/// immutable faces and fonts as safe to use from several threads, which is what lets a batch
/// share one `FontFace` across workers. That guarantee is why the class is `@unchecked Sendable`:
/// no stored property changes after `init`, and the one memory that does (`coverage`) is changed
/// only through atomics.
public final class FontFace: @unchecked Sendable {
    public let path: String
    public let postScriptName: String
    public let metrics: FontMetrics
    public let embedding: EmbeddingPermission
    /// Unique in the process and never reused: what a cache keys a face by when it must not keep
    /// the face alive. (A weak reference would do it too, but gives the face a side table, and
    /// every retain and release of it — one per glyph a line holds — then takes the runtime's slow
    /// path: 6% of a batch.)
    public let serial: UInt64

    private let blob: OpaquePointer
    private let face: OpaquePointer
    /// The shaping font; scale = units per em, so HarfBuzz positions come back in font units.
    let font: OpaquePointer
    /// Cuts subsets of a TrueType-outline face; nil for other fonts, which HarfBuzz subsets.
    let trueTypeSubsetter: TrueTypeSubsetter?
    /// Two bits per code point of planes 0–3, filled as `covers` asks: known, and covered.
    /// Asked for every character of every value (validation's coverage check, the shaper's
    /// choice of face), HarfBuzz's cmap lookup was 2% of a packet; reading the cmap whole when
    /// the face loads cost a cold plan more than that. Relaxed atomics: two threads that ask
    /// about one code point at once both ask HarfBuzz and set the same bits.
    private let coverage: UnsafeMutablePointer<Atomic<UInt64>>
    private static let coverageLimit = 0x40000
    private static let coverageWords = coverageLimit / 32

    /// Loads `path`, reads its metrics and embedding rights, and refuses a font that forbids embedding.
    public static func load(path: String) throws -> FontFace {
        try FontFace(path: path)
    }

    private init(path: String) throws {
        let info = try FontFileInfo.read(path: path)
        guard info.embedding.allowsEmbedding else {
            throw FontError.embeddingNotPermitted(path: path, fsType: info.fsType)
        }
        guard let blob = hb_blob_create_from_file_or_fail(path) else {
            throw FontError.unreadable(path: path)
        }
        let face = hb_face_create(blob, 0)!
        hb_face_make_immutable(face)
        let font = hb_font_create(face)!
        hb_font_make_immutable(font)
        var length: UInt32 = 0
        let bytes = hb_blob_get_data(blob, &length)
        self.trueTypeSubsetter = bytes.flatMap {
            TrueTypeSubsetter(file: UnsafeRawBufferPointer(start: $0, count: Int(length)))
        }
        self.path = path
        self.postScriptName = info.postScriptName
        self.metrics = info.metrics
        self.embedding = info.embedding
        self.serial = Self.serials.add(1, ordering: .relaxed).newValue
        self.blob = blob
        self.face = face
        self.font = font
        self.coverage = .allocate(capacity: Self.coverageWords)
        for index in 0..<Self.coverageWords { (coverage + index).initialize(to: Atomic(0)) }
    }

    /// Whether the face has a glyph for `scalar`: the same answer as `glyph(for:) != nil`
    /// (`FontCoverageTests` compare them code point by code point), without asking HarfBuzz.
    public func covers(_ scalar: Unicode.Scalar) -> Bool {
        let value = Int(scalar.value)
        guard value < Self.coverageLimit else { return glyph(for: scalar) != nil }
        let shift = UInt64((value & 31) * 2)
        let known = coverage[value >> 5].load(ordering: .relaxed) >> shift
        if known & 1 != 0 { return known & 2 != 0 }
        let covered = glyph(for: scalar) != nil
        coverage[value >> 5].bitwiseOr((covered ? 3 : 1) << shift, ordering: .relaxed)
        return covered
    }

    private static let serials = Atomic<UInt64>(0)

    deinit {
        coverage.deinitialize(count: Self.coverageWords)
        coverage.deallocate()
        hb_font_destroy(font)
        hb_face_destroy(face)
        hb_blob_destroy(blob)
    }

    /// The font's own glyph for `scalar`, or nil when its cmap has none (never gid 0).
    public func glyph(for scalar: Unicode.Scalar) -> UInt32? {
        var gid: hb_codepoint_t = 0
        guard hb_font_get_nominal_glyph(font, scalar.value, &gid) != 0, gid != 0 else { return nil }
        return gid
    }

    /// The glyph for an ideographic variation sequence (cmap format 14), or nil when the font
    /// does not register that sequence. A sequence registered as "default" yields the base glyph.
    public func glyph(for base: Unicode.Scalar, selector: Unicode.Scalar) -> UInt32? {
        var gid: hb_codepoint_t = 0
        guard hb_font_get_variation_glyph(font, base.value, selector.value, &gid) != 0, gid != 0 else {
            return nil
        }
        return gid
    }

    /// Horizontal advance of `glyph` in font units.
    public func advance(of glyph: UInt32) -> Int {
        Int(hb_font_get_glyph_h_advance(font, glyph))
    }

    /// A TrueType program holding only `glyphs` (plus .notdef and the components of composite
    /// glyphs), with glyph ids renumbered; `newGlyphID` maps every old id kept to its new one.
    public func subset(glyphs: Set<UInt32>) throws -> FontSubset {
        if let trueTypeSubsetter {
            do {
                return try trueTypeSubsetter.subset(glyphs: glyphs)
            } catch {
                throw FontError.subsetFailed(postScriptName: postScriptName)
            }
        }
        return try harfBuzzSubset(glyphs: glyphs)
    }

    /// The ink box of `glyph` in font units (x, y of its top left, width, height), from its outline.
    func extents(of glyph: UInt32) -> [Int32]? {
        var extents = hb_glyph_extents_t()
        guard hb_font_get_glyph_extents(font, glyph, &extents) != 0 else { return nil }
        return [extents.x_bearing, extents.y_bearing, extents.width, extents.height]
    }

    /// The number of glyphs in the face.
    var glyphCount: Int { Int(hb_face_get_glyph_count(face)) }

    /// HarfBuzz's subset, for a face `TrueTypeSubsetter` does not take (CFF outlines, collections).
    /// The new ids come from HarfBuzz's subset plan, never from guessing: composite glyphs pull
    /// their components in, so the numbering is not simply the sorted input.
    func harfBuzzSubset(glyphs: Set<UInt32>) throws -> FontSubset {
        guard let input = hb_subset_input_create_or_fail() else {
            throw FontError.subsetFailed(postScriptName: postScriptName)
        }
        defer { hb_subset_input_destroy(input) }
        let glyphSet = hb_subset_input_glyph_set(input)
        hb_set_add(glyphSet, 0)
        for gid in glyphs { hb_set_add(glyphSet, gid) }
        let dropped = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
        for table in Self.tablesDroppedFromSubsets { hb_set_add(dropped, FontTag(table).value) }
        // Hinting is useless in a PDF viewer's anti-aliased rendering and costs ~20–40 % of the size.
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING.rawValue)

        guard let plan = hb_subset_plan_create_or_fail(face, input) else {
            throw FontError.subsetFailed(postScriptName: postScriptName)
        }
        defer { hb_subset_plan_destroy(plan) }
        let mapping = hb_subset_plan_old_to_new_glyph_mapping(plan)
        var newGlyphID: [UInt32: UInt32] = [:]
        for gid in glyphs.union([0]) {
            let mapped = hb_map_get(mapping, gid)
            if mapped != UInt32.max { newGlyphID[gid] = mapped }
        }
        guard let subsetFace = hb_subset_plan_execute_or_fail(plan) else {
            throw FontError.subsetFailed(postScriptName: postScriptName)
        }
        defer { hb_face_destroy(subsetFace) }
        let subsetBlob = hb_face_reference_blob(subsetFace)
        defer { hb_blob_destroy(subsetBlob) }
        var length: UInt32 = 0
        guard let bytes = hb_blob_get_data(subsetBlob, &length), length > 0 else {
            throw FontError.subsetFailed(postScriptName: postScriptName)
        }
        let data = [UInt8](UnsafeRawBufferPointer(start: bytes, count: Int(length)))
        return FontSubset(data: data, newGlyphID: newGlyphID)
    }

    /// Layout and vertical tables are dropped: the PDF positions every glyph itself, and we set
    /// horizontal text only. Dropping GSUB also switches off HarfBuzz's layout closure.
    private static let tablesDroppedFromSubsets = [
        "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "vhea", "vmtx", "VORG", "DSIG",
        "morx", "kerx", "kern", "EBDT", "EBLC", "EBSC", "meta",
    ]
}

/// A subset font program and the old → new glyph id mapping it was built with.
public struct FontSubset: Sendable {
    public let data: [UInt8]
    public let newGlyphID: [UInt32: UInt32]
}

/// A four-byte OpenType tag (HarfBuzz's HB_TAG macro does not import into Swift).
struct FontTag {
    let value: UInt32
    init(_ text: String) {
        value = text.utf8.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }
}
