/// CSV for Excel, as the centre opens it: UTF-8 with a BOM (Excel then reads it as UTF-8), CRLF,
/// every cell quoted, and a cell that starts with = + - @ (or tab/CR) prefixed with ' so that
/// Excel shows it as text instead of running it as a formula.
public enum SpreadsheetCSV {
    public static func bytes(_ lines: [[String]]) -> [UInt8] {
        [0xEF, 0xBB, 0xBF] + Array(lines.map(line).joined().utf8)
    }

    public static func line(_ cells: [String]) -> String {
        cells.map { "\"" + neutralised($0).replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") + "\r\n"
    }

    public static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        return "'" + cell
    }
}
