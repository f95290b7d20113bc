/// The header row of a case CSV: what each column holds. A column is a dotted case path, or a
/// title the mapping turns into one, or a title the mapping says to leave out.
public struct CSVHeader: Sendable {
    /// One entry per header cell; nil for a column that is left out.
    public let columns: [CSVColumnPath?]
    /// Problems with the header: unknown titles or paths, two columns for one value. Any of
    /// them makes the whole file unusable (a column silently dropped would lose data).
    public let diagnostics: [Diagnostic]

    public init(_ record: CSVRecord, mapping: CSVColumnMapping?) {
        var columns: [CSVColumnPath?] = []
        var diagnostics: [Diagnostic] = []
        var seen: [String: Int] = [:]
        for (index, field) in record.fields.enumerated() {
            let column = index + 1
            let title = field.text.trimmingCharacters(in: .whitespaces)
            let position = SourcePosition(line: field.line, column: column)
            if let mapped = mapping?.paths[title] {
                columns.append(mapped)
            } else if title.isEmpty {
                // Excel writes an empty title for a blank column at the sheet's edge: nothing to read.
                columns.append(nil)
                continue
            } else {
                do {
                    columns.append(try CSVColumnPath(title))
                } catch {
                    let (ja, en) = error.explanation
                    let hint = mapping == nil ? "（日本語の見出しには --mapping で対応表を指定してください）"
                                              : "（対応表にもありません）"
                    diagnostics.append(Diagnostic(.e029, path: "", at: position,
                                                  message: "\(column)列目の見出し: \(ja)\(hint)",
                                                  messageEN: "column \(column) heading: \(en)"))
                    columns.append(nil)
                    continue
                }
            }
            guard let path = columns.last ?? nil else { continue }
            if let first = seen[path.dotted] {
                diagnostics.append(Diagnostic(.e030, path: path.pointer, at: position,
                                              message: "\(column)列目の見出しは \(first)列目と同じ項目（\(path.dotted)）です",
                                              messageEN: "column \(column) names the same value as column \(first) (\(path.dotted))"))
            } else {
                seen[path.dotted] = column
            }
        }
        self.columns = columns
        self.diagnostics = diagnostics
    }
}
