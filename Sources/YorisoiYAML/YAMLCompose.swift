import Yams

/// Yams' `compose`, set up for how Yorisoi reads YAML: case files, CSV column mappings and
/// `fonts.yaml` alike.
///
/// - The resolver is `.basic`: no implicit tags. Scalars are typed by YAML 1.2 core rules
///   (`YAMLCoreScalar`; `YAMLScalarTyping` for a case), never by Yams' YAML 1.1 regular
///   expressions; yet Yams' `.default` compiled seven ICU regular expressions in every process
///   and matched them against every mapping key while checking duplicates (8% of a cold
///   `render`). With no implicit tags a key is the text it is: `12` and `"12"` are one key
///   twice, as they are to the rest of Yorisoi.
/// - The text encoding is given, not left to `Parser.Encoding.default`, which reads the whole
///   process environment at every parse (`YAMS_DEFAULT_ENCODING`) and lets a variable change
///   how a case file is read. Swift strings are UTF-8.
public enum YAMLCompose {
    public static func node(_ yaml: String) throws -> Node? {
        try Yams.compose(yaml: yaml, .basic, .default, .utf8)
    }
}
