/// The file name a case's PDF gets in OUTDIR: `<case id>.pdf`, for ids that are safe as a file
/// name on every system staff use. The same rule as validation's E026, checked again right
/// before writing because a name is where a bug would turn into writing outside OUTDIR.
public enum BatchOutputName {
    public static func fileName(for id: String) -> String? {
        guard !id.isEmpty, id.count <= 64, !id.hasPrefix("."), id == id.trimmingCharacters(in: .whitespaces) else { return nil }
        let forbidden = id.unicodeScalars.contains {
            $0.value < 0x20 || $0.value == 0x7F || $0 == "/" || $0 == "\\" || $0 == "\0"
        }
        guard !forbidden, id != "manifest" else { return nil }
        return id + ".pdf"
    }
}
