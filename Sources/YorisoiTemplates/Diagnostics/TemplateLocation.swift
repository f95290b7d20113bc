/// Where something stood in a template or profile file: the file as the user should see it
/// (relative to `Templates/` where possible), and a 1-based line and column.
///
/// Columns count Unicode scalars, like libxml2's own parser columns and libyaml's marks, so a
/// message about a Japanese line points at the same character an editor shows.
public struct TemplateLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The whole file, before any line is known (unreadable, too large).
    public static func file(_ file: String) -> TemplateLocation {
        TemplateLocation(file: file, line: 1, column: 1)
    }

    public var description: String { "\(file):\(line):\(column)" }

    /// The location `offset` characters further on the same line (for positions inside an
    /// attribute value or a text run).
    func advanced(by offset: Int) -> TemplateLocation {
        TemplateLocation(file: file, line: line, column: column + offset)
    }
}
