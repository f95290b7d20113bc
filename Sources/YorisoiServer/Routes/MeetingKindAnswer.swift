import Yorisoi

/// One entry of `GET /api/v1/meeting-kinds`: a meeting the packet builder knows and its
/// consent rule (`MeetingKind`), as the page needs them to warn before building.
struct MeetingKindAnswer: Codable, Sendable, Equatable {
    /// 合同ケース会議, 実務者会議, 進行管理会議 or 個別ケース検討会議 — the meeting file's `kind`.
    var kind: String
    /// 要保護児童対策地域協議会 business (児童福祉法第25条の3, 第25条の5).
    var council: Bool
    /// Whether a case without recorded consent is printed; false → it is left out and listed
    /// on the cover by its ID.
    var includesUnconsented: Bool

    enum CodingKeys: String, CodingKey {
        case kind, council
        case includesUnconsented = "includes_unconsented"
    }

    static let all: [MeetingKindAnswer] = MeetingKind.allCases.map { kind in
        MeetingKindAnswer(kind: kind.rawValue, council: kind.isCouncilBusiness,
                          includesUnconsented: kind.isCouncilBusiness && kind.includesUnconsentedByDefault)
    }
}
