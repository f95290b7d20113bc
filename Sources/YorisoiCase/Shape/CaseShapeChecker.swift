/// Checks a raw case tree against `CaseShape`: value types, real dates, ranges, vocabularies,
/// unknown keys (a warning with a "did you mean") and the file version.
/// Null counts as "not written" everywhere; whether something must be written is a rule of the
/// document kind (YorisoiValidation), not of the file's shape.
public struct CaseShapeChecker: Sendable {
    /// Unknown-key warnings reported one by one; past this, one summary (a file that is mostly
    /// unknown keys is the wrong file, and thousands of warnings would bury everything else).
    public static let unknownKeyReportLimit = 50
    /// The earliest date a case may hold (see `checkDate`).
    static let earliestDate = CaseDate(year: 1873, month: 4, day: 1)!

    public init() {}

    public func check(_ root: CaseNode) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var unknownKeys = UnknownKeys()
        check(root, against: CaseShape.root, pointer: "", into: &diagnostics, unknownKeys: &unknownKeys)
        checkVersion(root, into: &diagnostics)
        if unknownKeys.unreported > 0, let first = unknownKeys.firstUnreported {
            diagnostics.append(Diagnostic(.w020, path: first.path, at: first.position,
                                          message: "ほかにも不明なキーが \(unknownKeys.unreported) 個あります（読み飛ばされます）",
                                          messageEN: "\(unknownKeys.unreported) more unknown keys are ignored"))
        }
        return diagnostics
    }

    private struct UnknownKeys {
        var reported = 0
        var unreported = 0
        var firstUnreported: (path: String, position: SourcePosition?)?
    }

    private func checkVersion(_ root: CaseNode, into diagnostics: inout [Diagnostic]) {
        guard case .object(let members) = root.value else { return }
        guard let member = members.first(where: { $0.key == "version" }), member.node.value != .null else {
            diagnostics.append(Diagnostic(.w021, path: "/version", at: root.position,
                                          message: "version（ケースファイルの版）がありません。version: 1 と書いてください",
                                          messageEN: "version is missing; write version: 1"))
            return
        }
        if case .integer(let version) = member.node.value, version != 1 {
            diagnostics.append(Diagnostic(.e024, path: "/version", at: member.node.position,
                                          message: "このケースファイルの版には対応していません（対応しているのは version: 1）",
                                          messageEN: "unsupported case file version (supported: 1)"))
        }
    }

    private func check(_ node: CaseNode, against shape: FieldShape, pointer: String,
                       into diagnostics: inout [Diagnostic], unknownKeys: inout UnknownKeys) {
        if case .null = node.value { return }
        func typeError(_ expectedJA: String, _ expectedEN: String) {
            diagnostics.append(Diagnostic(.e020, path: pointer, at: node.position,
                                          message: "値の種類が違います（\(expectedJA)で書いてください）",
                                          messageEN: "wrong type: expected \(expectedEN)"))
        }
        switch shape {
        case .text:
            switch node.value {
            case .string, .integer, .double: break
            default: typeError("文字列", "text")
            }
        case .code:
            switch node.value {
            case .string, .integer: break
            default: typeError("文字列", "text")
            }
        case .boolean:
            if case .bool = node.value {} else { typeError("true か false", "true or false") }
        case .integer(let range):
            guard case .integer(let value) = node.value else { return typeError("整数", "an integer") }
            if !range.contains(value) {
                let upper = range.upperBound == Int.max ? "" : "\(range.upperBound)"
                diagnostics.append(Diagnostic(.e022, path: pointer, at: node.position,
                                              message: "値が範囲外です（\(range.lowerBound)〜\(upper)）",
                                              messageEN: "value out of range (\(range.lowerBound)…\(upper))"))
            }
        case .date(let form):
            checkDate(node, form: form, pointer: pointer, into: &diagnostics)
        case .choice(let allowed):
            guard case .string(let value) = node.value, allowed.contains(value) else {
                let list = allowed.joined(separator: "・")
                diagnostics.append(Diagnostic(.e023, path: pointer, at: node.position,
                                              message: "使える値は \(list) のいずれかです",
                                              messageEN: "value must be one of: \(allowed.joined(separator: ", "))"))
                return
            }
        case .list(let element):
            guard case .array(let items) = node.value else { return typeError("リスト（- で始まる行）", "a list") }
            for (index, item) in items.enumerated() {
                check(item, against: element, pointer: pointer + "/\(index)", into: &diagnostics, unknownKeys: &unknownKeys)
            }
        case .object(let specs):
            guard case .object(let members) = node.value else { return typeError("キーと値の組", "a mapping") }
            checkMembers(members, specs: specs, pointer: pointer, into: &diagnostics, unknownKeys: &unknownKeys)
        case .textOrObject(let specs):
            switch node.value {
            case .string, .integer, .double: break
            case .object(let members): checkMembers(members, specs: specs, pointer: pointer, into: &diagnostics, unknownKeys: &unknownKeys)
            default: typeError("文字列またはキーと値の組", "text or a mapping")
            }
        }
    }

    private func checkMembers(_ members: [CaseMember], specs: [FieldSpec], pointer: String,
                              into diagnostics: inout [Diagnostic], unknownKeys: inout UnknownKeys) {
        var place = 0
        for member in members {
            if let spec = specs.first(where: { $0.key == member.key }) {
                let memberPointer = pointer + "/" + member.key.jsonPointerEscaped
                check(member.node, against: spec.shape, pointer: memberPointer, into: &diagnostics, unknownKeys: &unknownKeys)
                continue
            }
            // An unknown key is the author's text — it can be a name or an address typed in
            // key position — so it is named by its place among the object's unknown keys.
            place += 1
            let memberPointer = pointer + "/" + UnknownKeyRedaction.marker + String(place)
            guard unknownKeys.reported < Self.unknownKeyReportLimit else {
                if unknownKeys.unreported == 0 {
                    unknownKeys.firstUnreported = (memberPointer, member.keyPosition ?? member.node.position)
                }
                unknownKeys.unreported += 1
                continue
            }
            unknownKeys.reported += 1
            let parent = pointer.isEmpty ? "最上位" : "\(pointer.dropFirst()) の下"
            let parentEN = pointer.isEmpty ? "at the top level" : "under \(pointer.dropFirst())"
            var message = "\(parent)の不明なキー（\(place) 番目）は読み飛ばされます"
            var messageEN = "unknown key (number \(place)) \(parentEN) is ignored"
            // The suggestion is one of the format's own keys, never the author's text.
            if let suggestion = KeySuggestion.closest(to: member.key, among: specs.map(\.key)) {
                message = "\(parent)の不明なキー（\(place) 番目）は読み飛ばされます。「\(suggestion)」の誤りではありませんか"
                messageEN = "unknown key (number \(place)) \(parentEN) is ignored; did you mean '\(suggestion)'?"
            }
            diagnostics.append(Diagnostic(.w020, path: memberPointer, at: member.keyPosition ?? member.node.position,
                                          message: message, messageEN: messageEN))
        }
    }

    private func checkDate(_ node: CaseNode, form: FieldShape.DateForm, pointer: String,
                           into diagnostics: inout [Diagnostic]) {
        let example = form == .day ? "2025-01-17" : "2025-01-17 または 2025-04"
        let exampleEN = form == .day ? "YYYY-MM-DD" : "YYYY-MM-DD or YYYY-MM"
        guard case .string(let text) = node.value else {
            diagnostics.append(Diagnostic(.e021, path: pointer, at: node.position,
                                          message: "日付の書き方が正しくありません（例: \(example)）",
                                          messageEN: "not a date (\(exampleEN))"))
            return
        }
        if let date = CaseDate(iso: text) {
            // Documents print dates in 和暦, which follows the Gregorian calendar only from
            // 明治6年 (1873); the first whole 年度 begins 1873-04-01. Refused here so `validate`
            // finds it as the case's error, with no date in the message.
            if date.isBefore(Self.earliestDate) {
                diagnostics.append(Diagnostic(.e021, path: pointer, at: node.position,
                                              message: "1873年（明治6年）4月1日より前の日付は和暦で書けないため扱えません",
                                              messageEN: "dates before 1873-04-01 cannot be written in the Japanese calendar"))
                return
            }
            if form == .day && date.isYearMonth {
                diagnostics.append(Diagnostic(.e021, path: pointer, at: node.position,
                                              message: "この項目は年月日まで書いてください（例: 2025-01-17）",
                                              messageEN: "a full date is required here (YYYY-MM-DD)"))
            }
            return
        }
        let wellFormed = text.count == 10 || text.count == 7
            ? text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "-" } : false
        diagnostics.append(Diagnostic(.e021, path: pointer, at: node.position,
                                      message: wellFormed ? "実在しない日付です" : "日付の書き方が正しくありません（例: \(example)）",
                                      messageEN: wellFormed ? "no such calendar date" : "not a date (\(exampleEN))"))
    }
}
