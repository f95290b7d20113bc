import Foundation
import YorisoiCase
import YorisoiText

/// 年度: April to March, named by the year it starts in (the 年度 of 2026-03-31 is 2025). The
/// engine's one rule (`JapaneseFiscalYear`, which prints 「令和7年度」), used by the server's 発番簿
/// and its search so that a number and a printed 年度 never disagree.
public enum FiscalYear {
    public static func of(_ date: CaseDate) -> Int {
        // A CaseDate's years (1–9999) are CivilDate's, so the first of its month always exists.
        guard let first = CivilDate(year: date.year, month: date.month, day: 1) else {
            preconditionFailure("CaseDate and CivilDate cover the same years")
        }
        return JapaneseFiscalYear(containing: first).startYear
    }
}

/// What issuing a 利用勧奨 or 措置 needs from a valid case, read by the engine so the server
/// never reads the case model itself: the id, municipality and notice date (with its 年度), a
/// 文書番号 the case already carries, and for a 措置 the 勧奨 it cites.
public struct NoticeFacts: Sendable, Hashable {
    /// A 文書番号 written in the case: a reprint of the ledger's own, or one marked 台帳外.
    public struct TypedNumber: Sendable, Hashable {
        public var number: String
        public var preLedger: Bool

        public init(number: String, preLedger: Bool) {
            self.number = number
            self.preLedger = preLedger
        }
    }

    /// The 勧奨 a 措置 cites: the number its case carries, or (none written) the case's latest.
    public enum Citation: Sendable, Hashable {
        case latestOfCase
        case number(String, preLedger: Bool, date: CaseDate?)
    }

    public var caseID: String
    /// The case's municipality, or the one the request chose.
    public var municipality: String
    public var date: CaseDate
    /// `FiscalYear.of(date)`.
    public var fiscalYear: Int
    public var typedNumber: TypedNumber?
    public var citation: Citation?
    /// The child the notice is for (the ledger keeps only a digest of them).
    public var childName: String?
    public var childBirthdate: CaseDate?

    /// The facts of `kind` (`.recommendation` or `.measure`) in `loaded`; nil when the case lacks
    /// an id, a municipality or a full notice date (validation has said why), or for another kind.
    public init?(_ loaded: LoadedCase, kind: DocumentKind, municipality override: String? = nil) {
        guard kind == .recommendation || kind == .measure, let typed = loaded.typed, let caseID = typed.id,
              let municipality = override ?? typed.municipality else { return nil }
        let section: (date: CaseDate?, number: String?, preLedger: Bool) = kind == .recommendation
            ? (typed.recommendation?.date, typed.recommendation?.number, typed.recommendation?.preLedger ?? false)
            : (typed.measure?.date, typed.measure?.number, typed.measure?.preLedger ?? false)
        guard let date = section.date, date.day != nil else { return nil }
        self.caseID = caseID
        self.municipality = municipality
        self.date = date
        fiscalYear = FiscalYear.of(date)
        if let number = section.number?.trimmingCharacters(in: .whitespaces), !number.isEmpty {
            typedNumber = TypedNumber(number: number, preLedger: section.preLedger)
        }
        if kind == .measure {
            if let cited = typed.recommendation?.number?.trimmingCharacters(in: .whitespaces), !cited.isEmpty {
                citation = .number(cited, preLedger: typed.recommendation?.preLedger ?? false, date: typed.recommendation?.date)
            } else {
                citation = .latestOfCase
            }
        }
        childName = typed.child?.name
        childBirthdate = typed.child?.birthdate
    }
}
