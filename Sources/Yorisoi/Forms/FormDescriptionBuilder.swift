import YorisoiCase
import YorisoiTemplates

/// Builds a `FormDescription` for one municipality and kind: the sections the case file's schema
/// gives the form (`FormCatalogue`), the municipality's name and date style, and every check list the
/// municipality's template prints (its catalogue from `municipality.yaml`, or the lists written
/// in the template itself, such as 守谷市's 気になることリスト), so the page offers exactly the
/// boxes the paper form has.
public struct FormDescriptionBuilder: Sendable {
    let library: TemplateLibrary
    let catalogue: FormCatalogue

    init(library: TemplateLibrary, catalogue: FormCatalogue) {
        self.library = library
        self.catalogue = catalogue
    }

    public enum Failure: Error, Sendable, Equatable {
        case unknownMunicipality(String)
        /// The municipality has no template of this kind, or the page does not edit it.
        case unknownKind(String)
        /// The template exists but does not load (a configuration problem, not the caller's).
        case brokenTemplate(String)
    }

    func description(municipality code: String, kind: String) throws(Failure) -> FormDescription {
        let entry: MunicipalityEntry
        do { entry = try library.municipality(code) } catch { throw .unknownMunicipality(code) }
        // A kind the town's profile cannot print (a 減免 guidance without its bands, a notice
        // without its sender) is not offered: it is not the caller's to choose, and loading
        // it would only fail as a configuration error.
        let available = Set(entry.kinds.map(\.kind).filter { kind in
            (try? ProfileRequirements.check(entry.profile, kind: kind)) != nil
        })
        guard available.contains(kind), var sections = catalogue.sections(for: kind) else {
            throw .unknownKind(kind)
        }
        let resolved: ResolvedTemplate
        do { resolved = try library.template(municipality: code, kind: kind) } catch {
            throw .brokenTemplate(error.description)
        }
        let template = resolved.template
        // The page asks only for what this town's form prints: a field the template declares
        // `<unprinted>` would only earn the user a W120 warning on a correct plan.
        sections = Self.printed(sections, unprinted: template.unprinted)
        let lists = Self.checklists(in: template.header + template.body + template.footer)
        if !lists.isEmpty {
            let fields = lists.map { list in
                FormDescription.Field(list.pointer, Self.label(for: list, profile: entry.profile, catalogue: catalogue), .checklist,
                                      groups: list.groups)
            }
            let at = (sections.firstIndex { $0.id == "supports" } ?? sections.count - 1) + 1
            sections.insert(.init(id: "checklists", title: "チェックリスト", fields: fields), at: at)
        }
        let kinds = catalogue.kinds.filter { available.contains($0) }
            .map { FormDescription.KindChoice(kind: $0, title: FormCatalogue.title(of: $0) ?? $0) }
        return FormDescription(
            municipality: .init(code: entry.profile.code.rawValue, name: entry.profile.name,
                                dateStyle: entry.profile.dateStyle.rawValue),
            kind: kind, title: template.title.isEmpty ? (FormCatalogue.title(of: kind) ?? kind) : template.title,
            kinds: kinds, sections: sections)
    }

    /// The sections without the fields an `<unprinted>` declaration covers (a row's field is
    /// looked at as in the first row). A declaration with `except-index` prints one item of its
    /// list (the notice's addressee), so the list stays. Sections left empty go.
    static func printed(_ sections: [FormDescription.Section], unprinted: [UnprintedValue]) -> [FormDescription.Section] {
        let declarations = unprinted.filter { $0.exceptIndex == nil }
        guard !declarations.isEmpty else { return sections }
        func tokens(_ pointer: String) -> [String] { pointer.split(separator: "/").map(String.init) }
        func keep(_ fields: [FormDescription.Field], under parent: [String]) -> [FormDescription.Field] {
            fields.compactMap { field in
                let path = parent + tokens(field.pointer)
                if declarations.contains(where: { $0.path.covers(path) }) { return nil }
                guard let rows = field.fields else { return field }
                var kept = field
                kept.fields = keep(rows, under: path + ["0"])
                return kept.fields?.isEmpty == true ? nil : kept
            }
        }
        return sections.compactMap { section in
            var kept = section
            kept.fields = keep(section.fields, under: [])
            return kept.fields.isEmpty ? nil : kept
        }
    }

    /// A check list the template prints, with the case pointer it reads.
    struct FoundChecklist: Hashable {
        var pointer: String
        var catalogue: String?
        var groups: [FormDescription.ChecklistGroup]
    }

    /// Top-level case keys a check list may bind; a list bound to a loop variable or the profile
    /// is not something the page edits.
    static let caseKeys: Set<String> = ["plan", "child", "consent", "assessment", "recommendation", "measure"]

    static func checklists(in items: [FlowItem]) -> [FoundChecklist] {
        var found: [FoundChecklist] = []
        var seen: Set<String> = []
        func visit(_ items: [FlowItem]) {
            for item in items {
                switch item {
                case .checklist(let list):
                    guard case .path(let path, _)? = list.bind, caseKeys.contains(path.head),
                          let pointer = pointer(path), !seen.contains(pointer) else { continue }
                    seen.insert(pointer)
                    found.append(FoundChecklist(
                        pointer: pointer, catalogue: list.catalogue,
                        groups: list.groups.map { group in
                            .init(label: group.label,
                                  options: group.options.filter { !$0.label.isEmpty || $0.isWriteIn }
                                      .map { .init(label: $0.label.isEmpty ? "その他" : $0.label, writeIn: $0.isWriteIn) })
                        }))
                case .block(let block): visit(block.content)
                case .repeating(let r): visit(r.content)
                case .conditional(let c): visit(c.content)
                case .table(let table): visitRows(table.rows)
                default: continue
                }
            }
        }
        func visitRows(_ rows: [TableRowItem]) {
            for row in rows {
                switch row {
                case .row(let r): for cell in r.cells { visit(cell.content) }
                case .repeating(let r): visitRows(r.content)
                case .conditional(let c): visitRows(c.content)
                }
            }
        }
        visit(items)
        return found
    }

    /// `plan.checklist.guardian` → `/plan/checklist/guardian`; nil for a path with an index.
    static func pointer(_ path: FieldPath) -> String? {
        var out = ""
        for component in path.components {
            guard case .key(let key) = component else { return nil }
            out += "/" + key.jsonPointerEscaped
        }
        return out
    }

    /// The catalogue's own title when it has one, else the property's title in the schema.
    static func label(for list: FoundChecklist, profile: MunicipalityProfile, catalogue: FormCatalogue) -> String {
        if let name = list.catalogue, let title = profile.catalogues[name]?.title { return title }
        return catalogue.label(of: list.pointer) ?? list.pointer
    }
}
