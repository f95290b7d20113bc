import Crypto
import Foundation
import Testing
@testable import YorisoiServer

/// The stores' timestamps and hashes, written without Foundation's formatters, against them.
@Suite struct StoreTimestampTests {
    /// What the stores wrote before (ICU through `ISO8601DateFormatter`): the reference.
    static func reference(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    @Test func timestampsMatchTheFormattersOwn() {
        var generator = SystemRandomNumberGenerator()
        var dates = [Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: 951_782_400),   // 2000-02-29
                     Date(timeIntervalSince1970: 4_107_542_399.999), Date(timeIntervalSince1970: -1.5),
                     Date(timeIntervalSince1970: 1_796_601_903.1239),
                     Date(timeIntervalSince1970: -2_004_584_398.5695), Date(timeIntervalSince1970: 1_796_601_903.1235)]
        for _ in 0..<5_000 {
            dates.append(Date(timeIntervalSince1970: Double.random(in: -2_208_988_800...7_258_118_400, using: &generator)))
        }
        for date in dates {
            #expect(StoreTimestamp.string(date) == Self.reference(date), "\(date.timeIntervalSince1970)")
        }
    }

    @Test func hexDigestsMatchTheFormattedOnes() {
        for text in ["", "draft", "𠮷田", String(repeating: "あ", count: 1_000)] {
            let reference = SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
            #expect(SQLiteStore.sha256Hex(Array(text.utf8)) == reference)
        }
    }
}
