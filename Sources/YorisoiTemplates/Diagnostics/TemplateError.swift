/// Stable codes for everything that can be wrong with a template or a municipality profile.
/// The codes are part of the diagnostics contract: add new ones, never renumber.
public enum TemplateErrorCode: String, Sendable, CaseIterable {
    case unreadable = "T001"
    case tooLarge = "T002"
    case malformedXML = "T003"
    case doctypeRefused = "T004"
    case entityRefused = "T005"
    case xincludeRefused = "T006"
    case schemaViolation = "T010"
    case badAttribute = "T011"
    case duplicateName = "T012"
    case expressionSyntax = "T020"
    case unknownFilter = "T021"
    case expressionEvaluation = "T022"
    case referenceRefused = "T030"
    case referenceMissing = "T031"
    case inheritance = "T032"
    case kindMismatch = "T033"
    case unknownCatalogue = "T034"
    case profile = "T040"
    case unknownMunicipality = "T041"
    case unknownKind = "T042"
    case profileLacksField = "T043"
    case appealInstructions = "T044"
    case appealInstructionNotInForce = "T045"
    case unprintedMandatory = "T046"

    /// A short Japanese title for the diagnostic line; the detail follows in English where it
    /// comes from libxml2 or libyaml.
    public var japaneseTitle: String {
        switch self {
        case .unreadable: return "テンプレートを読み込めません"
        case .tooLarge: return "ファイルが大きすぎます"
        case .malformedXML: return "XMLの構文が正しくありません"
        case .doctypeRefused: return "DOCTYPE宣言は使用できません"
        case .entityRefused: return "実体参照は使用できません"
        case .xincludeRefused: return "XIncludeは使用できません"
        case .schemaViolation: return "テンプレートの構造がスキーマに合っていません"
        case .badAttribute: return "属性の値が正しくありません"
        case .duplicateName: return "名前が重複しています"
        case .expressionSyntax: return "式の書き方が正しくありません"
        case .unknownFilter: return "不明なフィルタです"
        case .expressionEvaluation: return "式を評価できません"
        case .referenceRefused: return "参照できない場所のファイルです"
        case .referenceMissing: return "参照先のファイルがありません"
        case .inheritance: return "テンプレートの継承が正しくありません"
        case .kindMismatch: return "テンプレートの種類がファイル名と一致しません"
        case .unknownCatalogue: return "市町村プロファイルに該当する一覧がありません"
        case .profile: return "市町村プロファイルが正しくありません"
        case .unknownMunicipality: return "該当する市町村がありません"
        case .unknownKind: return "この市町村にはその種類の様式がありません"
        case .profileLacksField: return "この様式に必要な項目が市町村プロファイルにありません"
        case .appealInstructions: return "教示文のデータが正しくありません"
        case .appealInstructionNotInForce: return "処分の日に施行されている教示文がありません"
        case .unprintedMandatory: return "サポートプランの必須項目（①意向 ②課題 ③支援内容）は印刷しない項目にできません"
        }
    }
}

/// A broken template or profile (exit code 2 in the command line). Always carries a location;
/// `pointer` names the field for profile errors (a JSON Pointer into municipality.yaml).
///
/// Messages never quote file contents beyond the template itself: a refused external entity is
/// reported by its position, not by what it would have loaded.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: TemplateErrorCode
    public var location: TemplateLocation
    public var pointer: String?
    public var detail: String

    public init(_ code: TemplateErrorCode, at location: TemplateLocation, pointer: String? = nil,
                _ detail: String) {
        self.code = code
        self.location = location
        self.pointer = pointer
        self.detail = detail
    }

    /// `FILE:LINE:COL: error CODE [/pointer: ]日本語 (detail)` — the CONTRACT's text form.
    public var description: String {
        let where_ = pointer.map { " \($0):" } ?? ""
        return "\(location): error \(code.rawValue)\(where_) \(code.japaneseTitle) (\(detail))"
    }
}
