import YorisoiCase
import YorisoiTemplates

/// The 事務局's consolidated アセスメントシート: every agency's sheet for one child folded into
/// one list of catalogue items, each with who answered what.
///
/// Pure: sheets and catalogue in, merged items out, in catalogue order (answers in sheet order).
/// Item ids the catalogue does not know are left out — validation (E604) refuses them before
/// rendering, so here they can only come from a caller that skipped it.
public struct AssessmentMerge: Sendable {
    public let catalogue: AssessmentCatalogue

    public init(catalogue: AssessmentCatalogue) {
        self.catalogue = catalogue
    }

    /// One agency's answer to one item.
    public struct Answer: Sendable, Hashable {
        public var agency: String
        public var response: AssessmentResponse?
        public var note: String?
        /// Index of the sheet in `assessment.sheets`.
        public var sheet: Int

        public init(agency: String, response: AssessmentResponse?, note: String?, sheet: Int) {
            self.agency = agency
            self.response = response
            self.note = note
            self.sheet = sheet
        }
    }

    public struct Item: Sendable, Hashable {
        public var item: AssessmentCatalogue.Item
        public var answers: [Answer]
        /// True when the agencies disagree (see `disagree`).
        public var differs: Bool { AssessmentMerge.disagree(answers.map(\.response)) }
    }

    public struct Domain: Sendable, Hashable {
        public var domain: AssessmentCatalogue.Domain
        public var items: [Item]
    }

    /// Agencies disagree when one saw the concern (はい) and another did not (いいえ). 不明 is
    /// not a view on the item — the agency could not see it — so it never makes a difference on
    /// its own: はい＋不明 agree, and so do いいえ＋不明. A missing answer counts like 不明.
    public static func disagree(_ responses: [AssessmentResponse?]) -> Bool {
        responses.contains(.yes) && responses.contains(.no)
    }

    /// Items answered by at least one agency (an answer or a note), grouped by domain; domains
    /// with no such item are left out.
    public func merge(_ sheets: [AssessmentSheet]) -> [Domain] {
        var byItem: [String: [Answer]] = [:]
        for (index, sheet) in sheets.enumerated() {
            for answer in sheet.answers {
                guard let id = answer.item, answer.answer != nil || !answer.note.isBlank else { continue }
                byItem[id, default: []].append(Answer(agency: sheet.agency ?? "", response: answer.answer,
                                                      note: answer.note.isBlank ? nil : answer.note, sheet: index))
            }
        }
        return catalogue.domains.compactMap { domain in
            let items = domain.items.compactMap { item in byItem[item.id].map { Item(item: item, answers: $0) } }
            return items.isEmpty ? nil : Domain(domain: domain, items: items)
        }
    }
}

extension Optional where Wrapped == String {
    /// Nothing written: nil, empty, or only white space (full-width spaces included).
    var isBlank: Bool {
        guard let self else { return true }
        return self.allSatisfy(\.isWhitespace)
    }
}
