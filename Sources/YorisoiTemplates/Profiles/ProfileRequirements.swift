import Foundation
import YorisoiCase

/// The profile fields each kind of document prints and cannot do without, checked when a template
/// is resolved (before any case is read), so a municipality that has not written them is told which
/// field to add instead of getting a form with a hole in it.
///
/// Profiles may leave these out: a municipality that prints only support plans needs no `head` or
/// `appeal`, and one that prints only notices no consent sentence.
public enum ProfileRequirements {
    /// The sentence the family signs under (関係機関との情報共有への同意). It is the municipality's
    /// own wording, approved by it, because it states what the family agrees to: a template must
    /// never supply one of its own (涌谷町's reaches back to 妊娠前, the national example does not).
    public static let consentStatement = "/consent/statement"

    /// The first 減免 band (`fee_reduction.bands`: name and fee of each, ProfileLoader checks the rest).
    public static let feeBand = "/fee_reduction/bands/0/name"

    /// Profile fields (JSON Pointers into municipality.yaml) a template of `kind` cannot do without.
    public static func requiredFields(kind: String) -> [String] {
        switch kind {
        case DocumentKind.supportPlan.rawValue, DocumentKind.supportPlanChild.rawValue: return [consentStatement]
        case DocumentKind.recommendation.rawValue: return NoticeRequirements.sender
        case DocumentKind.measure.rawValue: return NoticeRequirements.sender + NoticeRequirements.appeal
        // The guidance prints the town's bands and amounts, never amounts of its own.
        case DocumentKind.feeReduction.rawValue: return [feeBand]
        default: return []
        }
    }

    /// Throws at the first required field the profile lacks, naming it (never its value).
    public static func check(_ profile: MunicipalityProfile, kind: String) throws(TemplateError) {
        for pointer in requiredFields(kind: kind) {
            let value = profile.valueTree.resolve(pointer: pointer)?.scalarText ?? ""
            guard value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            throw TemplateError(.profileLacksField, at: nearestLocation(of: pointer, in: profile), pointer: pointer,
                                "the \(kind) form prints \(fieldName(pointer)); add it to the profile")
        }
    }

    /// `/head/name` → `head.name`, as the profile's YAML spells it.
    static func fieldName(_ pointer: String) -> String {
        pointer.split(separator: "/").joined(separator: ".")
    }

    /// The line of the deepest part of `pointer` the profile has (`head:` when only the name is missing).
    static func nearestLocation(of pointer: String, in profile: MunicipalityProfile) -> TemplateLocation {
        var parts = pointer.split(separator: "/").map(String.init)
        while !parts.isEmpty {
            if let position = profile.valueTree.resolve(pointer: "/" + parts.joined(separator: "/"))?.position {
                return TemplateLocation(file: profile.file, line: position.line, column: position.column)
            }
            parts.removeLast()
        }
        return .file(profile.file)
    }
}
