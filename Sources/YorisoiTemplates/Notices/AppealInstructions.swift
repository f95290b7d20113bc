import Foundation
import YorisoiCase

/// The 教示 (appeal-rights instruction) a 処分 notice must carry, kept as versioned data because
/// its wording follows the law in force: periods and remedies changed on 2016-04-01 (行政不服審査法
/// 平成26年法律第68号), and a notice must state the rules in force on the day of the 処分, not today's.
///
/// Read from `Templates/national/appeal-instructions.yaml` by `AppealInstructionsLoader`.
public struct AppealInstructions: Sendable, Hashable {
    public static let file = "national/appeal-instructions.yaml"

    /// Sorted by effective date, oldest first; no two share a date.
    public var versions: [Version]
    /// Where it was read from, relative to `Templates/`, for messages.
    public var file: String

    public init(versions: [Version], file: String = Self.file) {
        self.versions = versions.sorted { $0.effective.isBefore($1.effective) }
        self.file = file
    }

    /// One wording, in force from `effective` until the next version's date.
    public struct Version: Sendable, Hashable {
        /// A short stable name, for messages and the PDF reader's curiosity.
        public var id: String
        /// First day the wording applies to (a full date).
        public var effective: CaseDate
        /// The provisions that require this 教示 (行政不服審査法第82条, 行政事件訴訟法第46条).
        public var laws: [String]
        public var heading: String
        /// Paragraphs with `{authority}`, `{defendant}` and `{representative}` slots.
        public var paragraphs: [String]

        public init(id: String, effective: CaseDate, laws: [String], heading: String, paragraphs: [String]) {
            self.id = id
            self.effective = effective
            self.laws = laws
            self.heading = heading
            self.paragraphs = paragraphs
        }

        /// The paragraphs with the profile's appeal details in their slots.
        public func filled(with appeal: MunicipalityProfile.AppealDetails) -> FilledAppealInstruction {
            let values = AppealInstructionSlot.values(appeal)
            let text = paragraphs.map { paragraph in
                AppealInstructionSlot.allCases.reduce(paragraph) { $0.replacingOccurrences(of: $1.placeholder, with: values[$1] ?? "") }
            }
            return FilledAppealInstruction(id: id, effective: effective, laws: laws, heading: heading, paragraphs: text)
        }
    }

    /// The version in force on `date`: the latest whose effective date is on or before it.
    /// A date before every version has no wording to print, which is an error, never a guess.
    public func version(inForceOn date: CaseDate) throws(TemplateError) -> Version {
        guard let found = versions.last(where: { !date.isBefore($0.effective) }) else {
            let earliest = versions.first.map { "the earliest is in force from \($0.effective)" } ?? "the file has no versions"
            throw TemplateError(.appealInstructionNotInForce, at: .file(file), pointer: "/versions",
                                "no 教示 version is in force on the date of the 処分; \(earliest)")
        }
        return found
    }
}

/// The slots a 教示 paragraph may use, filled from the profile's `appeal` section.
public enum AppealInstructionSlot: String, Sendable, CaseIterable {
    /// 審査請求先 (`appeal.authority`).
    case authority
    /// 被告 in a 取消訴訟 (`appeal.defendant`).
    case defendant
    /// Who represents the defendant in the suit (`appeal.representative`).
    case representative

    public var placeholder: String { "{\(rawValue)}" }

    static func values(_ appeal: MunicipalityProfile.AppealDetails) -> [AppealInstructionSlot: String] {
        [.authority: appeal.authority, .defendant: appeal.defendant, .representative: appeal.representative]
    }
}

/// One version's text for one municipality, as templates read it (`appeal_instruction.…`).
public struct FilledAppealInstruction: Sendable, Hashable {
    public var id: String
    public var effective: CaseDate
    public var laws: [String]
    public var heading: String
    public var paragraphs: [String]

    /// Names templates use: `appeal_instruction.heading`, `.paragraphs` (a list), `.laws` (a list),
    /// `.law` (the laws joined with 「、」), `.effective` (ISO date, for `| date`), `.id`.
    public var valueTree: CaseNode {
        CaseNode(.object([
            CaseMember(key: "id", node: CaseNode(.string(id))),
            CaseMember(key: "effective", node: CaseNode(.string(effective.description))),
            CaseMember(key: "law", node: CaseNode(.string(laws.joined(separator: "、")))),
            CaseMember(key: "laws", node: CaseNode(.array(laws.map { CaseNode(.string($0)) }))),
            CaseMember(key: "heading", node: CaseNode(.string(heading))),
            CaseMember(key: "paragraphs", node: CaseNode(.array(paragraphs.map { CaseNode(.string($0)) }))),
        ]))
    }
}
