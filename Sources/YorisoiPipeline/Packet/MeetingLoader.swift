import Foundation
import YorisoiCase

/// Reads a meeting file. YAML is read by the case loader (same limits, positions and syntax
/// diagnostics); the fields are then checked here, each problem a diagnostic at its field.
///
/// ```yaml
/// version: 1
/// municipality: "990019"
/// meeting: {kind: 進行管理会議, title: …, date: 2025-02-14, time: …, place: …,
///           attendees: [{organisation: …, name: …, role: …}], council: true}
/// documents: [support-plan]            # default for every case
/// cases:
///   - {file: cases/a.yaml, agenda: 協議, documents: [assessment, support-plan], status: 継続, lead: …}
///   - {folder: cases/info, agenda: 情報共有}
///   - {case: {version: 1, id: …, …}, agenda: 協議}   # the case itself, inline
/// ```
///
/// A meeting given as bytes (an HTTP request) has no folder: its cases must be inline, and a
/// `file:` or `folder:` is refused rather than read from the server's disk.
public struct MeetingLoader: Sendable {
    public init() {}

    /// The meeting, or nil with the reasons. Relative paths are relative to the meeting file.
    public func load(contentsOf url: URL, displayName: String) -> (meeting: Meeting?, diagnostics: [Diagnostic]) {
        let (meeting, diagnostics) = read(CaseLoader().load(contentsOf: url, displayName: displayName).first,
                                          folder: url.deletingLastPathComponent())
        guard var meeting else { return (nil, diagnostics) }
        meeting.file = url
        return (meeting, diagnostics)
    }

    private func read(_ loaded: LoadedCase?, folder: URL) -> (meeting: Meeting?, diagnostics: [Diagnostic]) {
        guard let loaded else {
            return (nil, [Diagnostic(.e001, path: "", at: nil, message: "会議ファイルを読めません",
                                     messageEN: "the meeting file cannot be read")])
        }
        guard let root = loaded.root else { return (nil, loaded.diagnostics) }
        var reader = Reader(root: root, folder: folder)
        let meeting = reader.meeting()
        return (reader.findings.hasErrors ? nil : meeting, reader.findings)
    }

    /// A meeting given as bytes: every case must be inline (`case:`).
    public func load(data: Data, format: CaseFormat, displayName: String) -> (meeting: Meeting?, diagnostics: [Diagnostic]) {
        guard let loaded = CaseLoader().load(data: data, format: format, displayName: displayName).first else {
            return (nil, [Diagnostic(.e001, path: "", at: nil, message: "会議ファイルを読めません",
                                     messageEN: "the meeting file cannot be read")])
        }
        guard let root = loaded.root else { return (nil, loaded.diagnostics) }
        var reader = Reader(root: root, folder: nil)
        let meeting = reader.meeting()
        return (reader.findings.hasErrors ? nil : meeting, reader.findings)
    }

    /// Walks the tree once, collecting every problem rather than stopping at the first.
    struct Reader {
        let root: CaseNode
        /// nil for a meeting given as bytes: no file may be named.
        let folder: URL?
        var findings: [Diagnostic] = []

        mutating func meeting() -> Meeting? {
            if let version = root["version"], version.value != .integer(1) {
                report(.e702, "/version", "version は 1 です", "version must be 1")
            }
            guard let head = root.object("meeting") else {
                report(.e701, "/meeting", "meeting（会議の情報）がありません", "the meeting section is missing")
                return nil
            }
            let kindText = required(head, "kind", "/meeting/kind", "会議の種類")
            let kind = kindText.flatMap { text -> MeetingKind? in
                guard let kind = MeetingKind(rawValue: text) else {
                    report(.e702, "/meeting/kind",
                           "会議の種類は \(MeetingKind.allCases.map(\.rawValue).joined(separator: "・")) のいずれかです",
                           "kind must be one of the four meeting kinds")
                    return nil
                }
                return kind
            }
            let title = required(head, "title", "/meeting/title", "会議名")
            let dateText = required(head, "date", "/meeting/date", "開催日")
            let date = dateText.flatMap { text -> CaseDate? in
                guard let date = CaseDate(iso: text), !date.isYearMonth else {
                    report(.e702, "/meeting/date", "開催日は 2025-02-14 の形の実在する日付です",
                           "date must be a real date written YYYY-MM-DD")
                    return nil
                }
                return date
            }
            var council = kind?.isCouncilBusiness ?? false
            if let node = head["council"] {
                if case .bool(let value) = node.value { council = value } else {
                    report(.e702, "/meeting/council", "council は true か false です", "council must be true or false")
                }
            }
            var includeUnconsented = council && (kind?.includesUnconsentedByDefault ?? false)
            if let node = head["include_unconsented"] {
                if case .bool(let value) = node.value {
                    if value && !council {
                        report(.e702, "/meeting/include_unconsented",
                               "同意のないケースを載せられるのは要保護児童対策地域協議会の会議だけです（council: true）",
                               "only a council meeting (council: true) may include cases without consent")
                    } else {
                        includeUnconsented = value
                    }
                } else {
                    report(.e702, "/meeting/include_unconsented", "include_unconsented は true か false です",
                           "include_unconsented must be true or false")
                }
            }
            let attendees = head.list("attendees").enumerated().map { index, node -> Attendee in
                if case .string(let text) = node.value { return Attendee(organisation: text) }
                guard case .object = node.value else {
                    report(.e702, "/meeting/attendees/\(index)", "出席者は文字列か {organisation, name, role} です",
                           "an attendee is a string or a mapping")
                    return Attendee()
                }
                return Attendee(organisation: node.text("organisation"), name: node.text("name"), role: node.text("role"))
            }
            let defaults = documents(root, "/documents") ?? [.supportPlan]
            let entries = caseEntries(defaults: defaults)
            guard let kind, let title, let date else { return nil }
            return Meeting(kind: kind, title: title, date: date, time: head.text("time"), place: head.text("place"),
                           attendees: attendees, municipality: root.text("municipality"),
                           isCouncilBusiness: council, includesUnconsented: includeUnconsented,
                           entries: entries)
        }

        mutating func caseEntries(defaults: [DocumentKind]) -> [MeetingCaseEntry] {
            let items = root.list("cases")
            guard !items.isEmpty else {
                report(.e705, "/cases", "cases（ケースの一覧）がありません", "no cases are listed")
                return []
            }
            var entries: [MeetingCaseEntry] = []
            for (index, item) in items.enumerated() {
                let pointer = "/cases/\(index)"
                let source: MeetingCaseEntry.Source
                if let inline = item["case"] {
                    guard case .object = inline.value else {
                        report(.e702, pointer + "/case", "case にはケースの内容（キー: 値の組）を書きます",
                               "case must be a mapping holding the case itself")
                        continue
                    }
                    source = .inline(inline)
                } else if folder == nil, item["file"] != nil || item["folder"] != nil {
                    report(.e702, pointer, "データで送る会議では、ケースを case: に直接書いてください（file・folder は使えません）",
                           "a meeting sent as data carries its cases inline under case:, not as file or folder")
                    continue
                } else if let file = item.text("file") {
                    source = .file(resolve(file))
                } else if let folder = item.text("folder") {
                    source = .folder(resolve(folder))
                } else {
                    report(.e701, pointer, "file（ケースファイル）か folder（フォルダ）を書いてください",
                           "each case needs a file or a folder")
                    continue
                }
                var section = AgendaSection.discuss
                if let agenda = item.text("agenda") {
                    if let known = AgendaSection(rawValue: agenda) { section = known } else {
                        report(.e702, pointer + "/agenda", "agenda は 協議 か 情報共有 です", "agenda must be 協議 or 情報共有")
                    }
                } else {
                    report(.e701, pointer + "/agenda", "agenda（協議／情報共有）がありません", "agenda is missing")
                }
                entries.append(MeetingCaseEntry(
                    source: source, section: section,
                    documents: documents(item, pointer + "/documents") ?? defaults,
                    status: item.text("status"), lead: item.text("lead"),
                    pointer: pointer, position: item.position))
            }
            return entries
        }

        /// A document list, or nil when absent. Unknown kinds are findings.
        mutating func documents(_ node: CaseNode, _ pointer: String) -> [DocumentKind]? {
            guard node["documents"] != nil else { return nil }
            var kinds: [DocumentKind] = []
            for (index, name) in node.list("documents").enumerated() {
                guard let text = name.scalarText, let kind = DocumentKind(rawValue: text) else {
                    report(.e702, "\(pointer)/\(index)",
                           "書類の種類は \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")) のいずれかです",
                           "unknown document kind")
                    continue
                }
                if !kinds.contains(kind) { kinds.append(kind) }
            }
            if kinds.isEmpty { report(.e702, pointer, "書類が一つもありません", "no document kind is listed") }
            return kinds
        }

        mutating func required(_ node: CaseNode, _ key: String, _ pointer: String, _ label: String) -> String? {
            guard let text = node.text(key), !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                report(.e701, pointer, "\(label)（\(key)）がありません", "\(key) is missing")
                return nil
            }
            return text
        }

        func resolve(_ path: String) -> URL {
            guard let folder, !path.hasPrefix("/") else { return URL(fileURLWithPath: path) }
            return folder.appendingPathComponent(path)
        }

        mutating func report(_ code: DiagnosticCode, _ pointer: String, _ message: String, _ english: String) {
            findings.append(Diagnostic(code, path: pointer, at: root.position(nearest: pointer),
                                       message: message, messageEN: english))
        }
    }
}
