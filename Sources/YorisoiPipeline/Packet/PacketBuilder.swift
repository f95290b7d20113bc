import Dispatch
import Foundation
import Synchronization
import YorisoiCase
import YorisoiLayout
import YorisoiPDF
import YorisoiTemplates
import YorisoiText

/// The packet, or why there is none, and every finding by file.
public struct PacketOutcome: Sendable {
    public var pdf: [UInt8]?
    /// Pages of one copy.
    public var pagesPerCopy: Int
    /// Findings per file: the meeting file first, then each case file that has any.
    public var reports: [DiagnosticReport.File]
    /// Cases printed, and cases left out for want of recorded consent.
    public var includedCases: Int
    public var leftOutCases: Int

    public var hasErrors: Bool { reports.contains { $0.diagnostics.hasErrors } }
}

/// Builds a meeting packet: cover with the agenda, 進行管理表, then each case's documents
/// (協議 cases first), with one outline entry per case, page numbers n / N across the packet and
/// the confidentiality line on every page; `copies` > 1 repeats it with 配布番号 k / N.
///
/// A case that fails (invalid, or a document that does not fit its form) does not stop the
/// packet: its documents are left out and listed on the cover, and the outcome carries the
/// errors (exit 1). Problems of the installation (a missing template) stop everything (exit 2).
public struct PacketBuilder: Sendable {
    public let renderer: Renderer
    /// Documents laid out at once; fonts and templates are shared by all.
    public var jobs: Int

    public init(renderer: Renderer, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.renderer = renderer
        self.jobs = max(1, jobs)
    }

    public func build(_ meeting: Meeting, meetingFile: String, copies: Int = 1) throws -> PacketOutcome {
        var laid = try layOut(meeting, meetingFile: meetingFile, copies: copies)
        var outcome = laid.outcome
        guard let document = laid.document else { return outcome }
        laid.document = nil
        try RenderCancellation.check()
        do {
            // Written alone, after the layouts: the pages' content can take every job's thread.
            outcome.pdf = try document.write(options: PDFWriteOptions(threads: jobs))
        } catch .cancelled {
            throw RenderCancelled()
        } catch {
            throw PipelineError.pdf(error, doing: "writing the packet")
        }
        // A packet's display list holds hundreds of thousands of glyphs, and freeing it takes
        // longer than saving the file. Nobody waits for it: it is let go on another thread.
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(document) {} }
        return outcome
    }

    /// The packet as a display-list document (nil when the meeting file itself is wrong) and its
    /// outcome without bytes: `build` writes it; the golden layout tests dump it.
    public func layOut(_ meeting: Meeting, meetingFile: String, copies: Int = 1) throws -> (document: PDFDocument?, outcome: PacketOutcome) {
        var meetingFindings: [Diagnostic] = []
        let cases = gather(meeting, findings: &meetingFindings)
        // A missing file, a case listed twice, a file that is not a case: mistakes in the
        // meeting file, not in a case, so no packet at all (the meeting file is fixed first).
        if meetingFindings.hasErrors {
            return (nil, PacketOutcome(pdf: nil, pagesPerCopy: 0,
                                       reports: [.init(file: meetingFile, diagnostics: meetingFindings)],
                                       includedCases: 0, leftOutCases: 0))
        }

        // Consent: without it a case is shared only as 要対協 business (児童福祉法第25条の3), and
        // only at a meeting that includes such cases (MeetingKind.includesUnconsentedByDefault).
        var included: [PacketCase] = []
        var leftOut: [PacketCase] = []
        for item in cases {
            // A file that does not even parse is kept, so the cover lists it as not made
            // rather than as a case without consent.
            if item.consented || meeting.includesUnconsented || !item.loaded.isParsed {
                included.append(item)
            } else {
                leftOut.append(item)
            }
            if !item.consented && item.loaded.isParsed {
                meetingFindings.append(Diagnostic(
                    .w701, path: item.entry.pointer, at: item.entry.position,
                    message: meeting.includesUnconsented
                        ? "\(item.id): 情報共有の同意が記録されていません（要対協の協議として掲載します）"
                        : "\(item.id): 情報共有の同意が記録されていないため、資料に載せません",
                    messageEN: meeting.includesUnconsented
                        ? "\(item.id): no recorded consent; included as council business"
                        : "\(item.id): no recorded consent; left out of the packet"))
            }
        }
        included = Self.stableOrder(included)

        // The 進行管理表 lists each case's first page, so it is laid out after the documents,
        // and again when its own length moves those numbers. A first estimate of that length,
        // made on a worker beside the documents, usually spares the second layout (which would
        // run alone, on one core).
        let tableParagraphs = ParagraphMemo()
        let estimate = jobs > 1 ? Self.progressTableEstimate(renderer: renderer, meeting: meeting,
                                                             included: included, leftOut: leftOut,
                                                             tableParagraphs: tableParagraphs) : nil
        let (documents, tablePages) = try layOutDocuments(of: included, alongside: estimate)
        var caseFindings: [String: [Diagnostic]] = [:]
        for document in documents {
            caseFindings[document.file, default: []] += document.diagnostics.filter { new in
                !(caseFindings[document.file] ?? []).contains(new)
            }
        }

        guard let code = meeting.municipality ?? included.first?.loaded.typed?.municipality
                ?? cases.first?.loaded.typed?.municipality else {
            throw PipelineError.configuration("\(meetingFile): municipality を書いてください（表紙の様式を決めるため）")
        }
        let cover = try PacketFrontMatter(renderer: renderer, municipality: code, tableParagraphs: tableParagraphs)
        // Consumed: once assembled, the packet's pages are the only owners of the documents'
        // drawing items, so the header line below is appended to them in place, not to copies.
        var pages = try assemble(meeting: meeting, included: included, leftOut: leftOut,
                                 documents: consume documents, frontMatter: cover, tablePages: tablePages ?? 1)
        let pagesPerCopy = pages.pages.count

        var reports = [DiagnosticReport.File(file: meetingFile, diagnostics: meetingFindings)]
        for item in cases {
            if let found = caseFindings[item.file], !found.isEmpty {
                reports.append(.init(file: item.file, diagnostics: found))
            } else if !item.loaded.isParsed {
                reports.append(.init(file: item.file, diagnostics: item.loaded.diagnostics))
            }
        }

        let overlay = try PacketOverlay(fonts: renderer.fonts, basis: Self.basis(meeting, numbered: copies > 1))
        var allPages: [PDFPage] = []
        // One copy's structure; each further copy is a section of its own (a copy is read whole).
        var structure = copies > 1 ? StructureTree() : pages.structure
        var outline: [OutlineItem] = []
        var labels: [PageLabelRange] = []
        for copy in 1...max(1, copies) {
            try RenderCancellation.check()
            let first = allPages.count
            // Each page's header line is set on its own: side by side, in page order.
            let copyNumber: (number: Int, of: Int)? = copies > 1 ? (copy, copies) : nil
            let sizes = pages.pages.map(\.size)
            let overlays = concurrently(sizes.count) { index in
                Result { try overlay.items(pageSize: sizes[index], number: index + 1,
                                           count: sizes.count, copy: copyNumber) }
            }
            // The last copy takes the pages themselves; earlier ones copy them.
            var copyPages = pages.pages
            if copy == max(1, copies) { pages.pages = [] }
            let offset = copies > 1 ? structure.graft(pages.structure, under: structure.root) : 0
            for index in copyPages.indices {
                if offset != 0 { copyPages[index] = copyPages[index].movingStructure(by: offset) }
                copyPages[index].items += try overlays[index].get()
            }
            allPages += copyPages
            let shifted = pages.outline.map { $0.shifted(by: first) }
            if copies > 1 {
                outline.append(OutlineItem(title: "配布番号 \(copy) / \(copies)", pageIndex: first,
                                           isOpen: copy == 1, children: shifted))
                labels.append(PageLabelRange(firstPageIndex: first, prefix: "配布\(copy)-"))
            } else {
                outline = shifted
                labels = [PageLabelRange(firstPageIndex: 0)]
            }
        }
        let info = DocumentInfo(title: meeting.title, author: cover.profile.centre.name,
                                subject: "\(meeting.kind.rawValue) 資料（取扱注意）", creator: "Yorisoi",
                                date: try PDFDate(year: meeting.date.year, month: meeting.date.month,
                                                  day: meeting.date.day ?? 1))
        return (PDFDocument(pages: allPages, info: info, outline: outline, pageLabels: labels, structure: structure),
                PacketOutcome(pdf: nil, pagesPerCopy: pagesPerCopy, reports: reports,
                              includedCases: included.count, leftOutCases: leftOut.count))
    }

    /// Work that estimates the 進行管理表's length from the listed cases alone (nil when the
    /// front matter cannot be had: the real layout then reports why).
    /// `tableParagraphs`: kept for the table's real layouts (`PacketFrontMatter`).
    static func progressTableEstimate(renderer: Renderer, meeting: Meeting, included: [PacketCase],
                                      leftOut: [PacketCase], tableParagraphs: ParagraphMemo = ParagraphMemo())
        -> @Sendable () -> Int? {
        return {
            guard let code = meeting.municipality ?? included.first?.loaded.typed?.municipality,
                  let frontMatter = try? PacketFrontMatter(renderer: renderer, municipality: code,
                                                           tableParagraphs: tableParagraphs) else { return nil }
            return frontMatter.estimatedProgressTablePages(
                PacketContents(meeting: meeting, included: included, leftOut: leftOut, documents: [:]))
        }
    }

    /// The line under 取扱注意: why the paper is confidential, in our words.
    static func basis(_ meeting: Meeting, numbered: Bool) -> String {
        let why = meeting.isCouncilBusiness
            ? "要保護児童対策地域協議会の資料。構成員は守秘義務を負います（児童福祉法第25条の5）。"
            : "職員の守秘義務（地方公務員法第34条）の対象となる資料です。"
        return why + (numbered ? "会議の後に回収します。" : "")
    }

    /// 協議 before 情報共有, otherwise the order of the meeting file.
    static func stableOrder(_ cases: [PacketCase]) -> [PacketCase] {
        cases.filter { $0.entry.section == .discuss } + cases.filter { $0.entry.section == .share }
    }

    // MARK: Cases

    /// Every listed case file, loaded; missing files and duplicate IDs are findings on the meeting file.
    func gather(_ meeting: Meeting, findings: inout [Diagnostic]) -> [PacketCase] {
        var listed: [(entry: MeetingCaseEntry, source: ListedCase)] = []
        for entry in meeting.entries {
            let files: [URL]
            switch entry.source {
            case .inline(let tree):
                listed.append((entry, .tree(tree)))
                continue
            case .file(let url):
                guard FileManager.default.fileExists(atPath: url.path) else {
                    findings.append(Diagnostic(.e703, path: entry.pointer + "/file", at: entry.position,
                                               message: "ケースファイルが見つかりません: \(url.lastPathComponent)",
                                               messageEN: "case file not found: \(url.lastPathComponent)"))
                    continue
                }
                // The same rule as a folder's files: a regular .yaml/.yml/.json file. Anything
                // else (/etc/shadow, a device) is refused unread, never listed as a case.
                guard Self.isCaseFileName(url.lastPathComponent), RegularFile.check(url.path),
                      !Self.isMeetingFile(url, meeting) else {
                    findings.append(Diagnostic(.e706, path: entry.pointer + "/file", at: entry.position,
                                               message: "ケースファイルではありません（.yaml・.yml・.json の通常のファイルを指定してください）",
                                               messageEN: "not a case file (give a regular .yaml, .yml or .json file)"))
                    continue
                }
                files = [url]
            case .folder(let url):
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
                    findings.append(Diagnostic(.e703, path: entry.pointer + "/folder", at: entry.position,
                                               message: "フォルダが見つかりません: \(url.lastPathComponent)",
                                               messageEN: "folder not found: \(url.lastPathComponent)"))
                    continue
                }
                // `folder: .` lists the meeting file itself (and perhaps other meetings' files):
                // a meeting file is never a case.
                files = names.filter(Self.isCaseFileName)
                    .sorted().map { url.appendingPathComponent($0) }
                    .filter { RegularFile.check($0.path) && !Self.isMeetingFile($0, meeting) }
            }
            listed += files.map { (entry, .file($0)) }
        }

        let sources = listed.map { ($0.source, $0.entry.pointer) }
        let loadedFiles = concurrently(sources.count) { index in
            switch sources[index].0 {
            case .file(let url): return CaseLoader().load(contentsOf: url, displayName: Self.displayName(url))
            case .tree(let tree): return [CaseLoader().load(tree: tree, displayName: sources[index].1 + "/case")]
            }
        }
        var cases: [PacketCase] = []
        var seen: Set<String> = []
        for ((entry, source), loaded) in zip(listed, loadedFiles) {
            if let single = loaded.first, Self.looksLikeMeeting(single) {
                // In a folder, another meeting's file is passed over; named by `file:`, it is a mistake.
                if case .file = entry.source {
                    findings.append(Diagnostic(.e706, path: entry.pointer + "/file", at: entry.position,
                                               message: "会議ファイルです。ケースファイルを指定してください",
                                               messageEN: "a meeting file, not a case file"))
                }
                continue
            }
            let display: String
            let fallbackID: String
            switch source {
            case .file(let url):
                display = Self.displayName(url)
                fallbackID = url.deletingPathExtension().lastPathComponent
            case .tree:
                display = entry.pointer + "/case"
                fallbackID = "case" + entry.pointer.replacingOccurrences(of: "/", with: "-")
            }
            guard loaded.count == 1, let single = loaded.first else {
                findings.append(Diagnostic(.e702, path: entry.pointer, at: entry.position,
                                           message: "\(display): 1ファイルに1ケースを書いてください",
                                           messageEN: "\(display): one case per file"))
                continue
            }
            let id = single.typed?.id ?? fallbackID
            guard seen.insert(id).inserted else {
                findings.append(Diagnostic(.e704, path: entry.pointer, at: entry.position,
                                           message: "ケース \(id) が二度挙がっています（二度目は載せません）",
                                           messageEN: "case \(id) is listed twice; the second is left out"))
                continue
            }
            cases.append(PacketCase(loaded: single, file: display, entry: entry, id: id,
                                    consented: single.typed?.consent?.agreed == true))
        }
        return cases
    }

    static func isCaseFileName(_ name: String) -> Bool {
        !name.hasPrefix(".") && ["yaml", "yml", "json"].contains((name as NSString).pathExtension.lowercased())
    }

    /// The meeting's own file (same device and inode).
    static func isMeetingFile(_ url: URL, _ meeting: Meeting) -> Bool {
        guard let file = meeting.file, let own = FileIdentity(file.path) else { return false }
        return FileIdentity(url.path) == own
    }

    /// Another meeting file: a mapping with `meeting:` and `cases:` and no case `id`.
    static func looksLikeMeeting(_ loaded: LoadedCase) -> Bool {
        guard let root = loaded.root else { return false }
        return root["meeting"] != nil && root["cases"] != nil && root["id"] == nil
    }

    /// `body(0..<count)` on `jobs` threads (the worker pool batch uses); results in index order.
    func concurrently<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        WorkerPool.map(count, threads: jobs, name: "yorisoi.packet", body)
    }

    /// The parent folder and the file name: enough to find the file, no more.
    static func displayName(_ url: URL) -> String {
        url.deletingLastPathComponent().lastPathComponent + "/" + url.lastPathComponent
    }

    /// Lays out every document of every included case, `jobs` at a time, in packet order, and
    /// runs `alongside` (if any) as one more job, first, returning its answer too.
    func layOutDocuments(of cases: [PacketCase], alongside: (@Sendable () -> Int?)? = nil)
        throws -> (documents: [PacketDocument], alongside: Int?) {
        let work = cases.enumerated().flatMap { index, item in item.entry.documents.map { (index, $0) } }
        let renderer = renderer
        let extra = alongside == nil ? 0 : 1
        let finished: [PoolJob] = concurrently(work.count + extra) { index in
            if let alongside, index == 0 { return .alongside(alongside()) }
            let (caseIndex, kind) = work[index - extra]
            return .document(Result { try Self.layOut(cases[caseIndex].loaded, kind: kind, renderer: renderer) })
        }
        var answer: Int?
        if extra == 1, case .alongside(let value) = finished[0] { answer = value }
        let documents: [PacketDocument] = try work.enumerated().map { index, job in
            let (caseIndex, kind) = job
            let item = cases[caseIndex]
            guard case .document(let outcome) = finished[index + extra] else {
                throw PipelineError.internalFailure("laying out \(item.id) \(kind.rawValue): no result")
            }
            switch outcome {
            case .success(let laid):
                return PacketDocument(caseIndex: caseIndex, file: item.file, kind: kind,
                                      consolidated: PacketDocument.isConsolidated(kind: kind, item.loaded),
                                      layout: laid.hasErrors ? nil : laid.layout, diagnostics: laid.diagnostics)
            case .failure(let error as RenderCancelled):
                throw error  // the packet's time budget passed: the whole packet stops
            case .failure(let error as PipelineError):
                if case .configuration = error { throw error }
                throw PipelineError.internalFailure("laying out \(item.id) \(kind.rawValue): \(error)")
            case .failure(let error):
                throw PipelineError.internalFailure("laying out \(item.id) \(kind.rawValue): \(error)")
            }
        }
        return (documents, answer)
    }

    /// One job of the layout pool: a document, or the work run alongside them.
    private enum PoolJob: Sendable {
        case document(Result<LaidOutCase, any Error>)
        case alongside(Int?)
    }

    /// One document. An アセスメントシート with several agencies' sheets goes in as the
    /// 事務局's consolidated sheet — what a meeting discusses (docs/domain/forms-and-rules.md §5.3).
    static func layOut(_ loaded: LoadedCase, kind: DocumentKind, renderer: Renderer) throws -> LaidOutCase {
        if PacketDocument.isConsolidated(kind: kind, loaded) {
            let merged = try renderer.mergedAssessmentTemplate(municipality: loaded.typed?.municipality)
            return try renderer.layOut(loaded, kind: kind, templateFile: merged, pageNumbers: .hidden,
                                       reservedTop: PacketOverlay.reservedTop)
        }
        // The packet numbers every page (PacketOverlay); the document's own numbers would be a second.
        // Its line is drawn over the top of every page, so the document starts below it.
        return try renderer.layOut(loaded, kind: kind, pageNumbers: .hidden, reservedTop: PacketOverlay.reservedTop)
    }

    // MARK: Assembly

    /// One copy's pages and outline: cover, 進行管理表, then the documents.
    /// `tablePages`: the 進行管理表's length to try first (an estimate; the table is laid out
    /// again until the page numbers it prints agree with its own length).
    func assemble(meeting: Meeting, included: [PacketCase], leftOut: [PacketCase],
                  documents: [PacketDocument], frontMatter: PacketFrontMatter, tablePages estimate: Int = 1)
        throws -> (pages: [PDFPage], outline: [OutlineItem], structure: StructureTree) {
        let byCase = Dictionary(grouping: documents, by: \.caseIndex)
        let contents = PacketContents(meeting: meeting, included: included, leftOut: leftOut, documents: byCase)

        let cover = try frontMatter.cover(contents)
        // The 進行管理表 lists each case's first page, which depends on the table's own length:
        // lay it out, and again if its page count moved the numbers.
        var tablePages = max(1, estimate)
        var table = try frontMatter.progressTable(contents, firstCasePage: cover.pages.count + tablePages + 1)
        for _ in 0..<3 where table.pages.count != tablePages {
            tablePages = table.pages.count
            table = try frontMatter.progressTable(contents, firstCasePage: cover.pages.count + tablePages + 1)
        }

        // Each part's structure becomes a section of the packet's, in page order.
        var structure = StructureTree()
        var pages: [PDFPage] = []
        func append(_ layout: LayoutResult) {
            let offset = structure.graft(layout.structure, under: structure.root)
            pages += layout.pages.map { $0.movingStructure(by: offset) }
        }
        append(cover)
        append(table)
        var outline = [OutlineItem(title: "表紙・次第", pageIndex: 0),
                       OutlineItem(title: "進行管理表", pageIndex: cover.pages.count)]
        for (caseIndex, item) in included.enumerated() {
            let printed = (byCase[caseIndex] ?? []).filter { $0.layout != nil }
            guard let firstPage = printed.first.map({ _ in pages.count }) else { continue }
            var children: [OutlineItem] = []
            for document in printed {
                guard let layout = document.layout else { continue }
                children.append(OutlineItem(title: document.title, pageIndex: pages.count, isOpen: false,
                                            children: layout.outline.map { $0.shifted(by: pages.count) }))
                append(layout)
            }
            outline.append(OutlineItem(title: "\(item.id)（\(item.entry.section.rawValue)）", pageIndex: firstPage,
                                       isOpen: false, children: children))
        }
        return (pages, outline, structure)
    }
}

/// One case file as it enters the packet.
/// Where a listed case comes from: a file, or the meeting's own `case:` tree.
enum ListedCase: Sendable {
    case file(URL)
    case tree(CaseNode)
}

struct PacketCase: Sendable {
    var loaded: LoadedCase
    var file: String
    var entry: MeetingCaseEntry
    var id: String
    var consented: Bool
}

/// One document of one case: laid out, or nil with the reasons.
struct PacketDocument: Sendable {
    var caseIndex: Int
    var file: String
    var kind: DocumentKind
    var consolidated: Bool
    var layout: LayoutResult?
    var diagnostics: [Diagnostic]

    var title: String { Self.title(of: kind, consolidated: consolidated) }

    static func title(of kind: DocumentKind, consolidated: Bool) -> String {
        consolidated ? kind.japaneseName + "（集約）" : kind.japaneseName
    }

    static func isConsolidated(kind: DocumentKind, _ loaded: LoadedCase) -> Bool {
        kind == .assessment && (loaded.typed?.assessment?.sheets.count ?? 0) > 1
    }
}

/// What the cover and the 進行管理表 are made from.
struct PacketContents {
    var meeting: Meeting
    var included: [PacketCase]
    var leftOut: [PacketCase]
    var documents: [Int: [PacketDocument]]
    /// Set for an estimate made before the documents exist: each case's listed documents count
    /// as printed, on one page each, and none as failed.
    var assumesEveryDocumentPrinted = false
}

extension OutlineItem {
    func shifted(by offset: Int) -> OutlineItem {
        var item = self
        item.pageIndex += offset
        item.children = children.map { $0.shifted(by: offset) }
        return item
    }
}
