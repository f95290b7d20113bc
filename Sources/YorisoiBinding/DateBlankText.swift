import YorisoiTemplates
import YorisoiText

/// The text of a `<date-blank>`: the case's date in the profile's calendar, or, with no date,
/// the printed blanks a member of staff fills in by hand (「令和　　年　　月　　日」).
enum DateBlankText {
    static func text(_ iso: String?, blank: DateBlank, defaultStyle: DateStyle) throws -> String {
        let wareki: Bool
        switch blank.calendar {
        case .wareki: wareki = true
        case .seireki: wareki = false
        case .profile: wareki = defaultStyle == .wareki
        }
        let formatter = JapaneseDateFormatter()
        if let iso {
            if let date = CivilDate(iso: iso) {
                switch blank.precision {
                case .ymd: return wareki ? try formatter.japaneseEra(date) : formatter.gregorian(date)
                case .ym: return wareki ? try formatter.japaneseEra(date.yearMonth) : formatter.gregorian(date.yearMonth)
                case .md: return "\(date.month)月\(date.day)日"
                }
            }
            // A month-only date (「○月頃」) fills the year and month slots and leaves the day
            // slot blank for the hand: never a month printed where the day belongs.
            if let month = YearMonth(iso: iso) {
                switch blank.precision {
                case .ymd:
                    return (wareki ? try formatter.japaneseEra(month) : formatter.gregorian(month)) + "\u{3000}\u{3000}日"
                case .ym: return wareki ? try formatter.japaneseEra(month) : formatter.gregorian(month)
                case .md: return "\(month.month)月\u{3000}\u{3000}日"
                }
            }
            return iso
        }
        let blanks = "\u{3000}\u{3000}"
        let era = wareki ? "令和" : "\u{3000}\u{3000}"
        switch blank.precision {
        case .ymd: return "\(era)\(blanks)年\(blanks)月\(blanks)日"
        case .ym: return "\(era)\(blanks)年\(blanks)月"
        case .md: return "\(blanks)月\(blanks)日"
        }
    }
}
