import Foundation
import Testing
import TestSupport

/// The specimen is the rendering core's visual regression page; here it is proven with real
/// PDF tools, through the real command line.
@Suite struct SpecimenCommandTests {
    func renderSpecimen(into folder: URL, name: String = "specimen.pdf") throws -> URL {
        let output = folder.appendingPathComponent(name)
        let result = try ExternalTool.run(TestPaths.yorisoiExecutable.path, ["specimen", "-o", output.path],
                                          currentDirectory: TestPaths.repositoryRoot)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return output
    }

    @Test func specimenPassesQpdfAndEmbedsSubsetUnicodeFonts() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let pdf = try renderSpecimen(into: folder)
        let check = try ExternalTool.qpdfCheck(pdf)
        #expect(check.status == 0)
        #expect(check.stdout.contains("No syntax or stream encoding errors found"))
        let fonts = try ExternalTool.pdffonts(pdf)
        #expect(fonts.count >= 3)   // BIZ UD明朝, BIZ UDゴシック, IPAmj明朝 (for 𠮷)
        for font in fonts {
            #expect(font.embedded && font.subset && font.unicode, "\(font.name)")
            #expect(font.name.range(of: #"^[A-Z]{6}\+"#, options: .regularExpression) != nil, "\(font.name)")
        }
        #expect(fonts.contains { $0.name.hasSuffix("+IPAmjMincho") })
    }

    @Test func specimenTextRoundTripsIncludingRareNames() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        // pdftotext shows the engine's 和欧間 quarter-em as a space ("昭和 64 年"): compare without them.
        let text = try ExternalTool.pdftotext(try renderSpecimen(into: folder)).replacingOccurrences(of: " ", with: "")
        #expect(text.contains("\u{20BB7}田"))               // 𠮷 from IPAmj
        #expect(text.contains("葛\u{E0100}城"))             // IVS kept in the extracted text
        #expect(text.contains("髙橋") && text.contains("山﨑"))
        #expect(text.contains("昭和64年1月7日") && text.contains("平成元年1月8日"))
        #expect(text.contains("平成31年4月30日") && text.contains("令和元年5月1日"))
        #expect(text.contains("令和７年１月１７日"))
        #expect(text.contains("5歳8か月"))
        #expect(!text.contains("令和1年"))
    }

    @Test func renderingTwiceGivesIdenticalBytes() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let first = try Data(contentsOf: renderSpecimen(into: folder, name: "a.pdf"))
        let second = try Data(contentsOf: renderSpecimen(into: folder, name: "b.pdf"))
        #expect(first.count > 10_000)
        #expect(first == second)
    }

    @Test func missingFontsAreAConfigurationErrorNamingThePackage() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let fonts = folder.appendingPathComponent("Fonts")
        try FileManager.default.createDirectory(at: fonts, withIntermediateDirectories: true)
        let configuration = try String(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("Fonts/fonts.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "bizud-mincho/BIZUDMincho-Regular.ttf", with: "bizud-mincho/Missing.ttf")
        try configuration.write(to: fonts.appendingPathComponent("fonts.yaml"), atomically: true, encoding: .utf8)
        let result = try ExternalTool.run(TestPaths.yorisoiExecutable.path,
                                          ["specimen", "-o", folder.appendingPathComponent("x.pdf").path],
                                          environment: ["YORISOI_HOME": folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("fonts-morisawa-bizud-mincho"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.pdf").path))
    }
}
