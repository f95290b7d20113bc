import YorisoiCase

/// The file name a case's PDF gets in OUTDIR: `<case id>.pdf`, for ids that are safe as a file
/// name on every system staff use. The same rule as validation's E026 (`CaseIDRule`), checked
/// again right before writing because a name is where a bug would turn into writing outside OUTDIR.
public enum BatchOutputName {
    public static func fileName(for id: String) -> String? {
        CaseIDRule.isUsableAsFileName(id) ? id + ".pdf" : nil
    }
}
