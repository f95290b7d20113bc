import Foundation
import Yorisoi

/// Finding a family's case (`POST /api/v1/cases/search`): by the child's name or kana (spaces,
/// width and katakana/hiragana ignored), by case ID, municipality, 年度 of the 作成日 and
/// review month. The query travels in the body, never in a URL (names do not belong in logs,
/// browser history or proxies), and the answer lists what the case list lists — IDs, never names.
struct CaseSearch {
    struct Query: Decodable {
        /// A name, kana or part of a case ID.
        var q: String?
        var municipality: String?
        /// 年度 of the plan's 作成日 (2025 = 令和7年度, April 2025 – March 2026).
        var fiscalYear: Int?
        /// Review month range, `YYYY-MM`, both ends included.
        var reviewFrom: String?
        var reviewTo: String?

        enum CodingKeys: String, CodingKey {
            case q, municipality
            case fiscalYear = "fiscal_year"
            case reviewFrom = "review_from"
            case reviewTo = "review_to"
        }

        /// Whether answering needs the stored case itself (names and dates are not in the list).
        var readsCases: Bool { !(q ?? "").isEmpty || fiscalYear != nil }
    }

    /// What the search knows of one case beyond its list row.
    struct Facts {
        var name: String?
        var kana: String?
        var created: CaseDate?
    }

    let query: Query

    func matches(_ summary: SavedCaseSummary, _ facts: Facts?) -> Bool {
        if let municipality = query.municipality, summary.municipality != municipality { return false }
        if query.reviewFrom != nil || query.reviewTo != nil {
            guard let review = summary.review.map({ String($0.prefix(7)) }) else { return false }
            if let from = query.reviewFrom, review < from { return false }
            if let to = query.reviewTo, review > to { return false }
        }
        if let year = query.fiscalYear {
            guard let created = facts?.created, FiscalYear.of(created) == year else { return false }
        }
        if let text = query.q, !text.isEmpty {
            let needle = Self.folded(text)
            guard !needle.isEmpty else { return true }
            let haystacks = [summary.id, facts?.name, facts?.kana].compactMap { $0 }.map(Self.folded)
            return haystacks.contains { $0.contains(needle) }
        }
        return true
    }

    /// NFKC (full-width letters and digits as ASCII, half-width kana as full-width), lower case,
    /// no spaces, katakana as hiragana: 「ｶﾘﾉ ｿﾗ」, 「カリノ　ソラ」 and 「かりのそら」 are one name.
    static func folded(_ text: String) -> String {
        let normalised = text.precomposedStringWithCompatibilityMapping.lowercased()
        var scalars = String.UnicodeScalarView()
        for scalar in normalised.unicodeScalars where !scalar.properties.isWhitespace {
            if (0x30A1...0x30F6).contains(scalar.value), let hiragana = Unicode.Scalar(scalar.value - 0x60) {
                scalars.append(hiragana)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
