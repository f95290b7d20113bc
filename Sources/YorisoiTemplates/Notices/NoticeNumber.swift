import Foundation
import YorisoiCase

/// A notice's own 文書番号, and the one rule about it: a notice without one is a draft.
///
/// A number makes a notice an issued 公文書 — the server's ledger sets it when it issues, or a
/// centre that keeps a paper 発番簿 types it into the case file. Without one the PDF is a preview
/// or a draft for the 決裁, and must not pass for an issued notice: it prints a blank number line
/// for the clerk to fill in (`printed`) and the pipeline puts a 見本 mark on every page (`isDraft`).
/// Both marks ask this type, so they can never disagree.
public struct NoticeNumber: Sendable, Hashable {
    /// The scope variable the notice templates print on their number line.
    public static let variableName = "document_number"
    /// The number line of a draft: 第 and 号 with two 全角 spaces between, room for the number by
    /// hand, after the municipality's prefix (the ledger writes 「袖こ家第12号」, so the blank reads
    /// 「袖こ家第　　号」).
    public static let blank = "第\u{3000}\u{3000}号"

    /// The case field that holds the number (`/recommendation/number`, `/measure/number`).
    public let pointer: String
    /// The number as the case has it; nil when the field is missing, empty or only blanks.
    public let issued: CaseNode?

    /// The number of a notice of `kind` in `caseRoot`; nil when `kind` is not a notice.
    public init?(kind: String, case caseRoot: CaseNode) {
        guard kind == DocumentKind.recommendation.rawValue || kind == DocumentKind.measure.rawValue else { return nil }
        pointer = "/\(kind)/number"
        let node = caseRoot.resolve(pointer: pointer)
        let text = node?.scalarText?.trimmingCharacters(in: .whitespaces) ?? ""
        issued = text.isEmpty ? nil : node
    }

    /// True when the notice has no number: it is a draft and prints as one.
    public var isDraft: Bool { issued == nil }

    /// What the number line prints: the case's number as written, or the blank after `prefix`.
    public func printed(prefix: String) -> BoundValue {
        if let issued { return BoundValue(issued, pointer: pointer) }
        return BoundValue(.string(prefix + Self.blank), pointer: pointer)
    }
}
