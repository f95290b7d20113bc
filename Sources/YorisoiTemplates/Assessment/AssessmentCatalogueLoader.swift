import Foundation
import YorisoiCase

/// Reads `assessment-items.yaml`. Like profile errors (T040), every error names the field as a
/// JSON Pointer at the nearest line that exists.
public enum AssessmentCatalogueLoader {
    public static let maximumSize = 256 * 1024

    public static func load(_ url: URL, displayName: String) throws(TemplateError) -> AssessmentCatalogue {
        let text = try YAMLValueTree.readText(url, displayName: displayName, maximumSize: maximumSize,
                                              what: "assessment item catalogue", notUTF8: .profile)
        return try parse(text, file: displayName)
    }

    public static func parse(_ text: String, file: String) throws(TemplateError) -> AssessmentCatalogue {
        let root = try YAMLValueTree.parse(text, file: file)
        func fail(_ pointer: String, _ detail: String) -> TemplateError {
            TemplateError(.profile, at: YAMLValueTree.location(of: pointer, in: root, file: file), pointer: pointer, detail)
        }
        func requiredText(_ pointer: String) throws(TemplateError) -> String {
            guard case .string(let value)? = root.resolve(pointer: pointer)?.value,
                  !value.allSatisfy(\.isWhitespace) else {
                throw fail(pointer, "required text is missing")
            }
            return value
        }
        func nonEmptyList(_ pointer: String) throws(TemplateError) -> [CaseNode] {
            guard case .array(let items)? = root.resolve(pointer: pointer)?.value, !items.isEmpty else {
                throw fail(pointer, "must be a non-empty list")
            }
            return items
        }

        var seen = Set<String>()
        var domains: [AssessmentCatalogue.Domain] = []
        for d in try nonEmptyList("/domains").indices {
            let base = "/domains/\(d)"
            let domainID = try requiredText(base + "/id")
            guard Self.isIdentifier(domainID), seen.insert(domainID).inserted else {
                throw fail(base + "/id", "a domain id must be unique lower-case ASCII (a–z, 0–9, _)")
            }
            var items: [AssessmentCatalogue.Item] = []
            for i in try nonEmptyList(base + "/items").indices {
                let pointer = "\(base)/items/\(i)"
                let id = try requiredText(pointer + "/id")
                // `<domain>.<name>`: the id says where the item sits, so a case file reads plainly.
                let parts = id.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 2, parts[0] == domainID, Self.isIdentifier(parts[1]) else {
                    throw fail(pointer + "/id", "an item id must be \(domainID).<name> in lower-case ASCII")
                }
                guard seen.insert(id).inserted else { throw fail(pointer + "/id", "the item id is used twice") }
                items.append(.init(id: id, label: try requiredText(pointer + "/label")))
            }
            domains.append(.init(id: domainID, label: try requiredText(base + "/label"), items: items))
        }
        let title: String?
        if case .string(let value)? = root["title"]?.value { title = value } else { title = nil }
        return AssessmentCatalogue(title: title, domains: domains)
    }

    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}

extension TemplateLibrary {
    /// The アセスメントシート item catalogue municipality `code` uses (its own, else national).
    public func assessmentCatalogue(municipality code: String) throws(TemplateError) -> AssessmentCatalogue {
        let entry = try municipality(code)
        guard let url = AssessmentCatalogue.file(municipalityFolder: entry.folder, templatesRoot: root) else {
            throw TemplateError(.referenceMissing, at: .file(entry.folder.lastPathComponent),
                                "no \(AssessmentCatalogue.fileName) in the municipality's folder or in national/")
        }
        return try AssessmentCatalogueLoader.load(url, displayName: Self.displayName(of: url, under: root))
    }

    /// "national/assessment-items.yaml": a path relative to Templates/ for messages.
    static func displayName(of url: URL, under root: URL) -> String {
        let path = url.standardizedFileURL.path, base = root.standardizedFileURL.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : url.lastPathComponent
    }
}
