import Foundation
import YorisoiCase

/// A batch's INPUT: a folder of case files, a `.jsonl` file or a `.csv` file.
///
/// A folder holds `.yaml`, `.yml` and `.json` case files, read in name order; `.jsonl` and `.csv`
/// files in the folder contribute one case per line or row, so one batch can mix a sheet
/// exported from Excel with hand-written case files. Hidden files (dot-names, such as the
/// temporary files of an interrupted batch) are skipped.
public struct BatchInput: Sendable {
    public private(set) var files: [URL]
    /// How INPUT was written on the command line; file names in the manifest and diagnostics
    /// start with it.
    public let displayName: String
    public let mapping: CSVColumnMapping?
    public let limits: LoadLimits
    private let isFolder: Bool

    public init(path: String, mapping: CSVColumnMapping? = nil, limits: LoadLimits = LoadLimits()) throws {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw PipelineError.configuration("\(path): 入力が見つかりません (INPUT not found)")
        }
        self.displayName = path
        self.mapping = mapping
        self.limits = limits
        self.isFolder = isDirectory.boolValue
        if isDirectory.boolValue {
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: url.path) } catch {
                throw PipelineError.configuration("\(path): フォルダを読み取れません (cannot list INPUT)")
            }
            self.files = names.filter { !$0.hasPrefix(".") && Self.readableExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
                .sorted().map { url.appendingPathComponent($0) }
        } else {
            let ext = url.pathExtension.lowercased()
            guard ext == "jsonl" || ext == "ndjson" || ext == "csv" else {
                throw PipelineError.configuration("\(path): INPUT はフォルダ、.jsonl または .csv です (INPUT must be a folder, a .jsonl or a .csv file; use render for one case)")
            }
            guard RegularFile.check(url.path) else {
                throw PipelineError.configuration("\(path): 通常のファイルではありません (INPUT is not a regular file: a FIFO or a device would block or never end)")
            }
            guard FileManager.default.isReadableFile(atPath: url.path) else {
                throw PipelineError.configuration("\(path): 読み取れません (INPUT cannot be read)")
            }
            self.files = [url]
        }
    }

    /// INPUT without `file` (OUTDIR's own manifest.json when OUTDIR is the input folder): the
    /// same file by device and inode, however the two paths were written.
    func excluding(_ file: URL) -> BatchInput {
        guard isFolder, let excluded = FileIdentity(file.path) else { return self }
        var copy = self
        copy.files.removeAll { FileIdentity($0.path) == excluded }
        return copy
    }

    static let readableExtensions: Set<String> = ["yaml", "yml", "json", "jsonl", "ndjson", "csv"]

    func displayName(of file: URL) -> String {
        isFolder ? (displayName as NSString).appendingPathComponent(file.lastPathComponent) : displayName
    }

    /// A cursor at the first case.
    public func cursor() -> BatchCursor {
        BatchCursor(input: self)
    }

    /// How many cases INPUT holds (a pass that splits lines and rows but parses nothing).
    public func countCases() -> Int {
        var cursor = cursor()
        var count = 0
        while cursor.next(loading: false) != nil { count += 1 }
        return count
    }
}

/// Walks the cases of a `BatchInput` in order, one file open at a time.
public struct BatchCursor: Sendable {
    /// One case: where it came from, and the case itself when it was asked for.
    public struct Item: Sendable {
        public var source: BatchSource
        public var loaded: LoadedCase?
    }

    private enum OpenFile: Sendable {
        case jsonLines(JSONLinesCaseReader)
        case csv(CSVCaseReader)
    }

    private let input: BatchInput
    private var nextFile = 0
    private var open: OpenFile?

    init(input: BatchInput) {
        self.input = input
    }

    /// The next case; with `loading: false` only its source (for counting and for listing what
    /// an interrupted batch did not do).
    public mutating func next(loading: Bool) -> Item? {
        while true {
            if let item = nextFromOpenFile(loading: loading) { return item }
            guard nextFile < input.files.count else { return nil }
            let file = input.files[nextFile]
            nextFile += 1
            let name = input.displayName(of: file)
            // A FIFO would block the batch forever on open, a device would be read without end:
            // only regular files are cases. (A single INPUT file was checked when it was named.)
            guard RegularFile.check(file.path) else { return notRegular(name) }
            switch file.pathExtension.lowercased() {
            case "jsonl", "ndjson":
                guard let reader = JSONLinesCaseReader(contentsOf: file, displayName: name, limits: input.limits) else {
                    return unreadable(name)
                }
                open = .jsonLines(reader)
            case "csv":
                open = .csv(CSVCaseReader(contentsOf: file, displayName: name, mapping: input.mapping))
            default:
                let loaded = loading ? CaseLoader(limits: input.limits).load(contentsOf: file, displayName: name).first : nil
                return Item(source: BatchSource(file: name), loaded: loaded)
            }
        }
    }

    private mutating func nextFromOpenFile(loading: Bool) -> Item? {
        switch open {
        case .jsonLines(var reader):
            guard let line = reader.nextLine() else { open = nil; return nil }
            open = .jsonLines(reader)
            return Item(source: BatchSource(file: reader.displayName, line: line.number),
                        loaded: loading ? reader.load(line) : nil)
        case .csv(var reader):
            let item = reader.nextItem()
            open = .csv(reader)
            switch item {
            case .row(let row):
                return Item(source: BatchSource(file: reader.displayName, line: row.line), loaded: loading ? reader.load(row) : nil)
            case .failed(let failure):
                return Item(source: BatchSource(file: reader.displayName, line: failure.line), loaded: failure)
            case nil:
                open = nil
                return nil
            }
        case nil:
            return nil
        }
    }

    private func notRegular(_ name: String) -> Item {
        Item(source: BatchSource(file: name),
             loaded: LoadedCase(source: name, root: nil, typed: nil, diagnostics: [
                Diagnostic(.e036, path: "", at: nil, message: "通常のファイルではないため読み飛ばしました（FIFO、デバイス、フォルダなど）",
                           messageEN: "not a regular file (a FIFO, a device, a folder…); skipped")]))
    }

    private func unreadable(_ name: String) -> Item {
        Item(source: BatchSource(file: name),
             loaded: LoadedCase(source: name, root: nil, typed: nil, diagnostics: [
                Diagnostic(.e001, path: "", at: nil, message: "ファイルを読み取れません", messageEN: "file cannot be read")]))
    }
}

/// Whether a path names a regular file (following symbolic links), asked before opening it.
/// A path that cannot be examined at all passes, so reading it reports why (E001).
enum RegularFile {
    static func check(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return true }
        return info.st_mode & S_IFMT == S_IFREG
    }
}

/// A file's device and inode: two paths name the same file when these are equal.
struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64

    init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
