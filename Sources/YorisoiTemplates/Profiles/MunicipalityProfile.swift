import YorisoiCase

/// What is the same on every document of one municipality (CONTRACT §3), read from
/// `Templates/<code>-<name>/municipality.yaml`. Templates read it as `profile.…`
/// (`profile.centre.phone`) through `valueTree`; Swift code uses the typed fields.
public struct MunicipalityProfile: Sendable, Hashable {
    public var code: LocalGovernmentCode
    /// Official name: 袖ケ浦市.
    public var name: String
    public var prefecture: String?
    /// The こども家庭センター (or the office that issues the documents).
    public var centre: Office
    /// The head who issues notices (市長 …). Optional in the file: only notices need it, and
    /// `NoticeRequirements` refuses to print one without it.
    public var head: Official?
    public var dateStyle: DateStyle
    /// 文書番号 prefix: 「袖こ家」 → 「袖こ家第123号」.
    public var documentNumberPrefix: String
    /// How the server's 発番簿 numbers and approves this municipality's notices.
    public var ledger: LedgerRules = LedgerRules()
    /// What a 措置 notice's 教示 must state. Optional like `head`; required for `measure`.
    public var appeal: AppealDetails?
    /// Other desks a form lists (涌谷町: 子育て支援課, 健康課健康づくり班).
    public var contacts: [Contact]
    /// Replaces the template's default font family for this municipality's documents.
    public var fontFamily: FontFamily?
    /// Grouped check lists by name (`services`, …), for `<checklist catalogue="…">`.
    public var catalogues: [String: Catalogue]
    /// The whole file as a value tree, for `profile.…` in expressions.
    public var valueTree: CaseNode
    /// The file it was read from, relative to `Templates/`.
    public var file: String

    public init(code: LocalGovernmentCode, name: String, prefecture: String?, centre: Office, head: Official?,
                dateStyle: DateStyle, documentNumberPrefix: String, appeal: AppealDetails?, contacts: [Contact],
                fontFamily: FontFamily?, catalogues: [String: Catalogue], valueTree: CaseNode, file: String) {
        self.code = code
        self.name = name
        self.prefecture = prefecture
        self.centre = centre
        self.head = head
        self.dateStyle = dateStyle
        self.documentNumberPrefix = documentNumberPrefix
        self.appeal = appeal
        self.contacts = contacts
        self.fontFamily = fontFamily
        self.catalogues = catalogues
        self.valueTree = valueTree
        self.file = file
    }

    /// The profile's `ledger:` section (docs/server.md, "The 発番簿"). Every field has a default,
    /// so a profile without the section numbers per 年度 and asks 決裁 for 措置 only.
    public struct LedgerRules: Sendable, Hashable {
        public enum Sequence: String, Sendable, Hashable, CaseIterable {
            /// 第1号 again on every 4月1日 (the usual 文書管理規程).
            case fiscalYear = "fiscal-year"
            /// One sequence that runs on across 年度.
            case continuous
        }

        public var sequence: Sequence
        /// A 措置 (a disposition) always needs 決裁; a 勧奨 only where the municipality says so.
        public var recommendationNeedsApproval: Bool

        public init(sequence: Sequence = .fiscalYear, recommendationNeedsApproval: Bool = false) {
            self.sequence = sequence
            self.recommendationNeedsApproval = recommendationNeedsApproval
        }
    }

    public struct Office: Sendable, Hashable {
        public var name: String
        public var address: String
        public var phone: String
        public var officeHours: String

        public init(name: String, address: String, phone: String, officeHours: String) {
            self.name = name
            self.address = address
            self.phone = phone
            self.officeHours = officeHours
        }
    }

    public struct Official: Sendable, Hashable {
        public var title: String
        public var name: String

        public init(title: String, name: String) {
            self.title = title
            self.name = name
        }
    }

    public struct AppealDetails: Sendable, Hashable {
        /// 審査請求先.
        public var authority: String
        /// 被告 (in a 取消訴訟).
        public var defendant: String
        /// 代表者 of the defendant.
        public var representative: String

        public init(authority: String, defendant: String, representative: String) {
            self.authority = authority
            self.defendant = defendant
            self.representative = representative
        }
    }

    public struct Contact: Sendable, Hashable {
        public var name: String
        public var phone: String?
        public var note: String?

        public init(name: String, phone: String?, note: String?) {
            self.name = name
            self.phone = phone
            self.note = note
        }
    }

    public struct Catalogue: Sendable, Hashable {
        public var title: String?
        public var groups: [ChecklistGroup]

        public init(title: String?, groups: [ChecklistGroup]) {
            self.title = title
            self.groups = groups
        }
    }
}
