/// A loaded template: the tree the layout stage consumes. Inheritance is already applied, every
/// expression is parsed, and every node keeps the location it was written at.
public struct Template: Sendable, Hashable {
    /// `support-plan`, `support-plan-child`, … (equals the file name without `.xml`).
    public var kind: String
    /// The document title (PDF metadata, page heading where the template prints it).
    public var title: String
    public var page: TemplatePageSetup
    public var style: TemplateTextStyle
    /// Line height as a multiple of the font size.
    public var lineHeight: Double
    public var header: [FlowItem]
    public var footer: [FlowItem]
    public var body: [FlowItem]
    public var location: TemplateLocation
    /// The files this template was assembled from, the template itself first, then its bases.
    public var sources: [String]
    /// The case values this form deliberately does not print (`<unprinted>`), with reasons.
    public var unprinted: [UnprintedValue]

    public init(kind: String, title: String, page: TemplatePageSetup, style: TemplateTextStyle, lineHeight: Double,
                header: [FlowItem], footer: [FlowItem], body: [FlowItem],
                location: TemplateLocation, sources: [String], unprinted: [UnprintedValue] = []) {
        self.kind = kind
        self.title = title
        self.page = page
        self.style = style
        self.lineHeight = lineHeight
        self.header = header
        self.footer = footer
        self.body = body
        self.location = location
        self.sources = sources
        self.unprinted = unprinted
    }
}

public struct TemplatePageSetup: Sendable, Hashable {
    public var size: TemplatePaperSize
    public var orientation: TemplateOrientation
    public var margins: EdgeLengths

    public init(size: TemplatePaperSize, orientation: TemplateOrientation, margins: EdgeLengths) {
        self.size = size
        self.orientation = orientation
        self.margins = margins
    }

    /// Width and height in millimetres after orientation.
    public var dimensionsMM: (width: Double, height: Double) {
        let (w, h) = size.portraitMM
        return orientation == .portrait ? (w, h) : (h, w)
    }
}

public enum TemplatePaperSize: String, Sendable, Hashable, CaseIterable {
    case a4 = "A4", a3 = "A3", b4 = "B4", b5 = "B5", a5 = "A5"

    /// Portrait width × height in mm (B sizes are JIS B, as Japanese offices use).
    public var portraitMM: (Double, Double) {
        switch self {
        case .a4: return (210, 297)
        case .a3: return (297, 420)
        case .b4: return (257, 364)
        case .b5: return (182, 257)
        case .a5: return (148, 210)
        }
    }
}

public enum TemplateOrientation: String, Sendable, Hashable, CaseIterable {
    case portrait, landscape
}

/// Font families by role; `Fonts/fonts.yaml` maps them to files. Bold is expressed by using the
/// gothic family, as Japanese forms do.
public enum FontFamily: String, Sendable, Hashable, CaseIterable {
    case mincho, gothic, pgothic
}

/// A partial text style: nil means "inherit from the enclosing element".
public struct TemplateTextStyle: Sendable, Hashable {
    public var family: FontFamily?
    public var size: Length?
    /// `ruby="true"`: the text takes ruby over the kanji its reader has not learned (a こども版
    /// sets it on the whole template); `"false"` keeps it off inside (an ID, a phone number).
    /// Inherited like the font. docs/ruby.md.
    public var ruby: Bool?

    public init(family: FontFamily? = nil, size: Length? = nil, ruby: Bool? = nil) {
        self.family = family
        self.size = size
        self.ruby = ruby
    }

    /// This style with the unset parts taken from `outer`.
    public func inheriting(_ outer: TemplateTextStyle) -> TemplateTextStyle {
        TemplateTextStyle(family: family ?? outer.family, size: size ?? outer.size, ruby: ruby ?? outer.ruby)
    }
}

public enum TemplateTextAlignment: String, Sendable, Hashable, CaseIterable {
    /// 均等割り: the characters spread over the whole width (label cells such as 「氏　　名」).
    case start, center, end, justify, distribute
}

/// `<text role="…">`: what the paragraph is in the PDF's logical structure, when its size does
/// not say it (layout makes text set ≥ 1.3 × the template's size a heading on its own).
public enum TemplateParagraphRole: String, Sendable, Hashable, CaseIterable {
    case p, h1, h2, h3
    /// Page furniture, not read aloud (a 様式番号 in a corner).
    case artifact
}

public enum TemplateVerticalAlignment: String, Sendable, Hashable, CaseIterable {
    case top, middle, bottom
}
