import Foundation
import YorisoiCase

/// A meeting file (`yorisoi packet MEETING.yaml`): which meeting, and which cases with which
/// documents go into its packet.
public struct Meeting: Sendable {
    public var kind: MeetingKind
    public var title: String
    public var date: CaseDate
    /// 「14:00～16:30」, as written.
    public var time: String?
    public var place: String?
    public var attendees: [Attendee]
    /// The municipality whose profile sets the cover (date style, centre); nil → the first case's.
    public var municipality: String?
    /// Whether the meeting is 要保護児童対策地域協議会 business; defaults from the kind.
    public var isCouncilBusiness: Bool
    /// Whether cases without recorded consent are printed (as 要対協 business) rather than left
    /// out; defaults from the kind (`MeetingKind.includesUnconsentedByDefault`), and only a
    /// council meeting may include them.
    public var includesUnconsented: Bool
    public var entries: [MeetingCaseEntry]
    /// The meeting file itself, so that `folder: .` does not take it for a case.
    public var file: URL?

    /// Every file a packet of this meeting may read: the meeting file, each `file:` and every
    /// entry of each `folder:` (all of them, not only case-file names, so that the check errs
    /// towards refusing). An output must be none of them.
    public var filesRead: [URL] {
        var files = file.map { [$0] } ?? []
        for entry in entries {
            switch entry.source {
            case .file(let url): files.append(url)
            case .folder(let url):
                let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
                files += names.map { url.appendingPathComponent($0) }
            case .inline: break
            }
        }
        return files
    }
}

/// The four meeting kinds of docs/domain/forms-and-rules.md §6. The first three are tiers or parts of the
/// 要保護児童対策地域協議会 (要対協); the 合同ケース会議 is the centre's own meeting.
public enum MeetingKind: String, Sendable, CaseIterable {
    case jointCase = "合同ケース会議"
    case practitioners = "実務者会議"
    case progressReview = "進行管理会議"
    case individualCase = "個別ケース検討会議"

    /// 要対協 members share case information under 児童福祉法第25条の3 without the family's
    /// consent and are bound by 第25条の5; the centre's own meeting is not such a forum.
    public var isCouncilBusiness: Bool { self != .jointCase }

    /// Whether a case without the family's consent is printed unless the meeting file says
    /// otherwise. 第25条の3 *allows* a council to share without consent; it does not oblige it.
    /// The 実務者会議 and the 進行管理会議 review every registered case, consented or not — that
    /// is their job. A 個別ケース検討会議 is about one family and seats whoever works with it, so,
    /// like the centre's own 合同ケース会議, it prints only what the family agreed to share unless
    /// the 事務局 decides otherwise for that meeting (`include_unconsented: true`, which the cover
    /// then states).
    public var includesUnconsentedByDefault: Bool {
        switch self {
        case .practitioners, .progressReview: true
        case .individualCase, .jointCase: false
        }
    }
}

public struct Attendee: Sendable, Hashable {
    public var organisation: String?
    public var name: String?
    public var role: String?
}

/// 協議 (to discuss) or 情報共有 (information only). 協議 cases come first in the packet.
public enum AgendaSection: String, Sendable, CaseIterable {
    case discuss = "協議"
    case share = "情報共有"
}

/// One `cases:` item: a case file or a folder of them, and how they appear in the packet.
public struct MeetingCaseEntry: Sendable {
    public enum Source: Sendable, Hashable {
        case file(URL)
        case folder(URL)
        /// The case itself, written under `case:` (a meeting sent over HTTP carries its cases).
        case inline(CaseNode)
    }

    public var source: Source
    public var section: AgendaSection
    public var documents: [DocumentKind]
    /// 状況 for the 進行管理表 (継続, 終結検討…), as written.
    public var status: String?
    /// 主担当; nil → the case's staff.
    public var lead: String?
    /// Position of the item in the meeting file, for findings about it.
    public var pointer: String
    public var position: SourcePosition?
}
