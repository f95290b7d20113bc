/// What the web page builds its form from (`GET /api/v1/forms/{municipality}/{kind}`): the paper
/// form's sections and labels for one municipality and kind, each field naming the JSON Pointer
/// of the case-file value it edits. The page never hard-codes a label or a check list; it only
/// knows how to draw each field type. See docs/web.md for the shape.
public struct FormDescription: Sendable, Hashable, Encodable {
    public var municipality: Municipality
    public var kind: String
    /// The printed form's title (サポートプラン, 利用勧奨通知書 …).
    public var title: String
    /// The kinds this municipality has that the page can edit (for the kind chooser).
    public var kinds: [KindChoice]
    public var sections: [Section]

    public struct Municipality: Sendable, Hashable, Encodable {
        public var code: String
        public var name: String
        /// 和暦 or 西暦: how the printed form writes dates. The page shows 和暦 beside every date either way.
        public var dateStyle: String

        enum CodingKeys: String, CodingKey {
            case code, name
            case dateStyle = "date_style"
        }
    }

    public struct KindChoice: Sendable, Hashable, Encodable {
        public var kind: String
        public var title: String
    }

    public struct Section: Sendable, Hashable, Encodable {
        /// Stable id, used for the page's anchors (`sec-plan`).
        public var id: String
        public var title: String
        public var fields: [Field]
    }

    public struct Field: Sendable, Hashable, Encodable {
        public enum FieldType: String, Sendable, Hashable, Encodable {
            /// One line of text.
            case text
            /// Several lines of text.
            case textarea
            /// An ISO date (2025-01-17); the page shows the 和暦 beside it.
            case date
            /// A year and month (2025-04), for 「○年○月頃」.
            case month
            /// Either a date or a year and month (a goal's period).
            case dateOrMonth = "date-or-month"
            /// One of `options`.
            case select
            /// A whole number between `min` and `max`.
            case number
            /// Yes / no.
            case boolean
            /// A list of strings ticked from `groups` (a catalogue or the form's own list).
            case checklist
            /// A list of objects, each edited with `fields` (pointers relative to the row).
            case repeating = "repeat"
            /// An index into `/guardians` (a notice's addressee).
            case guardianIndex = "guardian-index"
        }

        /// JSON Pointer into the case file; inside a `repeat`, relative to the row (`/text`).
        public var pointer: String
        public var label: String
        public var type: FieldType
        public var required: Bool = false
        /// A short hint shown under the label (expected form, what goes here).
        public var hint: String?
        public var options: [String]?
        public var groups: [ChecklistGroup]?
        public var min: Int?
        public var max: Int?
        /// For `repeat`: the row's fields and what one row is called (支援 → 「支援を追加」).
        public var fields: [Field]?
        public var itemLabel: String?

        enum CodingKeys: String, CodingKey {
            case pointer, label, type, required, hint, options, groups, min, max, fields
            case itemLabel = "item_label"
        }

        public init(_ pointer: String, _ label: String, _ type: FieldType, required: Bool = false,
                    hint: String? = nil, options: [String]? = nil, groups: [ChecklistGroup]? = nil,
                    min: Int? = nil, max: Int? = nil, fields: [Field]? = nil, itemLabel: String? = nil) {
            self.pointer = pointer
            self.label = label
            self.type = type
            self.required = required
            self.hint = hint
            self.options = options
            self.groups = groups
            self.min = min
            self.max = max
            self.fields = fields
            self.itemLabel = itemLabel
        }
    }

    public struct ChecklistGroup: Sendable, Hashable, Encodable {
        /// Nil for a list without group headings. "\n" where the paper form breaks the label.
        public var label: String?
        public var options: [ChecklistOption]
    }

    public struct ChecklistOption: Sendable, Hashable, Encodable {
        public var label: String
        /// 「その他（　）」: the page offers a text box whose value is added to the list.
        public var writeIn: Bool

        enum CodingKeys: String, CodingKey {
            case label
            case writeIn = "write_in"
        }
    }
}
