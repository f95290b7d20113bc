import YorisoiCase
import YorisoiText

/// Every character that will be printed must be drawable, and no 外字 (private-use characters)
/// may be printed at all: they show as something else, or nothing, on any other machine.
struct GlyphRules {
    /// The top-level sections a kind prints.
    static func printedSections(for kind: DocumentKind) -> [String] {
        switch kind {
        case .supportPlan, .supportPlanChild: ["id", "child", "guardians", "family", "plan", "consent", "staff"]
        case .assessment: ["id", "child", "assessment"]
        case .recommendation: ["child", "guardians", "recommendation", "staff"]
        case .measure: ["child", "guardians", "recommendation", "measure", "staff"]
        case .selfPlan: ["guardians", "self_plan", "staff"]
        case .providerBrief: ["child", "guardians", "plan", "measure", "provider_brief", "staff"]
        case .feeReduction: ["child", "guardians", "recommendation", "fee_reduction", "staff"]
        case .explanation: ["guardians", "explanation", "staff"]
        }
    }

    let kind: DocumentKind

    func check(_ root: CaseNode, into findings: inout Findings, context: ValidationContext) {
        guard case .object(let members) = root.value else { return }
        let sections = Self.printedSections(for: kind)
        for member in members where sections.contains(member.key) {
            visit(member.node, pointer: "/" + member.key.jsonPointerEscaped, into: &findings, context: context)
        }
    }

    private func visit(_ node: CaseNode, pointer: String, into findings: inout Findings, context: ValidationContext) {
        switch node.value {
        case .string(let text):
            checkText(text, pointer: pointer, into: &findings, context: context)
            checkGothic(text, pointer: pointer, into: &findings, context: context)
        case .array(let items):
            for (index, item) in items.enumerated() { visit(item, pointer: pointer + "/\(index)", into: &findings, context: context) }
        case .object(let members):
            for member in members {
                visit(member.node, pointer: pointer + "/" + member.key.jsonPointerEscaped, into: &findings, context: context)
            }
        default:
            break
        }
    }

    private func checkText(_ text: String, pointer: String, into findings: inout Findings, context: ValidationContext) {
        var reported = Set<UInt32>()
        for (offset, scalar) in text.unicodeScalars.enumerated() where PrivateUseArea.contains(scalar.value) {
            guard reported.insert(scalar.value).inserted else { continue }
            let label = UncoveredCharacter(codePoint: scalar.value, offset: offset, isPrivateUse: true).codePointLabel
            findings.addAtValue(.e402, pointer,
                                "\(label) は外字（私用領域の文字）です。外字は作成した端末以外では別の文字になるか表示されません。"
                                    + "標準の文字（例: 髙 U+9AD9、𠮷 U+20BB7）か、異体字セレクタ（IVS）付きの文字（例: 葛 + U+E0100）で入力してください",
                                "\(label) is a private-use (外字) character; use a standard code point or an ideographic variation sequence (IVS)")
        }
        guard let coverage = context.glyphCoverage else { return }
        for character in coverage.uncovered(in: text) where !character.isPrivateUse
            && !PrivateUseArea.contains(character.codePoint) {
            guard reported.insert(character.codePoint).inserted else { continue }
            let shown = Unicode.Scalar(character.codePoint).map { Self.displayable($0) ? "「\(Character($0))」" : "" } ?? ""
            findings.addAtValue(.e401, pointer,
                                "文字 \(character.codePointLabel)\(shown) は印刷に使うフォントにありません。標準的な字体に置き換えるか、フォントの設定を確認してください",
                                "character \(character.codePointLabel) is not covered by the template's fonts")
        }
    }

    /// W401: on a gothic form, a character only a Mincho face has is printed in Mincho among the
    /// gothic text — legible, but visibly another typeface. Reported once per character and value.
    private func checkGothic(_ text: String, pointer: String, into findings: inout Findings, context: ValidationContext) {
        guard let substitutes = context.minchoInGothic else { return }
        var reported = Set<UInt32>()
        for character in substitutes.uncovered(in: text) where reported.insert(character.codePoint).inserted {
            let shown = Unicode.Scalar(character.codePoint).map { Self.displayable($0) ? "「\(Character($0))」" : "" } ?? ""
            findings.addAtValue(.w401, pointer,
                                "文字 \(character.codePointLabel)\(shown) はゴシック体のフォントになく、明朝体で印刷されます",
                                "character \(character.codePointLabel) is not in the gothic faces and is set from a Mincho face")
        }
    }

    /// Control and format characters are named only by code point.
    private static func displayable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
             .spaceSeparator, .nonspacingMark, .enclosingMark:
            return false
        default:
            return true
        }
    }
}
