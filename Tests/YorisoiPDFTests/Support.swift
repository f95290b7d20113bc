import Foundation
import TestSupport
import YorisoiPDF
import YorisoiText

/// Fonts and helpers shared by the document tests. Faces are loaded once per process.
enum Fixtures {
    static let minchoPath = "/usr/share/fonts/truetype/bizud-mincho/BIZUDMincho-Regular.ttf"
    static let gothicPath = "/usr/share/fonts/truetype/bizud-gothic/BIZUDGothic-Regular.ttf"
    static let ipamjPath = "/usr/share/fonts/truetype/ipamj/ipamjm.ttf"

    static let mincho: FontFace = try! FontFace.load(path: minchoPath)
    static let gothic: FontFace = try! FontFace.load(path: gothicPath)
    static let ipamj: FontFace = try! FontFace.load(path: ipamjPath)

    static let date: PDFDate = try! PDFDate(iso8601: "2025-01-17T09:30:00+09:00")

    /// A naive "shaper" for tests: one glyph per Character (IVS via cmap 14, falling back to the
    /// base glyph like HarfBuzz does), laid out at the font's own advances.
    static func run(_ text: String, face: FontFace, size: Double = 12, at origin: Point,
                    color: Color = .black) -> GlyphRun {
        var glyphs: [PositionedGlyph] = []
        var x = 0.0
        for character in text {
            let scalars = Array(character.unicodeScalars)
            var gid: UInt32 = 0
            if scalars.count == 2 {
                gid = face.glyph(for: scalars[0], selector: scalars[1]) ?? face.glyph(for: scalars[0]) ?? 0
            } else {
                gid = face.glyph(for: scalars[0]) ?? 0
            }
            glyphs.append(PositionedGlyph(glyphID: gid, x: x, text: String(character)))
            x += Double(face.advance(of: gid)) * size / Double(face.metrics.unitsPerEm)
        }
        return GlyphRun(face: face, fontSize: size, origin: origin, color: color, glyphs: glyphs)
    }

    static func write(_ bytes: [UInt8], name: String = "test.pdf") throws -> URL {
        let url = try TestPaths.makeTemporaryDirectory("yorisoi-pdf").appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    static func info(title: String = "支援計画書") -> DocumentInfo {
        DocumentInfo(title: title, author: "子ども家庭支援センター", subject: "テスト",
                     keywords: "yorisoi, test", creator: "yorisoi tests", producer: "Yorisoi", date: date)
    }
}


/// Byte search helpers for asserting on written PDFs.
extension Array where Element == UInt8 {
    func contains(_ text: String) -> Bool { range(of: Array(text.utf8)) != nil }

    func range(of needle: [UInt8]) -> Range<Int>? {
        guard !needle.isEmpty, needle.count <= count else { return nil }
        outer: for start in 0...(count - needle.count) {
            for (offset, byte) in needle.enumerated() where self[start + offset] != byte { continue outer }
            return start..<(start + needle.count)
        }
        return nil
    }

    var latin1: String { String(decoding: self, as: UTF8.self) }
}
