import Foundation
import Testing
@testable import YorisoiText

/// The breaker compares clusters with literals by scalar when `PlainScalar` says that is exact.
/// That holds only if no scalar it lets through has a canonical decomposition to one other
/// scalar: checked here against Foundation's decomposition, for every scalar there is.
@Suite struct PlainScalarTests {
    @Test func noSingletonPassesAsPlain() {
        var passed = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), !PlainScalar.mayBeSingleton(scalar) else { continue }
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            let isSingleton = decomposed.count == 1 && decomposed.first != scalar
            #expect(!isSingleton, "U+\(String(value, radix: 16, uppercase: true)) is a canonical singleton")
            if isSingleton { return }
            passed += 1
        }
        #expect(passed > 1_000_000)
    }

    @Test func clustersOfSeveralScalarsAndSingletonsCompareAsText() {
        #expect(PlainScalar.of("年") == "年")
        #expect(PlainScalar.of("\u{F98E}") == nil)          // 年 (compatibility) ≡ 年
        #expect(PlainScalar.of("か\u{3099}") == nil)         // ≡ が
        #expect(PlainScalar.of("葛\u{E0100}") == nil)
        #expect(PlainScalar.of("") == nil)
    }

    /// Whatever path a cluster takes, it answers as `String ==` would.
    @Test(arguments: ["年", "\u{F98E}", "月", "が", "か\u{3099}", "か", "\u{212A}", "K", "\n", "\r\n", "元"])
    func comparisonAgreesWithStringEquality(text: String) {
        let metrics = ClusterMetrics(TextCluster(text: text, advance: 10, fontSize: 10), before: nil, after: nil)
        for literal in ["年", "月", "か", "K", "\n", "元", "が"].map({ $0.unicodeScalars.first! }) {
            #expect(metrics.isText(literal, text: text) == (text == String(literal)))
            #expect(metrics.isText(in: [literal], text: text) == (text == String(literal)))
        }
    }

    /// `PlainScalar.of` reads one scalar off the UTF-8 bytes; it must find exactly the scalar the
    /// scalar view finds, for every scalar alone, and none for texts of several scalars.
    @Test func theUTF8ReadingFindsWhatTheScalarViewFinds() {
        var wrong: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar)
            let viaBytes = text.utf8.withContiguousStorageIfAvailable { PlainScalar.onlyScalar(utf8: $0) }
            if viaBytes != .some(scalar) { wrong.append(value) }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(8).map { String($0, radix: 16) })")
        for text in ["", "ab", "か\u{3099}", "葛\u{E0100}", "\r\n", "👨\u{200D}👩", "é", "e\u{301}"] {
            let expected: Unicode.Scalar? = text.unicodeScalars.count == 1 ? text.unicodeScalars.first : nil
            #expect(text.utf8.withContiguousStorageIfAvailable { PlainScalar.onlyScalar(utf8: $0) } == .some(expected), "\(text.unicodeScalars.map(\.value))")
        }
    }
}
