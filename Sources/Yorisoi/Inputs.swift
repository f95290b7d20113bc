import Foundation
import YorisoiCase
import YorisoiPipeline

/// Where a case comes from. A file may hold several cases (JSON Lines); `render` takes one.
public enum CaseInput: Sendable {
    /// A case file; `displayName` is what diagnostics call it (default: the path).
    case file(URL, displayName: String? = nil)
    /// Bytes received from elsewhere (an HTTP body); `name` is what diagnostics call them.
    case bytes([UInt8], format: CaseFormat, name: String)
    /// Standard input, JSON or YAML sniffed (the command line's `-`).
    case standardInput
    /// A case already read (and perhaps changed in code, as the server sets a 文書番号 from its
    /// ledger): its tree is typed anew, its load diagnostics and source positions are kept.
    case loaded(LoadedCase)

    /// What diagnostics and reports call this input.
    public var name: String {
        switch self {
        case .file(let url, let displayName): return displayName ?? url.path
        case .bytes(_, _, let name): return name
        case .standardInput: return "-"
        case .loaded(let loaded): return loaded.source
        }
    }

    /// The cases this input holds, read through the hardened loaders (size, depth, aliases,
    /// UTF-8), each with its tree, typed model and load diagnostics. A body that holds nothing
    /// is one case with E007.
    public func load() -> [LoadedCase] {
        let loader = CaseLoader()
        switch self {
        case .file(let url, _): return loader.load(contentsOf: url, displayName: name)
        case .bytes(let bytes, let format, let name): return loader.load(data: Data(bytes), format: format, displayName: name)
        case .standardInput: return loader.loadStandardInput()
        case .loaded(let loaded):
            guard let root = loaded.root else { return [loaded] }
            return [LoadedCase(source: loaded.source, line: loaded.line, root: root, typed: CaseBuilder.build(root),
                               diagnostics: loaded.diagnostics)]
        }
    }
}

/// Which template a case is set in.
public enum TemplateChoice: Sendable, Hashable {
    /// The municipality's own template for the kind, else the national one.
    case municipality
    /// With `.assessment`: the 事務局's consolidated sheet (every agency's answers, 相違 marked).
    case mergedAssessment
    /// A template file outside `Templates/` (the command line's `--template`).
    case file(URL)
}

/// A meeting for `packet`. From a file, cases may be `file:`, `folder:` or inline `case:`;
/// from bytes (an HTTP request), only inline `case:` — nothing is read from disk.
public enum MeetingInput: Sendable {
    case file(URL, displayName: String? = nil)
    case bytes([UInt8], format: CaseFormat, name: String)

    public var name: String {
        switch self {
        case .file(let url, let displayName): return displayName ?? url.path
        case .bytes(_, _, let name): return name
        }
    }
}

/// A meeting read and checked, ready for `packet` (or nil with the reasons).
public struct PreparedMeeting: Sendable {
    public let name: String
    let meeting: Meeting?
    public let diagnostics: [Diagnostic]
    public var isValid: Bool { meeting != nil }
    /// The files a packet of this meeting reads (the meeting file, the cases it lists): an
    /// output must be none of them.
    public var filesRead: [String] { meeting?.filesRead.map(\.path) ?? [] }

    /// Reads the meeting file or bytes; needs no fonts or templates.
    public init(_ input: MeetingInput) {
        name = input.name
        switch input {
        case .file(let url, _):
            (meeting, diagnostics) = MeetingLoader().load(contentsOf: url, displayName: input.name)
        case .bytes(let bytes, let format, let name):
            (meeting, diagnostics) = MeetingLoader().load(data: Data(bytes), format: format, displayName: name)
        }
    }
}

/// The input of a batch, opened and checked before any font or template is loaded.
public struct PreparedBatchInput: Sendable {
    let input: BatchInput

    /// - Parameters:
    ///   - path: a folder of case files, a `.jsonl` or a `.csv` file.
    ///   - mapping: for CSV, a YAML file mapping column titles to case paths.
    public init(path: String, mapping: URL? = nil) throws(YorisoiError) {
        var columnMapping: CSVColumnMapping?
        if let mapping {
            do { columnMapping = try CSVColumnMapping.load(contentsOf: mapping) } catch {
                throw YorisoiError(category: .configuration, code: "Y004", message: "CSV の対応表を読めません",
                                   messageEN: "\(error)", description: "\(error)")
            }
        }
        do { input = try BatchInput(path: path, mapping: columnMapping) } catch {
            throw YorisoiError.from(error)
        }
    }
}

extension CaseInput {
    /// Row `row` (1 is the first case, under the title row) of a CSV body as one case, through the
    /// batch's CSV reader and its column rules; nil when the CSV has no such row. The staff page's
    /// 「CSVから読み込む」 takes one row this way.
    public static func csvRow(_ bytes: [UInt8], row: Int, name: String) -> LoadedCase? {
        guard row >= 1 else { return nil }
        var reader = CSVCaseReader(bytes: bytes, displayName: name)
        let rows = reader.loadAll()
        return rows.indices.contains(row - 1) ? rows[row - 1] : nil
    }
}
