import Foundation
import YorisoiCase

/// What the two 家庭支援事業 notices need beyond the case: the profile fields they print, and —
/// for the 措置 notice, which is a 処分 — the case date that selects the 教示 in force.
///
/// `ProfileRequirements` checks the profile fields when a notice template is resolved.
public enum NoticeRequirements {
    /// The sender of a notice: 職 and 氏名 of the head.
    static let sender = ["/head/title", "/head/name"]
    /// What the 教示 names: 審査請求先, 被告, 訴訟で被告を代表する者.
    static let appeal = ["/appeal/authority", "/appeal/defendant", "/appeal/representative"]

    /// The case field whose date is the 処分's date, for kinds that must carry a 教示. A
    /// recommendation is 行政指導, not a 処分, so it has none and never gets one.
    public static func dispositionDatePointer(kind: String) -> String? {
        kind == DocumentKind.measure.rawValue ? "/measure/date" : nil
    }
}
