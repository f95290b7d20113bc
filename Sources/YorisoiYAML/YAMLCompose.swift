import Yams

/// Yams' `compose`, set up for how Yorisoi reads YAML: case files, CSV column mappings and
/// `fonts.yaml` alike.
///
/// - The resolver is `.basic`: no implicit tags. Scalars are typed by YAML 1.2 core rules
///   (`YAMLCoreScalar` here, `YAMLScalarTyping` for a case), never by Yams' YAML 1.1 regular
///   expressions; yet Yams' `.default`
///   compiled seven ICU regular expressions in every process and matched them against every
///   mapping key while checking duplicates (8% of a cold `render`). With no implicit tags a key
///   is the text it is: `12` and `"12"` are one key twice, as they are to the rest of Yorisoi.
/// - The text encoding is given, not left to `Parser.Encoding.default`, which reads the whole
///   process environment at every parse (`YAMS_DEFAULT_ENCODING`) and lets a variable change
///   how a case file is read. Swift strings are UTF-8.
public enum YAMLCompose {
    public static func node(_ yaml: String) throws -> Node? {
        try Yams.compose(yaml: yaml, .basic, .default, .utf8)
    }
}

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
