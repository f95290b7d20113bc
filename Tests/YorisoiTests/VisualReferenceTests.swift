import Foundation
import Testing
import TestSupport
import Yorisoi

/// Seen, not hashed: every page of every demo PDF is rendered by poppler at 12 dpi in grey and
/// compared with a committed reference (Tests/Fixtures/visual/<pdf>-<page>.pgm) with a tolerance,
/// so a change of layout fails with where on which page it is (in mm from the top left), and a
/// change of a few anti-aliased pixels (another poppler) does not. After a change on purpose,
/// `scripts/update-visual-references` rewrites them; look at the pages before committing.
@Suite struct VisualReferenceTests {
    static let folder = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/visual")
    static let dpi = 12
    /// A pixel differs when its grey level moves by more than this (of 255).
    static let pixelTolerance = 64
    /// A page differs when more than this share of its pixels do.
    static let pageTolerance = 0.002

    static var updating: Bool { ProcessInfo.processInfo.environment["YORISOI_UPDATE_VISUAL"] == "1" }

    struct GreyImage: Equatable {
        var width: Int
        var height: Int
        var pixels: [UInt8]

        /// Binary PGM (P5, maxval 255) as pdftoppm -gray writes it.
        init?(pgm data: Data) {
            let bytes = [UInt8](data)
            var fields: [Int] = []
            var i = 2
            guard bytes.count > 2, bytes[0] == UInt8(ascii: "P"), bytes[1] == UInt8(ascii: "5") else { return nil }
            while fields.count < 3 && i < bytes.count {
                while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
                var value = 0
                while i < bytes.count, (0x30...0x39).contains(bytes[i]) { value = value * 10 + Int(bytes[i] - 0x30); i += 1 }
                fields.append(value)
            }
            i += 1  // the one white-space byte before the raster
            guard fields.count == 3, fields[2] == 255, bytes.count - i == fields[0] * fields[1] else { return nil }
            width = fields[0]; height = fields[1]; pixels = Array(bytes[i...])
        }
    }

    /// The pages of `pdf` as PGM files, in page order.
    static func pages(of pdf: [UInt8], named name: String) throws -> [Data] {
        let folder = try TestPaths.makeTemporaryDirectory("visual")
        let file = folder.appendingPathComponent(name + ".pdf")
        try Data(pdf).write(to: file)
        let prefix = folder.appendingPathComponent("page").path
        let result = try ExternalTool.run("pdftoppm", ["-r", "\(dpi)", "-gray", file.path, prefix])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".pgm") }
        // page-1.pgm … or page-01.pgm …: the number after the last dash.
        let ordered = names.sorted { Int($0.dropFirst(5).dropLast(4)) ?? 0 < Int($1.dropFirst(5).dropLast(4)) ?? 0 }
        return try ordered.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
    }

    /// nil when the pages match within the tolerance, else what differs and where.
    static func difference(_ expected: GreyImage, _ actual: GreyImage) -> String? {
        guard expected.width == actual.width, expected.height == actual.height else {
            return "size \(expected.width)×\(expected.height) → \(actual.width)×\(actual.height)"
        }
        var count = 0
        var box = (minX: Int.max, minY: Int.max, maxX: -1, maxY: -1)
        for y in 0..<expected.height {
            for x in 0..<expected.width {
                let i = y * expected.width + x
                guard abs(Int(expected.pixels[i]) - Int(actual.pixels[i])) > pixelTolerance else { continue }
                count += 1
                box = (min(box.minX, x), min(box.minY, y), max(box.maxX, x), max(box.maxY, y))
            }
        }
        guard Double(count) > pageTolerance * Double(expected.pixels.count) else { return nil }
        let mm = { (px: Int) in Int((Double(px) * 25.4 / Double(dpi)).rounded()) }
        return "\(count) pixels differ, within x \(mm(box.minX))–\(mm(box.maxX + 1)) mm, y \(mm(box.minY))–\(mm(box.maxY + 1)) mm"
    }

    @Test func everyDemoPageLooksAsItsReference() throws {
        let rendered = try GoldenPDFTests.rendered()
        if Self.updating { try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true) }
        var seen: Set<String> = []
        for (file, pdf) in rendered.sorted(by: { $0.key < $1.key }) {
            let name = String(file.dropLast(4))
            let pages = try Self.pages(of: pdf, named: name)
            for (index, page) in pages.enumerated() {
                let reference = Self.folder.appendingPathComponent("\(name)-\(index + 1).pgm")
                seen.insert(reference.lastPathComponent)
                if Self.updating { try page.write(to: reference); continue }
                guard let expectedData = try? Data(contentsOf: reference), let expected = GreyImage(pgm: expectedData) else {
                    Issue.record("\(name) page \(index + 1) has no reference: run scripts/update-visual-references")
                    continue
                }
                let actual = try #require(GreyImage(pgm: page))
                if let difference = Self.difference(expected, actual) {
                    Issue.record("\(name) page \(index + 1): \(difference); if on purpose, run scripts/update-visual-references")
                }
            }
        }
        let stored = Set(try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".pgm") })
        if Self.updating {
            for stale in stored.subtracting(seen) { try FileManager.default.removeItem(at: Self.folder.appendingPathComponent(stale)) }
        } else {
            #expect(stored == seen, "pages added or gone: \(stored.symmetricDifference(seen).sorted())")
        }
    }

    /// The comparison itself: a moved block fails and says where; a stray pixel does not.
    @Test func aMovedBlockIsFoundAndAStrayPixelIsNot() throws {
        let blank = [UInt8](repeating: 255, count: 100 * 140)
        var block = blank
        for y in 60..<70 { for x in 20..<40 { block[y * 100 + x] = 0 } }
        var stray = blank
        stray[5] = 0
        func image(_ pixels: [UInt8]) -> GreyImage {
            GreyImage(pgm: Data("P5\n100 140\n255\n".utf8) + Data(pixels))!
        }
        let found = try #require(Self.difference(image(blank), image(block)))
        #expect(found.contains("x 42–85 mm") && found.contains("y 127–148 mm"), "\(found)")
        #expect(Self.difference(image(blank), image(stray)) == nil)
    }
}
