import Foundation

/// What a case id may be: it names the output file (`<id>.pdf`), so it must be a safe file name
/// on every system staff use — Linux, macOS (case-insensitive by default) and Windows shares —
/// and it is shown in the manifest and on stderr, which people open in Excel.
public enum CaseIDRule {
    /// Bytes, not characters: file names are limited in bytes (255 on ext4 and APFS), and the
    /// writer adds ".pdf" and a temporary suffix of about 40 bytes. 192 bytes is 64 kanji.
    public static let maximumBytes = 192

    /// Characters that Windows shares refuse in file names, besides `/` and `\`.
    static let windowsReserved: Set<Unicode.Scalar> = [":", "*", "?", "<", ">", "|", "\""]

    /// First characters that make a spreadsheet read a cell as a formula (CSV injection).
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@"]

    /// Whether `id` can be used as the output file's name.
    public static func isUsableAsFileName(_ id: String) -> Bool {
        guard !id.isEmpty, id.utf8.count <= maximumBytes, !id.hasPrefix("."),
              id == id.trimmingCharacters(in: .whitespaces), id.lowercased() != "manifest" else { return false }
        if let first = id.first, formulaStarts.contains(first) { return false }
        return !id.unicodeScalars.contains {
            $0.value < 0x20 || $0.value == 0x7F || $0 == "/" || $0 == "\\" || windowsReserved.contains($0)
        }
    }

    /// Ids equal under this key name the same file on a case-insensitive file system (macOS,
    /// Windows), which also treats composed and decomposed kana as one name.
    public static func collisionKey(_ id: String) -> String {
        id.precomposedStringWithCanonicalMapping.lowercased()
    }

    /// The id as it may be shown on stderr and in the manifest, or nil: an id that could run
    /// as a spreadsheet formula or carries control characters is never echoed.
    public static func echoable(_ id: String?) -> String? {
        guard let id, let first = id.first, !formulaStarts.contains(first),
              !id.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        return id
    }

    /// The rule in words, for E026 wherever an id is refused (CLI, batch, API, page).
    public static let ruleMessage =
        "ケースID はファイル名に使われます。「/ \\ : * ? < > | \"」や制御文字を含まず、先頭が「.」「=」「+」「-」「@」でない、UTF-8 で192バイト（漢字64字）以内にしてください"
    public static let ruleMessageEN =
        "case id cannot be used as a file name (no / \\ : * ? < > | \" or control characters; not starting with . = + - @; at most 192 bytes of UTF-8)"
}
