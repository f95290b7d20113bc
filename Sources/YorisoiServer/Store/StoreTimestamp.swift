import Foundation
import Yorisoi

/// The stores' timestamps: UTC, milliseconds, `2026-12-07T20:05:03.123Z` — what
/// `ISO8601DateFormatter` with fractional seconds writes, without it. That formatter builds an
/// ICU date format on each call (no instance can be shared between threads), and with one audit
/// row per render it took about 4% of the server's time under load (`perf`, issue #24).
enum StoreTimestamp {
    static func string(_ date: Date) -> String {
        // To the nearest millisecond, as ICU's formatter rounds them: a half up, towards the
        // future, also before 1970 (`.rounded()` takes it away from zero there).
        let millis = Int64((date.timeIntervalSince1970 * 1000 + 0.5).rounded(.down))
        let (days, msOfDay) = millis.quotientAndRemainder(dividingBy: 86_400_000)
        let (day, ms) = msOfDay < 0 ? (days - 1, msOfDay + 86_400_000) : (days, msOfDay)
        // Dates come from the clock: years 1…9999 (`CivilDate.supportedYears`) hold for millennia.
        guard let civil = CivilDate(daysSince1970: Int(day)) else { preconditionFailure("a timestamp outside years 1…9999") }
        var out = Array(civil.iso.utf8)
        out.reserveCapacity(24)
        func digits(_ value: Int64, _ count: Int) {
            var divisor: Int64 = 1
            for _ in 1..<count { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                out.append(UInt8(truncatingIfNeeded: 48 + rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
        out.append(UInt8(ascii: "T"))
        digits(ms / 3_600_000, 2); out.append(UInt8(ascii: ":"))
        digits(ms / 60_000 % 60, 2); out.append(UInt8(ascii: ":"))
        digits(ms / 1000 % 60, 2); out.append(UInt8(ascii: "."))
        digits(ms % 1000, 3); out.append(UInt8(ascii: "Z"))
        return String(decoding: out, as: UTF8.self)
    }
}
