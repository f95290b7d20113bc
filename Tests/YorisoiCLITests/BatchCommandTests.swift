import Foundation
import Testing
import TestSupport

/// `yorisoi batch` end to end through the real executable: isolation of broken cases, the
/// manifest, CSV input, duplicate and unsafe ids, and what SIGKILL and SIGTERM leave behind.
@Suite struct BatchCommandTests {
    static let samples = TestPaths.repositoryRoot.appendingPathComponent("samples/cases")

    static var sodegaura: String {
        get throws { try String(contentsOf: samples.appendingPathComponent("sodegaura-support-plan.yaml"), encoding: .utf8) }
    }

    /// The 袖ケ浦市 sample with another id, and a varied sentence so documents differ.
    static func plan(id: String, index: Int = 0) throws -> String {
        try sodegaura.replacingOccurrences(of: "id: \"R6-0042\"", with: "id: \"\(id)\"")
            .replacingOccurrences(of: "  situation: ", with: "  situation: 面談\(index)回目。")
    }

    static func writePlans(_ count: Int, into folder: URL, prefix: String = "T") throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for index in 1...count {
            let id = "\(prefix)-\(String(format: "%03d", index))"
            try plan(id: id, index: index).write(to: folder.appendingPathComponent("\(id).yaml"), atomically: true, encoding: .utf8)
        }
    }

    func batch(_ arguments: [String]) throws -> ExternalTool.Result {
        try ExternalTool.run(TestPaths.yorisoiExecutable.path, ["batch"] + arguments, currentDirectory: TestPaths.repositoryRoot)
    }

    struct Manifest {
        let json: [String: Any]
        var cases: [[String: Any]] { json["cases"] as? [[String: Any]] ?? [] }
        var totals: [String: Int] { json["totals"] as? [String: Int] ?? [:] }
        func entry(id: String) -> [String: Any]? { cases.first { $0["id"] as? String == id } }
        func codes(_ entry: [String: Any]?) -> [String] {
            (entry?["diagnostics"] as? [[String: Any]] ?? []).filter { $0["severity"] as? String == "error" }.compactMap { $0["code"] as? String }
        }
    }

    func manifest(in folder: URL) throws -> Manifest {
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        return Manifest(json: try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any]))
    }

    func files(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    // MARK: - The acceptance batch

    /// The 50-case batch: one folder holding 44 case files and one CP932 CSV with 6 rows (a
    /// folder may hold .jsonl/.csv files that contribute a case per line or row, so one INPUT
    /// carries every kind of breakage). Five cases are broken, each in its own way; the 45
    /// others are written, the manifest names the five with their codes, and the exit is 1.
    ///
    /// The overflow case uses a Templates folder (`--templates`) in which 見本市 has a form with
    /// a fixed-height cell: a real municipality template, chosen by the case's own municipality.
    @Test func fiftyCasesWithFiveBrokenOnesWriteFortyFiveAndNameTheFive() throws {
        let work = try TestPaths.makeTemporaryDirectory("batch-accept")
        let input = work.appendingPathComponent("in"), output = work.appendingPathComponent("out")
        let templates = work.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: TestPaths.repositoryRoot.appendingPathComponent("Templates"), to: templates)
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <template kind="support-plan" title="欄あふれ" page="A4" orientation="portrait" margin="15mm" font="mincho" size="10pt">
          <table>
            <col width="40mm"/>
            <row><cell height="8mm" overflow="shrink" min-size="8pt">{{ child.situation }}</cell></row>
          </table>
        </template>
        """.write(to: templates.appendingPathComponent("990019-見本市/support-plan.xml"), atomically: true, encoding: .utf8)

        try Self.writePlans(40, into: input)
        func write(_ text: String, _ name: String) throws {
            try text.write(to: input.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try write(try Self.plan(id: "T-041") + "\nchild: [never closed\n", "T-041.yaml")                       // E004
        try write(try Self.plan(id: "T-042").replacingOccurrences(of: "  issues:", with: "  issues_removed:"), "T-042.yaml") // E102
        try write(try Self.plan(id: "T-043").replacingOccurrences(of: "name: 例野 ひなた", with: "name: 例野 \u{1F9A9}なた"), "T-043.yaml") // E401
        let mihon = try String(contentsOf: Self.samples.appendingPathComponent("mihon-national-support-plan.yaml"), encoding: .utf8)
        let long = String(repeating: "朝の支度に時間がかかり、登園が遅れることが続いている。", count: 30)
        let overflowing = mihon.replacingOccurrences(of: #"id: "[^"]*""#, with: "id: \"T-044\"", options: .regularExpression)
            .replacingOccurrences(of: #"(?m)^  situation: .*$"#, with: "  situation: \(long)", options: .regularExpression)
        #expect(overflowing.contains("T-044") && overflowing.contains(long))
        try write(overflowing, "T-044.yaml")                                                                  // E501

        // Six rows from Excel in Shift_JIS (CP932): ①, 髙 and ～ included; row 6 has 2025年2月30日.
        let header = "version,id,municipality,category,created,child.name,child.birthdate,guardians.0.name,plan.intent.guardian,plan.issues.0.text,plan.supports.0.service,plan.supports.0.content,plan.supports.0.frequency,plan.review,consent.agreed"
        var rows = [header]
        for index in 1...6 {
            let created = index == 6 ? "2025/2/30" : "2025/1/17"
            rows.append("1,C-00\(index),122297,要支援児童,\(created),髙橋 ゆい,2019/5/3,髙橋 まさみ,\"相談先がほしい、①朝の支度\",\"朝の支度に\n時間がかかる\",子育て世帯訪問支援事業,家事・育児の支援,週1回～月2回,2025/4,TRUE")
        }
        let csv = try #require((rows.joined(separator: "\r\n") + "\r\n").data(using: .shiftJIS))
        #expect(String(data: csv, encoding: .utf8) == nil)   // really not UTF-8
        try csv.write(to: input.appendingPathComponent("sheet.csv"))

        let result = try batch([input.path, "--kind", "support-plan", "-o", output.path, "--templates", templates.path, "--jobs", "2"])
        #expect(result.status == 1, "\(result.stderr)")

        let pdfs = try files(in: output).filter { $0.hasSuffix(".pdf") }
        #expect(pdfs.count == 45)
        #expect(pdfs.contains("C-001.pdf") && pdfs.contains("T-040.pdf"))
        #expect(!pdfs.contains { ["T-041.pdf", "T-042.pdf", "T-043.pdf", "T-044.pdf", "C-006.pdf"].contains($0) })
        #expect(try files(in: output).filter { $0.hasPrefix(".") }.isEmpty)

        let manifest = try manifest(in: output)
        #expect(manifest.totals["cases"] == 50)
        #expect(manifest.totals["ok"] == 45)
        #expect(manifest.totals["invalid"] == 4)
        #expect(manifest.totals["failed"] == 1)
        #expect(manifest.totals["not_done"] == 0)
        let badYAML = manifest.cases.first { ($0["source"] as? [String: Any])?["file"] as? String == input.appendingPathComponent("T-041.yaml").path }
        #expect(manifest.codes(badYAML) == ["E004"])
        #expect(badYAML?["status"] as? String == "invalid")
        #expect(manifest.codes(manifest.entry(id: "T-042")).contains("E102"))
        #expect(manifest.codes(manifest.entry(id: "T-043")).contains("E401"))
        #expect(manifest.codes(manifest.entry(id: "T-044")) == ["E501"])
        #expect(manifest.entry(id: "T-044")?["status"] as? String == "failed")
        let badDate = try #require(manifest.entry(id: "C-006"))
        #expect(manifest.codes(badDate) == ["E021"])
        // Every row spans two lines (a quoted line break), so row 6 starts on line 1 + 5 × 2 + 1.
        #expect((badDate["source"] as? [String: Any])?["line"] as? Int == 12)
        let dateDiagnostic = (badDate["diagnostics"] as? [[String: Any]])?.first { $0["code"] as? String == "E021" }
        #expect(dateDiagnostic?["path"] as? String == "/created")
        #expect(dateDiagnostic?["line"] as? Int == 12 && dateDiagnostic?["column"] as? Int == 5)

        // Every ok entry points at its PDF, with the right size and SHA-256, and the PDF is sound.
        let ok = try #require(manifest.entry(id: "C-003"))
        let pdf = output.appendingPathComponent(try #require(ok["output"] as? String))
        let bytes = try Data(contentsOf: pdf)
        #expect(ok["bytes"] as? Int == bytes.count)
        let sha = try ExternalTool.run("sha256sum", [pdf.path]).stdout.split(separator: " ").first.map(String.init)
        #expect(ok["sha256"] as? String == sha)
        #expect(try ExternalTool.qpdfCheck(pdf).status == 0)
        let text = try ExternalTool.pdftotext(pdf).filter { !$0.isWhitespace }
        #expect(text.contains("髙橋") && text.contains("①") && text.contains("～"))

        // stderr names sources, ids and codes, never a child's name.
        #expect(result.stderr.contains("E401") && result.stderr.contains("T-043"))
        #expect(!result.stderr.contains("例野") && !result.stderr.contains("髙橋"))
    }

    // MARK: - Ids, determinism, JSON Lines

    @Test func duplicateAndUnsafeIdsAreInvalidAndNothingLandsOutsideOutdir() throws {
        let work = try TestPaths.makeTemporaryDirectory("batch-ids")
        let input = work.appendingPathComponent("in"), output = work.appendingPathComponent("out")
        try Self.writePlans(2, into: input)
        try Self.plan(id: "T-001").write(to: input.appendingPathComponent("T-001b.yaml"), atomically: true, encoding: .utf8)
        try Self.plan(id: "../escape").write(to: input.appendingPathComponent("escape.yaml"), atomically: true, encoding: .utf8)
        let result = try batch([input.path, "--kind", "support-plan", "-o", output.path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(try files(in: output) == ["T-001.pdf", "T-002.pdf", "manifest.json"])
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("escape.pdf").path))
        let manifest = try manifest(in: output)
        // Files are read in name order: T-001b.yaml comes after T-001.yaml, so it is the second.
        let again = manifest.cases.first { ($0["source"] as? [String: Any])?["file"] as? String == input.appendingPathComponent("T-001b.yaml").path }
        #expect(manifest.codes(again) == ["E032"])
        #expect(manifest.codes(manifest.entry(id: "../escape")).contains("E026"))
    }

    @Test func sameInputGivesTheSameManifestAndPDFs() throws {
        let work = try TestPaths.makeTemporaryDirectory("batch-determinism")
        let input = work.appendingPathComponent("in")
        try Self.writePlans(4, into: input)
        for name in ["a", "b"] {
            let result = try batch([input.path, "--kind", "support-plan", "-o", work.appendingPathComponent(name).path, "--jobs", name == "a" ? "1" : "3"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        for file in try files(in: work.appendingPathComponent("a")) {
            #expect(try Data(contentsOf: work.appendingPathComponent("a/\(file)")) == Data(contentsOf: work.appendingPathComponent("b/\(file)")), "\(file)")
        }
    }

    @Test func jsonLinesGiveOneCasePerLineWithLineNumbers() throws {
        let work = try TestPaths.makeTemporaryDirectory("batch-jsonl")
        let output = work.appendingPathComponent("out")
        func line(_ id: String) -> String {
            #"{"version": 1, "id": "\#(id)", "municipality": "122297", "category": "要支援児童", "created": "2025-01-17", "#
            + #""child": {"name": "例野 ひなた"}, "guardians": [{"name": "例野 さくら"}], "#
            + #""plan": {"intent": {"guardian": "相談先がほしい"}, "issues": [{"text": "朝の支度"}], "#
            + #""supports": [{"service": "子育て世帯訪問支援事業", "content": "家事支援", "frequency": "週1回"}], "review": "2025-04"}, "#
            + #""consent": {"agreed": true}}"#
        }
        let file = work.appendingPathComponent("cases.jsonl")
        try [line("J-1"), "", "{\"id\": \"J-2\", broken", line("J-3")].joined(separator: "\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try batch([file.path, "--kind", "support-plan", "-o", output.path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(try files(in: output) == ["J-1.pdf", "J-3.pdf", "manifest.json"])
        let manifest = try manifest(in: output)
        #expect(manifest.cases.map { ($0["source"] as? [String: Any])?["line"] as? Int } == [1, 3, 4])
        #expect(manifest.codes(manifest.cases[1]) == ["E004"])
    }

    @Test(arguments: [
        (["--kind", "no-such-kind"], "unknown kind"),
        (["--kind", "support-plan", "--jobs", "0"], "--jobs"),
        (["--kind", "support-plan", "--mapping", "/nonexistent/mapping.yaml"], "mapping"),
    ])
    func usageProblemsExitTwo(arguments: [String], expected: String) throws {
        let work = try TestPaths.makeTemporaryDirectory("batch-usage")
        try Self.writePlans(1, into: work.appendingPathComponent("in"))
        let result = try batch([work.appendingPathComponent("in").path, "-o", work.appendingPathComponent("out").path] + arguments)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent("out/manifest.json").path))
    }

    @Test func missingInputExitsTwo() throws {
        let work = try TestPaths.makeTemporaryDirectory("batch-missing")
        let result = try batch([work.appendingPathComponent("nothing-here").path, "--kind", "support-plan", "-o", work.appendingPathComponent("out").path])
        #expect(result.status == 2)
    }

    // MARK: - Signals

    /// Starts a batch of `count` cases in the background and returns once `minimum` PDFs exist.
    func startBatch(count: Int, minimum: Int) throws -> (process: Process, output: URL) {
        let work = try TestPaths.makeTemporaryDirectory("batch-signal")
        let input = work.appendingPathComponent("in"), output = work.appendingPathComponent("out")
        try Self.writePlans(count, into: input)
        let process = Process()
        process.executableURL = TestPaths.yorisoiExecutable
        process.arguments = ["batch", input.path, "--kind", "support-plan", "-o", output.path, "--quiet"]
        process.currentDirectoryURL = TestPaths.repositoryRoot
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(300)
        while Date() < deadline, process.isRunning {
            let pdfs = (try? files(in: output).filter { $0.hasSuffix(".pdf") }.count) ?? 0
            if pdfs >= minimum { break }
            usleep(20_000)
        }
        return (process, output)
    }

    @Test func sigkillHalfWayLeavesOnlyCompletePDFs() throws {
        let (process, output) = try startBatch(count: 300, minimum: 8)
        #expect(process.isRunning)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let names = try files(in: output)
        let pdfs = names.filter { $0.hasSuffix(".pdf") }
        #expect(pdfs.count >= 8 && pdfs.count < 300)
        for pdf in pdfs {
            let check = try ExternalTool.qpdfCheck(output.appendingPathComponent(pdf))
            #expect(check.status == 0, "\(pdf): \(check.stdout)")
        }
        // The manifest written at the start claims nothing (every case not_done, interrupted).
        let left = try manifest(in: output)
        #expect(left.json["interrupted"] as? Bool == true)
        #expect(left.totals["ok"] == 0)
        // Anything else is a temporary dot-file (a PDF cut off mid-write, the manifest's cases
        // so far) or the dead batch's lock file, never a final name.
        for name in names where !name.hasSuffix(".pdf") && name != "manifest.json" && name != ".yorisoi-batch.lock" {
            #expect(name.range(of: #"^\.[^/]+\.(pdf|json-cases)\.[0-9]+\.[0-9]+\.part$"#, options: .regularExpression) != nil, "\(name)")
        }

        // The next batch into the same folder removes what the killed one left.
        let next = try TestPaths.makeTemporaryDirectory("batch-next")
        try Self.writePlans(1, into: next, prefix: "N")
        let result = try batch([next.path, "--kind", "support-plan", "-o", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try files(in: output).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test func sigtermStopsCleanlyWithAManifestListingWhatWasNotDone() throws {
        let (process, output) = try startBatch(count: 300, minimum: 5)
        #expect(process.isRunning)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 143)
        let manifest = try manifest(in: output)
        #expect(manifest.json["interrupted"] as? Bool == true)
        #expect(manifest.totals["cases"] == 300)
        #expect((manifest.totals["not_done"] ?? 0) > 0)
        let pdfs = try files(in: output).filter { $0.hasSuffix(".pdf") }
        #expect(pdfs.count == manifest.totals["ok"])
        #expect(try files(in: output).filter { $0.hasPrefix(".") }.isEmpty)
        let notDone = manifest.cases.filter { $0["status"] as? String == "not_done" }
        #expect(notDone.allSatisfy { ($0["source"] as? [String: Any])?["file"] != nil })
    }
}
