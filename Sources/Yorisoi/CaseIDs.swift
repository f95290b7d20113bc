import YorisoiCase

/// The one rule for case ids — the one `validate`, `render` and `batch` apply (E025/E026) —
/// for programs that take ids from elsewhere (the server's URLs and saved cases), so an id
/// refused on the command line is refused everywhere with the same words.
public enum CaseIDs {
    /// Whether `id` is a usable case id (it names the output file; see `CaseIDRule`).
    public static func isUsable(_ id: String) -> Bool {
        CaseIDRule.isUsableAsFileName(id)
    }

    /// E025 when the id is missing or blank, E026 (stating the rule) when it breaks it, nil
    /// when it is usable. The id itself is never quoted: it may be a formula or markup.
    public static func problem(_ id: String?, at position: SourcePosition? = nil) -> Diagnostic? {
        guard let id, !id.allSatisfy(\.isWhitespace) else {
            return Diagnostic(.e025, path: "/id", at: position, message: "ケースID（id）がありません", messageEN: "case id is missing")
        }
        guard isUsable(id) else {
            return Diagnostic(.e026, path: "/id", at: position, message: CaseIDRule.ruleMessage, messageEN: CaseIDRule.ruleMessageEN)
        }
        return nil
    }
}
