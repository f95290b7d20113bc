/// A date that is out of range or not written as `YYYY-MM-DDThh:mm:ss±hh:mm`.
public enum DisplayListError: Error, Sendable, Hashable {
    case invalidDate
}

/// A calendar date with a fixed UTC offset, as it appears in both /Info (`D:20250117093000+09'00'`)
/// and XMP (`2025-01-17T09:30:00+09:00`). Built from caller data only, so output is reproducible.
public struct PDFDate: Sendable, Hashable {
    public let year: Int, month: Int, day: Int
    public let hour: Int, minute: Int, second: Int
    /// Minutes east of UTC (+540 for JST).
    public let utcOffsetMinutes: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0,
                utcOffsetMinutes: Int = 540) throws(DisplayListError) {
        let valid = (1...9999).contains(year) && (1...12).contains(month) && (1...31).contains(day)
            && (0...23).contains(hour) && (0...59).contains(minute) && (0...59).contains(second)
            && (-14 * 60...14 * 60).contains(utcOffsetMinutes) && utcOffsetMinutes % 15 == 0
        guard valid else { throw DisplayListError.invalidDate }
        self.year = year; self.month = month; self.day = day
        self.hour = hour; self.minute = minute; self.second = second
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// Parses `YYYY-MM-DDThh:mm:ss` followed by `Z` or `±hh:mm`.
    public init(iso8601 text: String) throws(DisplayListError) {
        let c = Array(text.utf8)
        func number(_ range: Range<Int>) throws(DisplayListError) -> Int {
            guard range.upperBound <= c.count else { throw DisplayListError.invalidDate }
            var value = 0
            for byte in c[range] {
                guard (0x30...0x39).contains(byte) else { throw DisplayListError.invalidDate }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        func expect(_ index: Int, _ char: Character) throws(DisplayListError) {
            guard index < c.count, c[index] == char.asciiValue else { throw DisplayListError.invalidDate }
        }
        try expect(4, "-"); try expect(7, "-"); try expect(10, "T"); try expect(13, ":"); try expect(16, ":")
        var offset = 0
        if c.count == 20, c[19] == UInt8(ascii: "Z") {
            offset = 0
        } else if c.count == 25, c[19] == UInt8(ascii: "+") || c[19] == UInt8(ascii: "-") {
            try expect(22, ":")
            offset = try number(20..<22) * 60 + number(23..<25)
            if c[19] == UInt8(ascii: "-") { offset = -offset }
        } else {
            throw DisplayListError.invalidDate
        }
        try self.init(year: number(0..<4), month: number(5..<7), day: number(8..<10),
                      hour: number(11..<13), minute: number(14..<16), second: number(17..<19),
                      utcOffsetMinutes: offset)
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    private static func four(_ value: Int) -> String {
        String(repeating: "0", count: max(0, 4 - String(value).count)) + String(value)
    }

    private var offsetParts: (sign: String, hours: String, minutes: String) {
        let magnitude = abs(utcOffsetMinutes)
        return (utcOffsetMinutes < 0 ? "-" : "+", Self.two(magnitude / 60), Self.two(magnitude % 60))
    }

    /// `D:YYYYMMDDHHmmSS+HH'mm'` (PDF 1.7 §7.9.4).
    public var pdfString: String {
        let o = offsetParts
        let zone = utcOffsetMinutes == 0 ? "Z" : "\(o.sign)\(o.hours)'\(o.minutes)'"
        return "D:" + Self.four(year) + Self.two(month) + Self.two(day)
            + Self.two(hour) + Self.two(minute) + Self.two(second) + zone
    }

    /// `YYYY-MM-DDThh:mm:ss±hh:mm` (XMP).
    public var xmpString: String {
        let o = offsetParts
        let zone = utcOffsetMinutes == 0 ? "Z" : "\(o.sign)\(o.hours):\(o.minutes)"
        return Self.four(year) + "-" + Self.two(month) + "-" + Self.two(day) + "T"
            + Self.two(hour) + ":" + Self.two(minute) + ":" + Self.two(second) + zone
    }
}
