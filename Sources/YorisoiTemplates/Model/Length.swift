/// A length as written in a template: millimetres, points, or 字 (`zw`, the width of one
/// full-width character at the current font size — 公文書 rules say 「1字あける」, not 3.7mm).
public struct Length: Sendable, Hashable, CustomStringConvertible {
    public enum Unit: String, Sendable, Hashable, CaseIterable {
        case mm, pt, zw
    }

    public var value: Double
    public var unit: Unit

    public init(_ value: Double, _ unit: Unit) {
        self.value = value
        self.unit = unit
    }

    public static func mm(_ v: Double) -> Length { Length(v, .mm) }
    public static func pt(_ v: Double) -> Length { Length(v, .pt) }
    public static func zw(_ v: Double) -> Length { Length(v, .zw) }
    public static let zero = Length(0, .pt)

    /// In PostScript points; `zw` needs the font size in force where the length is used.
    public func points(fontSize: Double) -> Double {
        switch unit {
        case .mm: return value * 72 / 25.4
        case .pt: return value
        case .zw: return value * fontSize
        }
    }

    /// "12mm", "10.5pt", "1zw" (also "1字"). A bare "0" is zero. Nil for anything else.
    public init?(parsing text: String) {
        let trimmed = text.trimmingSpaces
        if trimmed == "0" { self = .zero; return }
        let pairs: [(String, Unit)] = [("mm", .mm), ("pt", .pt), ("zw", .zw), ("字", .zw)]
        for (suffix, unit) in pairs where trimmed.hasSuffix(suffix) {
            guard let v = Double(trimmed.dropLast(suffix.count)), v >= 0, v.isFinite else { return nil }
            self.init(v, unit)
            return
        }
        return nil
    }

    public var description: String {
        let number = value == value.rounded() ? String(Int(value)) : String(value)
        return number + unit.rawValue
    }
}

/// A table column: fixed, or a share of what the fixed columns leave (`*`, `2*`).
public enum TemplateColumnWidth: Sendable, Hashable {
    case fixed(Length)
    case fraction(Double)

    public init?(parsing text: String) {
        let trimmed = text.trimmingSpaces
        if trimmed.hasSuffix("*") {
            let number = trimmed.dropLast()
            if number.isEmpty { self = .fraction(1); return }
            guard let v = Double(number), v > 0, v.isFinite else { return nil }
            self = .fraction(v)
            return
        }
        guard let length = Length(parsing: trimmed) else { return nil }
        self = .fixed(length)
    }
}

/// Four sides, CSS order (top, right/end, bottom, left/start).
public struct EdgeLengths: Sendable, Hashable {
    public var top: Length
    public var end: Length
    public var bottom: Length
    public var start: Length

    public init(top: Length, end: Length, bottom: Length, start: Length) {
        self.top = top
        self.end = end
        self.bottom = bottom
        self.start = start
    }

    public static func all(_ l: Length) -> EdgeLengths { EdgeLengths(top: l, end: l, bottom: l, start: l) }

    /// One to four lengths separated by spaces, as in CSS `margin`.
    public init?(parsing text: String) {
        let parts = text.split(whereSeparator: { $0 == " " }).compactMap { Length(parsing: String($0)) }
        let count = text.split(whereSeparator: { $0 == " " }).count
        guard parts.count == count else { return nil }
        switch parts.count {
        case 1: self = .all(parts[0])
        case 2: self.init(top: parts[0], end: parts[1], bottom: parts[0], start: parts[1])
        case 3: self.init(top: parts[0], end: parts[1], bottom: parts[2], start: parts[1])
        case 4: self.init(top: parts[0], end: parts[1], bottom: parts[2], start: parts[3])
        default: return nil
        }
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
