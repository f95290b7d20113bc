import Foundation
import YorisoiCase

/// Reads and checks `municipality.yaml`. Every error names the field as a JSON Pointer
/// (`/centre/phone`) and points at the nearest line that exists.
public enum ProfileLoader {
    public static let maximumSize = 512 * 1024

    public static func load(_ url: URL, displayName: String) throws(TemplateError) -> MunicipalityProfile {
        let text = try YAMLValueTree.readText(url, displayName: displayName, maximumSize: maximumSize,
                                              what: "profile", notUTF8: .profile)
        return try parse(text, file: displayName)
    }

    public static func parse(_ text: String, file: String) throws(TemplateError) -> MunicipalityProfile {
        let tree = try YAMLValueTree.parse(text, file: file)
        let r = ProfileReader(root: tree, file: file)
        let codeText = try r.text("/code")
        guard let code = LocalGovernmentCode(codeText) else {
            throw r.error("/code", "not a 6-digit 全国地方公共団体コード with a valid check digit (write it in quotes)")
        }
        let styleText = try r.text("/date_style")
        guard let dateStyle = DateStyle(rawValue: styleText) else {
            throw r.error("/date_style", "must be 和暦 or 西暦")
        }
        var fontFamily: FontFamily?
        if let family = try r.optionalText("/fonts/family") {
            guard let f = FontFamily(rawValue: family) else {
                throw r.error("/fonts/family", "must be one of " + FontFamily.allCases.map(\.rawValue).joined(separator: ", "))
            }
            fontFamily = f
        }
        var contacts: [MunicipalityProfile.Contact] = []
        for index in 0..<(try r.count("/contacts")) {
            let base = "/contacts/\(index)"
            contacts.append(.init(name: try r.text(base + "/name"), phone: try r.optionalText(base + "/phone"),
                                  note: try r.optionalText(base + "/note")))
        }
        var catalogues: [String: MunicipalityProfile.Catalogue] = [:]
        if case .object(let members)? = tree["catalogues"]?.value {
            for member in members {
                catalogues[member.key] = try catalogue(r, "/catalogues/" + member.key.jsonPointerEscaped)
            }
        } else if let node = tree["catalogues"], node.value != .null {
            throw r.error("/catalogues", "must be a mapping from catalogue name to its groups")
        }
        var ledger = MunicipalityProfile.LedgerRules()
        if let sequence = try r.optionalText("/ledger/sequence") {
            guard let value = MunicipalityProfile.LedgerRules.Sequence(rawValue: sequence) else {
                throw r.error("/ledger/sequence", "must be one of "
                              + MunicipalityProfile.LedgerRules.Sequence.allCases.map(\.rawValue).joined(separator: ", "))
            }
            ledger.sequence = value
        }
        ledger.recommendationNeedsApproval = try r.optionalBool("/ledger/recommendation_needs_approval") ?? false
        var profile = MunicipalityProfile(
            code: code, name: try r.text("/name"), prefecture: try r.optionalText("/prefecture"),
            centre: .init(name: try r.text("/centre/name"), address: try r.text("/centre/address"),
                          phone: try r.text("/centre/phone"), officeHours: try r.text("/centre/office_hours")),
            head: try head(r), dateStyle: dateStyle, documentNumberPrefix: try r.text("/document_number_prefix"),
            appeal: try appeal(r),
            contacts: contacts, fontFamily: fontFamily, catalogues: catalogues, valueTree: tree, file: file)
        profile.ledger = ledger
        try centreDocuments(r)
        return profile
    }

    /// The sender of notices, when the profile names both title and name. A partial entry is
    /// kept in the value tree, where `NoticeRequirements` names the missing field.
    private static func head(_ r: ProfileReader) throws(TemplateError) -> MunicipalityProfile.Official? {
        // Both are read first so a value of the wrong type is reported even when the other is missing.
        let title = try r.optionalText("/head/title") ?? "", name = try r.optionalText("/head/name") ?? ""
        guard !title.isEmpty, !name.isEmpty else { return nil }
        return .init(title: title, name: name)
    }

    /// The 教示 details, when all three are given (see `head`).
    private static func appeal(_ r: ProfileReader) throws(TemplateError) -> MunicipalityProfile.AppealDetails? {
        let authority = try r.optionalText("/appeal/authority") ?? ""
        let defendant = try r.optionalText("/appeal/defendant") ?? ""
        let representative = try r.optionalText("/appeal/representative") ?? ""
        guard !authority.isEmpty, !defendant.isEmpty, !representative.isEmpty else { return nil }
        return .init(authority: authority, defendant: defendant, representative: representative)
    }

    private static func catalogue(_ r: ProfileReader, _ base: String) throws(TemplateError) -> MunicipalityProfile.Catalogue {
        var groups: [ChecklistGroup] = []
        let groupCount = try r.count(base + "/groups")
        if groupCount == 0 { throw r.error(base + "/groups", "a catalogue needs at least one group") }
        for g in 0..<groupCount {
            let groupPointer = "\(base)/groups/\(g)"
            var options: [ChecklistOption] = []
            let itemCount = try r.count(groupPointer + "/items")
            if itemCount == 0 { throw r.error(groupPointer + "/items", "a group needs at least one item") }
            for i in 0..<itemCount {
                let itemPointer = "\(groupPointer)/items/\(i)"
                if let plain = r.node(itemPointer)?.scalarText {
                    options.append(ChecklistOption(label: plain))
                } else {
                    // {label: その他, write_in: true}, {label: 地域子育て支援拠点, aliases: [子育てひろば]}
                    let label = try r.optionalText(itemPointer + "/label") ?? ""
                    let writeIn = try r.optionalBool(itemPointer + "/write_in") ?? false
                    if label.isEmpty && !writeIn { throw r.error(itemPointer + "/label", "an item needs a label") }
                    var aliases: [String] = []
                    for a in 0..<(try r.count(itemPointer + "/aliases")) {
                        aliases.append(try r.text("\(itemPointer)/aliases/\(a)"))
                    }
                    options.append(ChecklistOption(label: label, isWriteIn: writeIn, aliases: aliases))
                }
            }
            groups.append(ChecklistGroup(label: try r.optionalText(groupPointer + "/label"), options: options))
        }
        return .init(title: try r.optionalText(base + "/title"), groups: groups)
    }
}

/// Pointer-addressed reads over the profile tree, with errors that name the pointer.
struct ProfileReader {
    let root: CaseNode
    let file: String

    func node(_ pointer: String) -> CaseNode? { root.resolve(pointer: pointer) }

    func error(_ pointer: String, _ detail: String) -> TemplateError {
        TemplateError(.profile, at: YAMLValueTree.location(of: pointer, in: root, file: file), pointer: pointer, detail)
    }

    func text(_ pointer: String) throws(TemplateError) -> String {
        guard let value = try optionalText(pointer), !value.isEmpty else {
            throw error(pointer, "required text is missing")
        }
        return value
    }

    func optionalText(_ pointer: String) throws(TemplateError) -> String? {
        guard let n = node(pointer), n.value != .null else { return nil }
        guard case .string(let s) = n.value else {
            if case .integer = n.value {
                throw error(pointer, "must be text; put the value in quotes")
            }
            throw error(pointer, "must be text")
        }
        return s
    }

    func optionalBool(_ pointer: String) throws(TemplateError) -> Bool? {
        guard let n = node(pointer), n.value != .null else { return nil }
        guard case .bool(let b) = n.value else { throw error(pointer, "must be true or false") }
        return b
    }

    func count(_ pointer: String) throws(TemplateError) -> Int {
        guard let n = node(pointer), n.value != .null else { return 0 }
        guard case .array(let items) = n.value else { throw error(pointer, "must be a list") }
        return items.count
    }

    /// The position of the deepest existing node on the pointer's path.
}
