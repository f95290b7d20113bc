import YorisoiCase

/// Diagnostics as CONTRACT §1's objects (severity, code, path, line, column, message, message_en).
enum DiagnosticsJSON {
    static func array(_ diagnostics: [Diagnostic]) -> String {
        JSONObject.array(diagnostics.map { d in
            var object = JSONObject()
            object.add("severity", d.severity.rawValue)
            object.add("code", d.code.rawValue)
            object.add("path", d.path)
            object.add("line", d.line)
            object.add("column", d.column)
            object.add("message", d.message)
            object.add("message_en", d.messageEN)
            return object.text
        })
    }
}
