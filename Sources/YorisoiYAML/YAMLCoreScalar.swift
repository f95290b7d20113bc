/// The YAML 1.2 core schema's spellings of the scalars that are not text or numbers, for every
/// reader of plain scalars: one list, so a case file and `fonts.yaml` take the same words.
public enum YAMLCoreScalar {
    /// `true` / `false` in the core schema's three spellings each; nil for any other text (YAML
    /// 1.1's `yes`, `on` are text).
    public static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// The empty scalar, `~` and `null` in its three spellings.
    public static func isNull(_ text: String) -> Bool {
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }
}
