import Foundation
import Testing
import TestSupport
import YorisoiValidation

@Suite struct MunicipalityTests {
    /// Real codes: 袖ケ浦市, 涌谷町, 守谷市, 千代田区, and prefectures whose remainders hit the
    /// edge cases (埼玉県: remainder 0 → 1, 鳥取県・長崎県: remainder 1 → 0, 東京都: remainder 10 → 1).
    @Test(arguments: ["122297", "045012", "082244", "131016", "110001", "310000", "420000", "130001", "990019"])
    func realCodesPass(_ code: String) {
        #expect(MunicipalityCode.problem(in: code) == nil)
    }

    @Test func wrongCheckDigitSaysWhatItShouldBe() {
        #expect(MunicipalityCode.problem(in: "122298") == .wrongCheckDigit(expected: 7))
        #expect(MunicipalityCode.problem(in: "990010") == .wrongCheckDigit(expected: 9))
    }

    @Test(arguments: ["12229", "1222970", "12229a", "１２２２９７", "", " 122297"])
    func malformedCodes(_ code: String) {
        #expect(MunicipalityCode.problem(in: code) == .notSixDigits)
    }

    @Test func templatesFolderFindsProfilesByCodePrefix() throws {
        let root = try TemporaryTemplates.make()
        defer { try? FileManager.default.removeItem(at: root) }
        // A folder without municipality.yaml is not a profile.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("131016-empty"), withIntermediateDirectories: true)
        let folder = TemplatesFolder(root: root)
        #expect(folder.hasProfile(forCode: "122297"))
        #expect(!folder.hasProfile(forCode: "131016"))
        #expect(!folder.hasProfile(forCode: "12229"))
    }

    @Test func locateWalksUpToTheNearestTemplatesFolder() throws {
        let root = try TestPaths.makeTemporaryDirectory("locate")
        defer { try? FileManager.default.removeItem(at: root) }
        let nested = root.appendingPathComponent("a/b", isDirectory: true)
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Templates"), withIntermediateDirectories: true)
        #expect(TemplatesFolder.locate(from: nested)?.standardizedFileURL.path == root.appendingPathComponent("Templates").standardizedFileURL.path)
    }
}
