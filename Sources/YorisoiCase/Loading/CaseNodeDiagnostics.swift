/// Diagnostics that readers of every format share.
enum CaseNodeDiagnostics {
    static func duplicateKey(_ key: String, pointer: String, at position: SourcePosition?) -> Diagnostic {
        Diagnostic(.e008, path: pointer, at: position,
                   // The key is named by the pointer (unknown keys by their place only), not here:
                   // a key can be text pasted from the case.
                   message: "同じキーが重複しています（同じキーは1回だけ書いてください）",
                   messageEN: "duplicate key")
    }
}

/// Keys are field names written by the file's author, not family data; still, only a short,
/// printable key is echoed back, so a value pasted in key position never lands in a log.
enum KeyText {
    static func printable(_ key: String) -> String {
        let safe = key.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }
        guard safe, key.count <= 40 else { return "…" }
        return key
    }
}
