internal import CHarfBuzz
import Foundation
import Synchronization

/// One font file, loaded once and shared by every document and thread.
///
/// The HarfBuzz face and font are made immutable right after creation; HarfBuzz documents
/// immutable faces and fonts as safe to use from several threads, which is what lets a batch
/// share one `FontFace` across workers. That guarantee is why the class is `@unchecked Sendable`:
/// no stored property changes after `init`.
public final class FontFace: @unchecked Sendable {
    public let path: String
    public let postScriptName: String
    public let metrics: FontMetrics
    public let embedding: EmbeddingPermission

    private let blob: OpaquePointer
    private let face: OpaquePointer
    /// The shaping font; scale = units per em, so HarfBuzz positions come back in font units.
    let font: OpaquePointer
    /// `hb_subset_preprocess` output, made once the face has been subset often (see `subsetSource()`).
    private let preparedSubsetSource = Mutex<PreparedSubsetSource>(PreparedSubsetSource())

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
        self.path = path
        self.postScriptName = info.postScriptName
        self.metrics = info.metrics
        self.embedding = info.embedding
        self.blob = blob
        self.face = face
        self.font = font
    }

    deinit {
        if let prepared = preparedSubsetSource.withLock({ $0.face }) { hb_face_destroy(prepared.pointer) }
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

    /// A TrueType program holding only `glyphs` (plus .notdef), with glyph ids renumbered.
    ///
    /// The new ids come from HarfBuzz's subset plan, never from guessing: composite glyphs pull
    /// their components in, so the numbering is not simply the sorted input.
    public func subset(glyphs: Set<UInt32>) throws -> FontSubset {
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

        guard let plan = hb_subset_plan_create_or_fail(subsetSource(), input) else {
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

    /// The face to cut a subset from: the face itself for its first `plainSubsetsBeforePreparing`
    /// subsets, then its `hb_subset_preprocess` copy.
    ///
    /// Preprocessing makes each later subset ~5× cheaper but costs about eight plain subsets and
    /// keeps a copy of the face in memory (callgrind and /usr/bin/time, 400 glyphs: BIZ UD明朝
    /// plain subset 14.5 M instructions, preprocess 112 M + 25 MB, then 2.8 M per subset; IPAmj明朝
    /// plain 183 M, preprocess ~2.8 G + 155 MB). A single document or a packet subsets each face
    /// once, and IPAmj is needed by a handful of cases in a batch, so preparing every face when it
    /// was loaded paid for a cache that was rarely used. Buying it only after spending about its
    /// price on plain subsets never costs more than twice the better choice (ski rental).
    /// HarfBuzz cuts the same bytes from either source (`FontSubsetSourceTests` proves it).
    /// One thread prepares while the others keep subsetting the plain face, so nobody waits.
    private func subsetSource() -> OpaquePointer {
        let (prepared, mustPrepare) = preparedSubsetSource.withLock { state -> (PreparedFace?, Bool) in
            if let face = state.face { return (face, false) }
            state.plainSubsets += 1
            let threshold = state.expectsManySubsets ? 1 : Self.plainSubsetsBeforePreparing
            guard state.plainSubsets > threshold, !state.preparing else { return (nil, false) }
            state.preparing = true
            return (nil, true)
        }
        if let prepared { return prepared.pointer }
        guard mustPrepare, let made = hb_subset_preprocess(face) else { return face }
        let madeFace = PreparedFace(pointer: made)
        preparedSubsetSource.withLock { $0.face = madeFace }
        return made
    }

    public static let plainSubsetsBeforePreparing = 8

    /// Said by a caller that will subset this face for many documents (a batch of them): the
    /// face is then prepared at its second subset instead of after eight plain ones. Not at the
    /// first, so a face that only one document of the run needs is never prepared.
    public func expectManySubsets() {
        preparedSubsetSource.withLock { $0.expectsManySubsets = true }
    }

    /// Whether later subsets come from the preprocessed copy (lets tests prove both paths).
    var hasPreparedSubsetSource: Bool { preparedSubsetSource.withLock { $0.face != nil } }

    /// Layout and vertical tables are dropped: the PDF positions every glyph itself, and we set
    /// horizontal text only. Dropping GSUB also switches off HarfBuzz's layout closure.
    private static let tablesDroppedFromSubsets = [
        "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "vhea", "vmtx", "VORG", "DSIG",
        "morx", "kerx", "kern", "EBDT", "EBLC", "EBSC", "meta",
    ]
}

/// The lazily made preprocessed face and how often the plain face was subset before it.
struct PreparedSubsetSource {
    var face: PreparedFace?
    var plainSubsets = 0
    var preparing = false
    var expectsManySubsets = false
}

/// A face made by `hb_subset_preprocess`. Sendable for the reason `FontFace` is: HarfBuzz faces
/// are immutable once made, and several threads may cut subsets from one at the same time.
struct PreparedFace: @unchecked Sendable {
    let pointer: OpaquePointer
}

/// A subset font program and the old → new glyph id mapping HarfBuzz used to build it.
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
