import Foundation
import Testing
import TestSupport

/// Templates (issue #15, findings 5, 7, 15): `yorisoi templates` works, nested repeats stop at
/// the document limit, and a template of one kind is not used for another.
@Suite struct TemplateHardeningTests {
    typealias Run = HardenedRun.Run
    static let samples = HardenedRun.samples
    static let sodegaura = HardenedRun.sodegaura

    func yorisoi(_ arguments: [String], stdout: FileHandle? = nil) throws -> Run {
        try HardenedRun.yorisoi(arguments, stdout: stdout)
    }

    func render(_ caseFile: URL, _ output: String, kind: String = "support-plan", extra: [String] = []) throws -> Run {
        try yorisoi(["render", caseFile.path, "--kind", kind, "-o", output] + extra)
    }

    // MARK: 7 — templates

    @Test func templatesListsEveryMunicipality() throws {
        let run = try yorisoi(["templates"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("122297  袖ケ浦市"), "\(run.stdout)")
        #expect(run.stdout.contains("082244  守谷市"))
        #expect(run.stdout.contains("support-plan-child（独自様式）"))
    }

    // MARK: 5 — nested repeats

    @Test func nestedRepeatsStopAtTheDocumentLimit() throws {
        let work = try TestPaths.makeTemporaryDirectory("harden-repeat")
        var body = "<text>x</text>"
        for level in 0..<22 { body = "<repeat each=\"s\(level) in plan.supports\" min=\"2\">\(body)</repeat>" }
        let template = work.appendingPathComponent("nested.xml")
        try "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<template kind=\"support-plan\">\n\(body)\n</template>\n"
            .write(to: template, atomically: true, encoding: .utf8)
        let output = work.appendingPathComponent("out.pdf")
        let run = try render(Self.sodegaura, output.path, extra: ["--template", template.path])
        #expect(!run.killedByWatchdog)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("E503"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aTemplateOfAnotherKindIsRefused() throws {
        let work = try TestPaths.makeTemporaryDirectory("harden-kind")
        let template = work.appendingPathComponent("sheet.xml")
        try "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<template kind=\"assessment\">\n<text>x</text>\n</template>\n"
            .write(to: template, atomically: true, encoding: .utf8)
        let output = work.appendingPathComponent("out.pdf")
        let run = try render(Self.sodegaura, output.path, extra: ["--template", template.path])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("--kind support-plan"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
