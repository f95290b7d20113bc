import Foundation
import Testing
import TestSupport
import YorisoiCase

/// Hostile or broken input never crashes and never hangs: each case ends in one clean
/// diagnostic. Large inputs are generated here, never committed. The clock is only a hang guard,
/// generous enough for a loaded CI machine; speed is measured by `yorisoi bench`, not here.
@Suite struct HostileInputTests {
    static let budget: Duration = .seconds(60)

    /// Loads and returns the diagnostics, failing the test if it ran into the hang guard.
    func timedLoad(_ data: Data, format: CaseFormat) -> [Diagnostic] {
        let clock = ContinuousClock()
        var result: [LoadedCase] = []
        let elapsed = clock.measure {
            result = CaseLoader().load(data: data, format: format, displayName: "hostile")
        }
        #expect(elapsed < Self.budget, "took \(elapsed)")
        return result.flatMap(\.diagnostics)
    }

    @Test func emptyFile() {
        #expect(timedLoad(Data(), format: .yaml).map(\.code) == [.e007])
        #expect(timedLoad(Data("  \n\n".utf8), format: .json).map(\.code) == [.e007])
        #expect(timedLoad(Data("# only a comment\n".utf8), format: .yaml).map(\.code) == [.e007])
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func randomBytes(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for format in [CaseFormat.yaml, .json, .jsonLines] {
            let diagnostics = timedLoad(Data(bytes), format: format)
            #expect(diagnostics.contains { $0.isError }, "\(format)")
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomPrintableText(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let alphabet = Array("ab:-[]{}&*!|>'\"#%@` ,?\n\t 　日本".unicodeScalars)
        var text = String.UnicodeScalarView()
        for _ in 0..<4096 { text.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]) }
        for format in [CaseFormat.yaml, .json] {
            let diagnostics = timedLoad(Data(String(text).utf8), format: format)
            #expect(!diagnostics.isEmpty, "\(format)")
        }
    }

    @Test func fiftyMegabyteFileIsRefusedBeforeReading() throws {
        let folder = try TestPaths.makeTemporaryDirectory("hostile")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("huge.yaml")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        let chunk = Data(String(repeating: "situation: あいうえお\n", count: 40_000).utf8)
        var written = 0
        while written < 50 << 20 {
            try handle.write(contentsOf: chunk)
            written += chunk.count
        }
        try handle.close()
        let clock = ContinuousClock()
        var loaded: [LoadedCase] = []
        let elapsed = clock.measure { loaded = CaseLoader().load(contentsOf: url) }
        #expect(elapsed < Self.budget)
        #expect(loaded.flatMap(\.diagnostics).map(\.code) == [.e002])
    }

    @Test func fiftyMegabytesOfDataInMemoryIsRefused() {
        let data = Data(count: 50 << 20)
        #expect(timedLoad(data, format: .json).map(\.code) == [.e002])
    }

    @Test func deepFlowNestingInYAML() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let codes = timedLoad(Data(("a: " + text).utf8), format: .yaml).map(\.code)
        #expect(codes == [.e005])
    }

    @Test func deepBlockNestingInYAML() {
        let text = "a:\n" + String(repeating: "- ", count: 10_000) + "x\n"
        let codes = timedLoad(Data(text.utf8), format: .yaml).map(\.code)
        #expect(codes == [.e005])
    }

    @Test func deepNestingJustOverOurLimit() {
        // Deeper than LoadLimits.maxDepth (64) but well inside libyaml's own limit.
        let text = "a: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70)
        #expect(timedLoad(Data(text.utf8), format: .yaml).map(\.code) == [.e005])
    }

    @Test func deepNestingInJSON() {
        let arrays = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(timedLoad(Data(arrays.utf8), format: .json).map(\.code) == [.e005])
        let objects = String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000)
        #expect(timedLoad(Data(objects.utf8), format: .json).map(\.code) == [.e005])
    }

    @Test func billionLaughsAsValues() {
        var lines = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        let codes = timedLoad(Data(lines.joined(separator: "\n").utf8), format: .yaml).map(\.code)
        #expect(codes == [.e006])
    }

    @Test func billionLaughsAsAKey() {
        var lines = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        let names = ["a", "b", "c", "d", "e", "f", "g"]
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]")
        }
        for key in ["? *g\n: 1", "*g : 1", "[*g, *g]: 1"] {
            let codes = timedLoad(Data((lines + [key]).joined(separator: "\n").utf8), format: .yaml).map(\.code)
            #expect(codes == [.e011], "\(key)")
        }
    }

    @Test func tooManyAliases() {
        let text = "a: &a x\nb: [" + Array(repeating: "*a", count: 500).joined(separator: ", ") + "]\n"
        #expect(timedLoad(Data(text.utf8), format: .yaml).map(\.code) == [.e011])
    }

    @Test func longScalarsAndManyKeysStayFast() {
        let longText = String(repeating: "あ", count: 2_000_000)
        // Read quickly, then refused as more than a document may print (E014, issue #24).
        #expect(timedLoad(Data("version: 1\nchild: {situation: \(longText)}\n".utf8), format: .yaml).map(\.code) == [.e014])
        let manyKeys = (0..<20_000).map { "k\($0): v" }.joined(separator: "\n")
        let diagnostics = timedLoad(Data(("version: 1\n" + manyKeys).utf8), format: .yaml)
        #expect(diagnostics.allSatisfy { $0.code == .w020 })
        // Fifty one by one, then one summary.
        #expect(diagnostics.count == CaseShapeChecker.unknownKeyReportLimit + 1)
        #expect(diagnostics.last?.messageEN == "19950 more unknown keys are ignored")
    }

    @Test func unreadableFileIsAConfigurationProblem() throws {
        let loaded = CaseLoader().load(contentsOf: URL(fileURLWithPath: "/nonexistent/case.yaml"))
        #expect(loaded.flatMap(\.diagnostics).map(\.code) == [.e001])
        #expect(DiagnosticCode.e001.isConfigurationProblem)
        let folder = try TestPaths.makeTemporaryDirectory("hostile")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(CaseLoader().load(contentsOf: folder).flatMap(\.diagnostics).map(\.code) == [.e001])
    }

    @Test func invalidUTF8PointsAtTheFirstBadByte() throws {
        var data = Data("version: 1\nid: ".utf8)
        data.append(contentsOf: [0x82, 0xA0])  // Shift_JIS あ
        let diagnostic = try #require(timedLoad(data, format: .yaml).first)
        #expect(diagnostic.code == .e003 && diagnostic.line == 2 && diagnostic.column == 5)
    }
}

/// A small seeded generator so random inputs are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
