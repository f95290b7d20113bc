/// One template file as written, before inheritance: root settings are optional here because an
/// extending template only states what it changes.
struct TemplateDocument: Sendable {
    var file: String
    var location: TemplateLocation
    var kind: String
    var kindLocation: TemplateLocation
    var extends: XMLAttribute?
    var title: String?
    var pageSize: TemplatePaperSize?
    var orientation: TemplateOrientation?
    var margins: EdgeLengths?
    var style: TemplateTextStyle
    var lineHeight: Double?
    var header: [FlowItem]?
    var footer: [FlowItem]?
    var body: [FlowItem]
    /// This file first, then the files it extends.
    var sources: [String]
    /// `<unprinted>` as written; nil when the file has none (an extending template then keeps
    /// its base's declarations, and one of its own replaces them whole).
    var unprinted: [UnprintedValue]? = nil
}
