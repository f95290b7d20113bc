/// TemplateBlock-level content: what a page body, a header, a footer, a block or a table cell holds.
/// TemplateInline elements written directly in such a container (text, `<checkbox>`, `<blank>`,
/// `<date-blank>`, `<span>`, `<br>`) are gathered into an implicit `Paragraph`.
public indirect enum FlowItem: Sendable, Hashable {
    case paragraph(Paragraph)
    case table(Table)
    case checklist(TemplateChecklist)
    case signatureLine(SignatureLine)
    case scale(Scale)
    case repeating(Repeat<FlowItem>)
    case conditional(Conditional<FlowItem>)
    case spacer(Spacer)
    case block(TemplateBlock)
    case pageBreak(TemplateLocation)
}

/// A named, replaceable group of content. Municipality templates replace national blocks by
/// name; `keepTogether` asks layout not to split it across pages.
public struct TemplateBlock: Sendable, Hashable {
    public var name: String?
    public var keepTogether: Bool
    public var style: TemplateTextStyle
    public var spaceBefore: Length?
    public var content: [FlowItem]
    public var location: TemplateLocation

    public init(name: String?, keepTogether: Bool, style: TemplateTextStyle, spaceBefore: Length?,
                content: [FlowItem], location: TemplateLocation) {
        self.name = name
        self.keepTogether = keepTogether
        self.style = style
        self.spaceBefore = spaceBefore
        self.content = content
        self.location = location
    }
}

/// `<text>`, or the text written directly in a cell.
public struct Paragraph: Sendable, Hashable {
    public var content: [TemplateInline]
    public var style: TemplateTextStyle
    /// Nil: the enclosing default (start; distribute in label cells).
    public var alignment: TemplateTextAlignment?
    /// First-line indent (「1字下げ」 is `1zw`).
    public var indent: Length?
    public var insetStart: Length?
    public var insetEnd: Length?
    public var spaceBefore: Length?
    public var spaceAfter: Length?
    /// Nil: decided by layout (a paragraph, or a heading when set large).
    public var role: TemplateParagraphRole?
    public var location: TemplateLocation

    public init(content: [TemplateInline], style: TemplateTextStyle = TemplateTextStyle(), alignment: TemplateTextAlignment? = nil,
                indent: Length? = nil, insetStart: Length? = nil, insetEnd: Length? = nil,
                spaceBefore: Length? = nil, spaceAfter: Length? = nil, role: TemplateParagraphRole? = nil,
                location: TemplateLocation) {
        self.role = role
        self.content = content
        self.style = style
        self.alignment = alignment
        self.indent = indent
        self.insetStart = insetStart
        self.insetEnd = insetEnd
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.location = location
    }
}

/// Inline content of a paragraph.
public indirect enum TemplateInline: Sendable, Hashable {
    /// Text with `{{ }}` slots. Whitespace is already normalised: runs of XML indentation
    /// collapse to nothing between Japanese text, to one space elsewhere.
    case text(Interpolation, TemplateLocation)
    case span(Span)
    case lineBreak(TemplateLocation)
    case checkbox(Checkbox)
    case blank(Blank)
    case dateBlank(DateBlank)
}

public struct Span: Sendable, Hashable {
    public var content: [TemplateInline]
    public var style: TemplateTextStyle
    public var underline: Bool
    public var location: TemplateLocation

    public init(content: [TemplateInline], style: TemplateTextStyle, underline: Bool, location: TemplateLocation) {
        self.content = content
        self.style = style
        self.underline = underline
        self.location = location
    }
}

/// An underlined space to write in by hand (「＿＿＿＿ 様」), optionally pre-filled.
public struct Blank: Sendable, Hashable {
    public var width: Length
    public var bind: TemplateExpression?
    public var location: TemplateLocation

    public init(width: Length, bind: TemplateExpression?, location: TemplateLocation) {
        self.width = width
        self.bind = bind
        self.location = location
    }
}

/// ☐/☑ with a label; ticked when `checked` is true for the case.
public struct Checkbox: Sendable, Hashable {
    public var checked: TemplateExpression?
    public var label: Interpolation
    public var location: TemplateLocation

    public init(checked: TemplateExpression?, label: Interpolation, location: TemplateLocation) {
        self.checked = checked
        self.label = label
        self.location = location
    }
}

/// 「（署名）＿＿＿＿＿＿」: a label and a line to sign on. `bind` pre-prints a name where a form
/// wants it typed (e.g. the addressee), otherwise the line stays empty for the pen.
public struct SignatureLine: Sendable, Hashable {
    public var label: Interpolation
    public var width: Length?
    public var bind: TemplateExpression?
    public var location: TemplateLocation

    public init(label: Interpolation, width: Length?, bind: TemplateExpression?, location: TemplateLocation) {
        self.label = label
        self.width = width
        self.bind = bind
        self.location = location
    }
}

/// 「令和　　年　　月　　日」: a date filled from `bind` when the case has it, else printed with
/// blanks for handwriting.
public struct DateBlank: Sendable, Hashable {
    public enum Precision: String, Sendable, Hashable, CaseIterable {
        case ymd, ym, md
    }

    public enum Calendar: String, Sendable, Hashable, CaseIterable {
        /// Follow the municipality profile's date style.
        case profile, wareki, seireki
    }

    public var bind: TemplateExpression?
    public var precision: Precision
    public var calendar: Calendar
    public var label: Interpolation?
    public var location: TemplateLocation

    public init(bind: TemplateExpression?, precision: Precision, calendar: Calendar, label: Interpolation?,
                location: TemplateLocation) {
        self.bind = bind
        self.precision = precision
        self.calendar = calendar
        self.label = label
        self.location = location
    }
}

/// A horizontal scale (守谷市 「保護者の現在の満足度 0 25 50 75 100」) with the case's value marked.
public struct Scale: Sendable, Hashable {
    public var minimum: Int
    public var maximum: Int
    public var step: Int
    public var bind: TemplateExpression?
    public var label: Interpolation?
    public var width: Length?
    /// `faces="true"`: a simple face above each numbered tick, from sad at the minimum to smiling
    /// at the maximum (守谷市's こども版 asks for the feeling with faces, not numbers alone).
    public var faces: Bool
    public var location: TemplateLocation

    public init(minimum: Int, maximum: Int, step: Int, bind: TemplateExpression?, label: Interpolation?,
                width: Length?, faces: Bool = false, location: TemplateLocation) {
        self.faces = faces
        self.minimum = minimum
        self.maximum = maximum
        self.step = step
        self.bind = bind
        self.label = label
        self.width = width
        self.location = location
    }

    /// The tick values, minimum to maximum.
    public var ticks: [Int] { Array(stride(from: minimum, through: maximum, by: max(step, 1))) }
}

public struct Spacer: Sendable, Hashable {
    public var height: Length
    public var location: TemplateLocation

    public init(height: Length, location: TemplateLocation) {
        self.height = height
        self.location = location
    }
}

/// `<repeat each="s in plan.supports" min="3">`: the content once per list element; `minimum`
/// pads with empty iterations so printed forms keep their blank rows.
public struct Repeat<Content: Sendable & Hashable>: Sendable, Hashable {
    public var header: LoopHeader
    public var minimum: Int
    public var content: [Content]
    public var location: TemplateLocation

    public init(header: LoopHeader, minimum: Int, content: [Content], location: TemplateLocation) {
        self.header = header
        self.minimum = minimum
        self.content = content
        self.location = location
    }
}

/// `<if test="…">`: the content only when the test holds.
public struct Conditional<Content: Sendable & Hashable>: Sendable, Hashable {
    public var test: TemplateExpression
    public var content: [Content]
    public var location: TemplateLocation

    public init(test: TemplateExpression, content: [Content], location: TemplateLocation) {
        self.test = test
        self.content = content
        self.location = location
    }
}
