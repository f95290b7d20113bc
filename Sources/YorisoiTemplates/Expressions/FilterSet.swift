import YorisoiCase
import YorisoiText

/// The filters behind `|`. Dates and ages are spelled by YorisoiText's formatters; this file
/// only turns case values into their types and back into text.
///
/// Every filter passes an empty input through as empty text, so `x | wareki | default('—')`
/// works on a missing date. Errors quote the field's JSON Pointer, never its value.
enum FilterSet {
    static func apply(_ call: FilterCall, to input: BoundValue, arguments: [BoundValue],
                      in scope: EvaluationScope) throws(TemplateError) -> BoundValue {
        let fail = { (detail: String) -> TemplateError in
            TemplateError(.expressionEvaluation, at: call.location, pointer: input.pointer, detail)
        }
        switch call.filter {
        case .default:
            return input.isEmpty ? arguments[0] : input
        case .count:
            switch input.value {
            case .null: return BoundValue(.integer(0))
            case .array(let a): return BoundValue(.integer(a.count))
            case .object(let o): return BoundValue(.integer(o.count))
            default: return BoundValue(.integer(input.text.count))
            }
        case .join:
            let separator = arguments.first?.text ?? "、"
            guard case .array(let items) = input.value else { return text(input.text, from: input) }
            let parts = items.map { BoundValue($0).text }.filter { !$0.isEmpty }
            return text(parts.joined(separator: separator), from: input)
        case .sama:
            let name = input.text
            return text(name.isEmpty ? "" : name + "様", from: input)
        case .zenkaku:
            return text(DigitWidth.fullWidthDigits(input.text), from: input)
        case .maru:
            return text(circled(input) ?? input.text, from: input)
        case .when:
            return arguments[0].isTruthy ? input : .null
        case .zip:
            // Pairs two lists row by row, padding the shorter with nulls, so one table row can
            // show 課題 i next to 支援 i: `plan.issues | zip(plan.supports)` → [[issue, support], …].
            let left = list(input), right = list(arguments[0])
            let rows = (0..<max(left.count, right.count)).map { i in
                CaseNode(.array([i < left.count ? left[i] : CaseNode(.null), i < right.count ? right[i] : CaseNode(.null)]))
            }
            return BoundValue(.array(rows))
        case .pluck:
            // One field of every item: `plan.supports | pluck('service')` → the services the plan
            // uses, for a check list to tick. Items without it are left out.
            let key = arguments[0].text
            let values = list(input).compactMap { item -> CaseNode? in
                guard case .object(let members) = item.value,
                      let node = members.first(where: { $0.key == key })?.node, node.value != .null else { return nil }
                return node
            }
            return BoundValue(.array(values))
        default:
            break
        }

        if input.isEmpty { return text("", from: input) }
        let formatter = JapaneseDateFormatter()
        guard let date = TemplateDate(input.text) else {
            throw fail("'\(call.filter.rawValue)' needs a date written YYYY-MM-DD or YYYY-MM")
        }
        // Era errors (a date before 明治6年) become template evaluation errors.
        func era(_ body: () throws(JapaneseEraError) -> String) throws(TemplateError) -> String {
            do { return try body() } catch { throw fail("the date cannot be written in 和暦: \(error)") }
        }
        do {
            switch call.filter {
            case .wareki:
                return text(try era { () throws(JapaneseEraError) in try date.wareki(formatter) }, from: input)
            case .wareki_ym:
                return text(try era { () throws(JapaneseEraError) in try formatter.japaneseEra(date.yearMonth) }, from: input)
            case .seireki:
                return text(date.seireki(formatter), from: input)
            case .seireki_ym:
                return text(formatter.gregorian(date.yearMonth), from: input)
            case .date:
                if scope.dateStyle == .seireki { return text(date.seireki(formatter), from: input) }
                return text(try era { () throws(JapaneseEraError) in try date.wareki(formatter) }, from: input)
            case .date_ym:
                if scope.dateStyle == .seireki { return text(formatter.gregorian(date.yearMonth), from: input) }
                return text(try era { () throws(JapaneseEraError) in try formatter.japaneseEra(date.yearMonth) }, from: input)
            case .koro:
                if scope.dateStyle == .seireki {
                    return text(formatter.gregorian(date.yearMonth, approximate: true), from: input)
                }
                return text(try era { () throws(JapaneseEraError) in
                    try formatter.japaneseEra(date.yearMonth, approximate: true)
                }, from: input)
            case .month_day:
                switch date {
                case .day(let d): return text("\(d.month)月\(d.day)日", from: input)
                case .month(let m): return text("\(m.month)月", from: input)
                }
            case .age, .age_years:
                guard case .day(let birth) = date else { throw fail("'\(call.filter.rawValue)' needs a full birth date (YYYY-MM-DD)") }
                let reference = arguments.first ?? scope.resolve(FieldPath([.key("created")]))
                guard case .day(let on)? = TemplateDate(reference.text) else {
                    throw TemplateError(.expressionEvaluation, at: call.location, pointer: reference.pointer,
                                        "'\(call.filter.rawValue)' needs a reference date (the case's created date or an argument)")
                }
                guard let age = JapaneseAge(birthDate: birth, on: on) else {
                    // Not born yet (特定妊婦: the date is the expected birth): no age, so a
                    // `default(...)` after the filter prints the blank form instead.
                    return BoundValue(.null, pointer: input.pointer)
                }
                // age_years: completed years as a number, for tests (対象時期 from the child's age).
                if call.filter == .age_years { return BoundValue(.integer(age.years), pointer: input.pointer) }
                return text(age.formatted(), from: input)
            default:
                preconditionFailure("handled above")
            }
        }
    }

    private static func list(_ value: BoundValue) -> [CaseNode] {
        switch value.value {
        case .array(let items): return items
        case .null: return []
        default: return [value.node]
        }
    }

    /// Text that still remembers which case field it was made from.
    private static func text(_ s: String, from input: BoundValue) -> BoundValue {
        BoundValue(.string(s), pointer: input.pointer)
    }

    private static func circled(_ input: BoundValue) -> String? {
        let n: Int?
        switch input.value {
        case .integer(let i): n = i
        case .string(let s): n = Int(s)
        default: n = nil
        }
        guard let n, (1...20).contains(n), let scalar = Unicode.Scalar(0x2460 + UInt32(n - 1)) else { return nil }
        return String(Character(scalar))
    }
}

/// A case date: a full day ("2025-01-17") or a month ("2025-04") for 「○年○月頃」 fields.
enum TemplateDate {
    case day(CivilDate)
    case month(YearMonth)

    init?(_ text: String) {
        if let d = CivilDate(iso: text) { self = .day(d) }
        else if let m = YearMonth(iso: text) { self = .month(m) }
        else { return nil }
    }

    var yearMonth: YearMonth {
        switch self {
        case .day(let d): return d.yearMonth
        case .month(let m): return m
        }
    }

    func wareki(_ f: JapaneseDateFormatter) throws(JapaneseEraError) -> String {
        switch self {
        case .day(let d): return try f.japaneseEra(d)
        case .month(let m): return try f.japaneseEra(m)
        }
    }

    func seireki(_ f: JapaneseDateFormatter) -> String {
        switch self {
        case .day(let d): return f.gregorian(d)
        case .month(let m): return f.gregorian(m)
        }
    }
}
