/// Check boxes for a list-valued case field (`plan.selected_services`) against a catalogue of
/// options: a municipality catalogue named in `municipality.yaml`, or groups written inline.
public struct TemplateChecklist: Sendable, Hashable {
    public enum Layout: String, Sendable, Hashable, CaseIterable {
        /// A two-column table: group label | the group's options (袖ケ浦市's catalogue).
        case grouped
        /// Group headings, each followed by its options flowing in `columns` columns (守谷市).
        case stacked
        /// All options in one run, no group headings.
        case inline
    }

    public var bind: TemplateExpression?
    /// Values that also tick the option they match (by label or alias) but, unlike `bind`'s, are
    /// never written into 「その他」 when they match none: the services the plan itself uses
    /// (`plan.supports | pluck('service')`), so a catalogue shows what the family already uses
    /// without staff ticking it twice.
    public var alsoTicks: TemplateExpression?
    /// The profile catalogue this list draws from; resolved into `groups` by `TemplateLibrary`.
    public var catalogue: String?
    public var groups: [ChecklistGroup]
    public var layout: Layout
    public var columns: Int
    public var groupHeading: Interpolation?
    public var optionsHeading: Interpolation?
    /// `grouped` only: a third column with this heading (袖ケ浦市's 時期), left blank on each
    /// group's row for the date to be written in by hand.
    public var periodHeading: Interpolation?
    public var location: TemplateLocation

    public init(bind: TemplateExpression?, catalogue: String?, groups: [ChecklistGroup], layout: Layout,
                columns: Int, groupHeading: Interpolation?, optionsHeading: Interpolation?,
                periodHeading: Interpolation? = nil, alsoTicks: TemplateExpression? = nil, location: TemplateLocation) {
        self.periodHeading = periodHeading
        self.alsoTicks = alsoTicks
        self.bind = bind
        self.catalogue = catalogue
        self.groups = groups
        self.layout = layout
        self.columns = columns
        self.groupHeading = groupHeading
        self.optionsHeading = optionsHeading
        self.location = location
    }
}

public struct ChecklistGroup: Sendable, Hashable {
    /// May contain "\n" where the printed label breaks (「心配・不安なこと\n相談したい」).
    public var label: String?
    public var options: [ChecklistOption]

    public init(label: String?, options: [ChecklistOption]) {
        self.label = label
        self.options = options
    }
}

public struct ChecklistOption: Sendable, Hashable {
    /// Empty for a bare write-in line (☐ ＿＿＿).
    public var label: String
    /// 「その他（　）」: selected values that match no option are written into it.
    public var isWriteIn: Bool
    /// Other names the same service goes by (a plan may write 「子育てひろば」 for
    /// 「地域子育て支援拠点」): a value matching one ticks the option.
    public var aliases: [String]

    public init(label: String, isWriteIn: Bool = false, aliases: [String] = []) {
        self.label = label
        self.isWriteIn = isWriteIn
        self.aliases = aliases
    }
}
