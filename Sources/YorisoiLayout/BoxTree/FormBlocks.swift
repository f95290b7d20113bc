public import YorisoiText
public import YorisoiDisplayList

// The pieces that make a sheet a form: check boxes, blanks to write in, the satisfaction scale.

/// One check box followed by text that wraps beside it: 「☑ こどもの生年月日：…」.
public struct CheckBoxBlock: Sendable {
    public var checked: Bool
    public var label: [Inline]
    /// Style for the box size when the label is empty; nil = the document default.
    public var style: TextStyle?
    public var mark: CheckMark
    public var lineHeight: Double
    public var sourcePath: String?
    /// The structure element this block's content belongs to (set by `StructureBuilder`; a
    /// check item's Lbl and LBody are the two elements after its LI).
    public var structure: StructureRef?

    public init(checked: Bool, label: [Inline], style: TextStyle? = nil, mark: CheckMark = .tick,
                lineHeight: Double = 1.4, sourcePath: String? = nil) {
        self.checked = checked
        self.label = label
        self.style = style
        self.mark = mark
        self.lineHeight = lineHeight
        self.sourcePath = sourcePath
    }
}

/// How a ticked box is marked (drawn as vector lines, never as a ☑ glyph).
public enum CheckMark: Sendable, Hashable {
    case tick, cross, fill
}

/// Many check boxes: a catalogue of services, a 気になることリスト.
public struct CheckListBlock: Sendable {
    public var items: [CheckItem]
    public var arrangement: CheckListArrangement
    /// nil = the document default.
    public var style: TextStyle?
    public var mark: CheckMark
    public var lineHeight: Double
    /// Vertical gap between rows of items.
    public var rowGap: Double
    /// Horizontal gap between columns (or between items set inline).
    public var columnGap: Double
    public var sourcePath: String?
    /// The structure element this block's content belongs to (set by `StructureBuilder`; a
    /// check item's Lbl and LBody are the two elements after its LI).
    public var structure: StructureRef?

    public init(items: [CheckItem], arrangement: CheckListArrangement = .columns(1), style: TextStyle? = nil,
                mark: CheckMark = .tick, lineHeight: Double = 1.4, rowGap: Double = 1, columnGap: Double = 8,
                sourcePath: String? = nil) {
        self.items = items
        self.arrangement = arrangement
        self.style = style
        self.mark = mark
        self.lineHeight = lineHeight
        self.rowGap = rowGap
        self.columnGap = columnGap
        self.sourcePath = sourcePath
    }
}

public enum CheckListArrangement: Sendable, Hashable {
    /// Equal columns, filled across then down (row by row).
    case columns(Int)
    /// Equal columns, filled down then across (column by column).
    case columnsDown(Int)
    /// Items one after another at their natural width, wrapping like words:
    /// 「☐ 電話（　月　日）　☐ 面談（　月　日）　☐ その他（　　）」.
    case inline
}

public struct CheckItem: Sendable {
    public var label: String
    public var checked: Bool
    /// 「その他（　　）」: the text written in the brackets, or a blank when nil or empty.
    public var writeIn: WriteIn?
    public var sourcePath: String?
    /// Lines set after the label (a family copy's translations of it), each starting with "\n".
    public var gloss: [Inline] = []
    /// The structure element this block's content belongs to (set by `StructureBuilder`; a
    /// check item's Lbl and LBody are the two elements after its LI).
    public var structure: StructureRef?

    public init(_ label: String, checked: Bool = false, writeIn: WriteIn? = nil, sourcePath: String? = nil) {
        self.label = label
        self.checked = checked
        self.writeIn = writeIn
        self.sourcePath = sourcePath
    }
}

public struct WriteIn: Sendable, Hashable {
    public var text: String?
    /// Width of the blank, in 字, when there is no text.
    public var blankCharacters: Int
    public var open: String
    public var close: String

    public init(text: String? = nil, blankCharacters: Int = 6, open: String = "（", close: String = "）") {
        self.text = text
        self.blankCharacters = blankCharacters
        self.open = open
        self.close = close
    }
}

/// 「（署名）＿＿＿＿＿＿ 印」 or 「氏名 山田 太郎 様」 with the value on an underline.
public struct SignatureLineBlock: Sendable {
    public var label: String?
    /// Pre-filled text set on the rule (a name); nil leaves the rule blank for handwriting.
    public var value: String?
    /// Text after the rule: 「様」, 「印」.
    public var suffix: String?
    /// Length of the rule; nil = whatever width is left on the line.
    public var length: Double?
    public var line: BorderLine
    public var style: TextStyle?
    public var placement: RowPlacement
    public var sourcePath: String?
    /// The structure element this block's content belongs to (set by `StructureBuilder`; a
    /// check item's Lbl and LBody are the two elements after its LI).
    public var structure: StructureRef?

    public init(label: String? = nil, value: String? = nil, suffix: String? = nil, length: Double? = nil,
                line: BorderLine = .thin, style: TextStyle? = nil, placement: RowPlacement = RowPlacement(),
                sourcePath: String? = nil) {
        self.label = label
        self.value = value
        self.suffix = suffix
        self.length = length
        self.line = line
        self.style = style
        self.placement = placement
        self.sourcePath = sourcePath
    }
}

/// 「令和　　年　　月　　日」: fixed-width blanks, each followed by its unit, values centred in
/// the blanks when known.
public struct DateBlankBlock: Sendable {
    public var label: String?
    /// 「令和」; nil for 西暦 forms.
    public var prefix: String?
    public var fields: [DateBlankField]
    /// Width of each blank in points (2字 is usual).
    public var blankWidth: Double?
    public var underline: Bool
    public var style: TextStyle?
    public var placement: RowPlacement
    public var sourcePath: String?
    /// The structure element this block's content belongs to (set by `StructureBuilder`; a
    /// check item's Lbl and LBody are the two elements after its LI).
    public var structure: StructureRef?

    public init(label: String? = nil, prefix: String? = "令和",
                fields: [DateBlankField] = [DateBlankField(unit: "年"), DateBlankField(unit: "月"), DateBlankField(unit: "日")],
                blankWidth: Double? = nil, underline: Bool = false, style: TextStyle? = nil,
                placement: RowPlacement = RowPlacement(), sourcePath: String? = nil) {
        self.label = label
        self.prefix = prefix
        self.fields = fields
        self.blankWidth = blankWidth
        self.underline = underline
        self.style = style
        self.placement = placement
        self.sourcePath = sourcePath
    }
}

public struct DateBlankField: Sendable, Hashable {
    /// The number as it should print (「6」「元」「１２」), or nil for a blank.
    public var value: String?
    /// 「年」「月」「日」「頃」.
    public var unit: String

    public init(value: String? = nil, unit: String) {
        self.value = value
        self.unit = unit
    }
}

/// How a one-line row (signature, date) sits in its container.
public struct RowPlacement: Sendable, Hashable {
    public var alignment: HorizontalPosition
    public var startIndent: Double
    public var endIndent: Double
    public var spaceBefore: Double
    public var spaceAfter: Double

    public init(alignment: HorizontalPosition = .start, startIndent: Double = 0, endIndent: Double = 0,
                spaceBefore: Double = 0, spaceAfter: Double = 0) {
        self.alignment = alignment
        self.startIndent = startIndent
        self.endIndent = endIndent
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
    }
}

/// 「保護者の現在の満足度 0 25 50 75 100」: a ruled bar with ticks, the case's value marked.
public struct ScaleBlock: Sendable {
    public var label: String?
    public var minimum: Double
    public var maximum: Double
    /// Ticks with a number under them.
    public var ticks: [Double]
    /// Short unlabelled ticks.
    public var minorTicks: [Double]
    /// The case's value; nil draws the empty scale for handwriting.
    public var value: Double?
    /// Bar length; nil = the width left after the label.
    public var barWidth: Double?
    public var barHeight: Double
    /// A face above each numbered tick, sad at the minimum to smiling at the maximum.
    public var faces: Bool
    public var style: TextStyle?
    public var spaceBefore: Double
    public var spaceAfter: Double
    public var sourcePath: String?
    /// The structure element this block's content belongs to (set by `StructureBuilder`; a
    /// check item's Lbl and LBody are the two elements after its LI).
    public var structure: StructureRef?

    public init(label: String? = nil, minimum: Double = 0, maximum: Double = 100,
                ticks: [Double] = [0, 25, 50, 75, 100], minorTicks: [Double] = [], value: Double? = nil,
                barWidth: Double? = nil, barHeight: Double = 8, faces: Bool = false, style: TextStyle? = nil,
                spaceBefore: Double = 2, spaceAfter: Double = 2, sourcePath: String? = nil) {
        self.label = label
        self.minimum = minimum
        self.maximum = maximum
        self.ticks = ticks
        self.minorTicks = minorTicks
        self.value = value
        self.barWidth = barWidth
        self.faces = faces
        self.barHeight = barHeight
        self.style = style
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.sourcePath = sourcePath
    }
}
