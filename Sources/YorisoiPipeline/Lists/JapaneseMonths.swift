import YorisoiCase
import YorisoiText

/// Whether a list that writes its months in 和暦 (the 月次起案 cover, the 更新時期一覧) can name
/// `month`: 和暦 begins with the solar calendar on 1873-01-01 (`JapaneseEra.earliestSupportedDate`).
/// An earlier month is the caller's mistake, refused before any case is read, not a template
/// failing on it.
func hasJapaneseDate(_ month: CaseDate) -> Bool {
    let first = JapaneseEra.earliestSupportedDate
    return (month.year, month.month) >= (first.year, first.month)
}
