internal import CFreeType
import Foundation

/// Reads the names, metrics and licence bits of a font file with FreeType.
///
/// FreeType is used only here, while loading: its `FT_Library` is not thread-safe, so each read
/// makes and frees its own library and nothing FreeType-owned outlives this function.
struct FontFileInfo {
    let postScriptName: String
    let metrics: FontMetrics
    let fsType: UInt16
    var embedding: EmbeddingPermission { EmbeddingPermission(fsType: fsType) }

    static func read(path: String) throws -> FontFileInfo {
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else { throw FontError.unreadable(path: path) }
        defer { FT_Done_FreeType(library) }
        var faceOut: FT_Face?
        guard FT_New_Face(library, path, 0, &faceOut) == 0, let face = faceOut else {
            throw FontError.unreadable(path: path)
        }
        defer { FT_Done_Face(face) }
        let rec = face.pointee

        let name = FT_Get_Postscript_Name(face).map { String(cString: $0) }
            ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        var fsType: UInt16 = 0
        var capHeight = Int(rec.ascender)
        var isSerif = false
        if let raw = FT_Get_Sfnt_Table(face, FT_SFNT_OS2) {
            let os2 = raw.assumingMemoryBound(to: TT_OS2.self).pointee
            fsType = os2.fsType
            if os2.version >= 2, os2.sCapHeight > 0 { capHeight = Int(os2.sCapHeight) }
            // IBM family class 1–7 are the serif classes (明朝 faces report them too).
            let familyClass = Int(os2.sFamilyClass) >> 8
            isSerif = (1...7).contains(familyClass)
        }
        var italicAngle = 0.0
        var isFixedPitch = false
        if let raw = FT_Get_Sfnt_Table(face, FT_SFNT_POST) {
            let post = raw.assumingMemoryBound(to: TT_Postscript.self).pointee
            italicAngle = Double(post.italicAngle) / 65536
            isFixedPitch = post.isFixedPitch != 0
        }
        // Japanese faces often leave sFamilyClass at 0; a name with Mincho is a serif face.
        if !isSerif, name.range(of: "Mincho", options: .caseInsensitive) != nil { isSerif = true }

        let metrics = FontMetrics(
            unitsPerEm: Int(rec.units_per_EM),
            ascender: Int(rec.ascender), descender: Int(rec.descender), capHeight: capHeight,
            xMin: Int(rec.bbox.xMin), yMin: Int(rec.bbox.yMin),
            xMax: Int(rec.bbox.xMax), yMax: Int(rec.bbox.yMax),
            italicAngle: italicAngle, isFixedPitch: isFixedPitch, isSerif: isSerif)
        return FontFileInfo(postScriptName: name, metrics: metrics, fsType: fsType)
    }
}
