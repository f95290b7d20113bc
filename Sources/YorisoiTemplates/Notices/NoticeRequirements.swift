import Foundation
import YorisoiCase

/// What the two 家庭支援事業 notices need beyond the case: the profile fields they print, and —
/// for the 措置 notice, which is a 処分 — the case date that selects the 教示 in force.
///
/// Profiles may leave `head` and `appeal` out (a municipality that only prints support plans needs
/// neither), so the check is made when a notice template is resolved, not when the profile loads.
public enum NoticeRequirements {
    /// The sender of a notice: 職 and 氏名 of the head.
    static let sender = ["/head/title", "/head/name"]
    /// What the 教示 names: 審査請求先, 被告, 訴訟で被告を代表する者.
    static let appeal = ["/appeal/authority", "/appeal/defendant", "/appeal/representative"]

    /// Profile fields (JSON Pointers into municipality.yaml) a template of `kind` cannot do without.
    public static func requiredProfileFields(kind: String) -> [String] {
        switch kind {
        case DocumentKind.recommendation.rawValue: return sender
        case DocumentKind.measure.rawValue: return sender + appeal
        default: return []
        }
    }

    /// The case field whose date is the 処分's date, for kinds that must carry a 教示. A
    /// recommendation is 行政指導, not a 処分, so it has none and never gets one.
    public static func dispositionDatePointer(kind: String) -> String? {
        kind == DocumentKind.measure.rawValue ? "/measure/date" : nil
    }

    /// Throws at the first required field the profile lacks, naming it (never its value).
    public static func check(_ profile: MunicipalityProfile, kind: String) throws(TemplateError) {
        for pointer in requiredProfileFields(kind: kind) {
            let value = profile.valueTree.resolve(pointer: pointer)?.scalarText ?? ""
            guard value.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            throw TemplateError(.profileLacksField, at: nearestLocation(of: pointer, in: profile), pointer: pointer,
                                "the \(kind) notice prints \(fieldName(pointer)); add it to the profile")
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
