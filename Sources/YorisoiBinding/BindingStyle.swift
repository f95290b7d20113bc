import Foundation
import YorisoiCase
public import YorisoiLayout
public import YorisoiTemplates

/// The binder's defaults — what it uses wherever a template says nothing — read from
/// `Templates/national/binding-style.yaml`, so a form's look is data, not code.
public struct BindingStyle: Sendable, Hashable {
    public static let file = "national/binding-style.yaml"

    /// Body text family (a family of Fonts/fonts.yaml) and size in points.
    public var bodyFamily: String
    public var bodySize: Double
    /// The family of a grouped checklist's group headings.
    public var headingFamily: String
    /// Gray level of label cells (0 black, 1 white).
    public var labelShade: Double
    /// Label cells with at most this many characters are spread across the cell (均等割り).
    public var distributeLabelsUpTo: Int
    /// The smallest size, in points, a shrinking cell may set its text at.
    public var minimumSize: Double
    /// Cell padding where neither the cell nor its table gives one.
    public var cellPadding: EdgeInsets
    /// The font size a border width written in `zw` is measured against.
    public var borderSize: Double

    public init(bodyFamily: String, bodySize: Double, headingFamily: String, labelShade: Double,
                distributeLabelsUpTo: Int, minimumSize: Double, cellPadding: EdgeInsets, borderSize: Double) {
        self.bodyFamily = bodyFamily; self.bodySize = bodySize; self.headingFamily = headingFamily
        self.labelShade = labelShade; self.distributeLabelsUpTo = distributeLabelsUpTo
        self.minimumSize = minimumSize; self.cellPadding = cellPadding; self.borderSize = borderSize
    }

    /// Reads `Templates/national/binding-style.yaml` (every key is required).
    public static func load(templatesRoot: URL) throws(TemplateError) -> BindingStyle {
        let url = templatesRoot.appendingPathComponent(file)
        let text: String
        do {
            let data = try Data(contentsOf: url)
            guard data.count <= 64 * 1024, let decoded = String(data: data, encoding: .utf8) else {
                throw TemplateError(.profile, at: .file(file), "must be UTF-8 text of at most 64 KB")
            }
            text = decoded
        } catch let error as TemplateError {
            throw error
        } catch {
            throw TemplateError(.unreadable, at: .file(file), "cannot read the binder's style defaults")
        }
        return try parse(text)
    }

    /// The values of a `binding-style.yaml` text; each problem is reported at its key.
    public static func parse(_ text: String) throws(TemplateError) -> BindingStyle {
        let root: CaseNode
        do {
            guard let read = try YAMLCaseReader().read(text).root else {
                throw TemplateError(.profile, at: .file(file), "the file is empty")
            }
            root = read
        } catch let error as TemplateError {
            throw error
        } catch {
            throw TemplateError(.profile, at: .file(file), "not valid YAML")
        }
        let reader = Reader(root: root)
        let size = try reader.length("/size", fontSize: 10)
        return BindingStyle(
            bodyFamily: try reader.text("/font"),
            bodySize: size,
            headingFamily: try reader.text("/heading_font"),
            labelShade: try reader.number("/label_shade", in: 0...1),
            distributeLabelsUpTo: Int(try reader.number("/distribute_labels_up_to", in: 0...100)),
            minimumSize: try reader.length("/minimum_size", fontSize: size),
            cellPadding: EdgeInsets(vertical: try reader.length("/cell_padding/vertical", fontSize: size),
                                    horizontal: try reader.length("/cell_padding/horizontal", fontSize: size)),
            borderSize: try reader.length("/border_size", fontSize: size))
    }

    /// Field access with errors that name the key and its line.
    private struct Reader {
        let root: CaseNode

        func node(_ pointer: String) throws(TemplateError) -> CaseNode {
            guard let node = root.resolve(pointer: pointer) else {
                throw TemplateError(.profile, at: location(pointer), pointer: pointer, "missing")
            }
            return node
        }

        func text(_ pointer: String) throws(TemplateError) -> String {
            guard case .string(let text) = try node(pointer).value, !text.isEmpty else {
                throw TemplateError(.profile, at: location(pointer), pointer: pointer, "must be text")
            }
            return text
        }

        func number(_ pointer: String, in range: ClosedRange<Double>) throws(TemplateError) -> Double {
            let value: Double?
            switch try node(pointer).value {
            case .integer(let i): value = Double(i)
            case .double(let d): value = d
            default: value = nil
            }
            guard let value, range.contains(value) else {
                throw TemplateError(.profile, at: location(pointer), pointer: pointer,
                                    "must be a number from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }

        func length(_ pointer: String, fontSize: Double) throws(TemplateError) -> Double {
            guard case .string(let text) = try node(pointer).value, let length = Length(parsing: text) else {
                throw TemplateError(.profile, at: location(pointer), pointer: pointer, "must be a length such as 7pt or 2mm")
            }
            return length.points(fontSize: fontSize)
        }

        func location(_ pointer: String) -> TemplateLocation {
            var parts = pointer.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            while !parts.isEmpty {
                if let position = root.resolve(pointer: parts.joined(separator: "/"))?.position {
                    return TemplateLocation(file: BindingStyle.file, line: position.line, column: position.column)
                }
                parts.removeLast()
            }
            return .file(BindingStyle.file)
        }
    }
}
