import Foundation
import Testing
import TestSupport

/// The text bounds through the real binary (issue #24, criterion 1): a case over a bound is
/// refused with its code and pointer before any rendering, exit 1, no PDF; the family's text
/// never reaches stderr.
@Suite struct CaseBoundsCommandTests {
    func render(_ yaml: String, label: String) throws -> (run: HardenedRun.Run, output: URL) {
        let work = try TestPaths.makeTemporaryDirectory(label)
        let file = work.appendingPathComponent("case.yaml"), output = work.appendingPathComponent("out.pdf")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return (try HardenedRun.yorisoi(["render", file.path, "--kind", "support-plan", "-o", output.path]), output)
    }

    func sample(situation: String) throws -> String {
        try String(contentsOf: HardenedRun.sodegaura, encoding: .utf8)
            .replacingOccurrences(of: "  situation: 朝の登園が遅れがちで、集団の中では緊張して話せないことがある。家では弟の世話を手伝っている。",
                                  with: "  situation: \"\(situation)\"")
    }

    @Test func aClusterOfFiftyThousandMarksIsRefusedNamingTheField() throws {
        let cluster = "あ" + String(repeating: "\u{3099}", count: 50_000)
        let (run, output) = try render(try sample(situation: cluster), label: "bounds-cluster")
        #expect(run.status == 1, "\(run.stderr.prefix(400))")
        #expect(run.stderr.contains("E015 /child/situation"), "\(run.stderr.prefix(400))")
        #expect(!run.stderr.contains("\u{3099}"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aMegabyteOfFreeTextIsRefusedNamingTheField() throws {
        let text = String(repeating: "長い文章です。", count: 50_000)  // 1 MB
        let (run, output) = try render(try sample(situation: text), label: "bounds-text")
        #expect(run.status == 1, "\(run.stderr.prefix(400))")
        #expect(run.stderr.contains("E014 /child/situation"), "\(run.stderr.prefix(400))")
        #expect(!run.stderr.contains("長い文章"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
