import Foundation

/// Runs the real PDF tools (poppler, qpdf) against files our code wrote, so tests prove
/// PDFs with someone else's reader rather than our own.
public enum ExternalTool {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `tool` (looked up on PATH) with `arguments`, optionally feeding `stdin`.
    @discardableResult
    public static func run(_ tool: String, _ arguments: [String], stdin: Data? = nil,
                           currentDirectory: URL? = nil,
                           environment: [String: String]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Read both pipes concurrently so a chatty tool cannot block on a full pipe.
        let errData = LockedData()
        let errReader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        errReader.start()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try? input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errData.isSet { usleep(1000) }
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData.get(), as: UTF8.self))
    }

    /// `qpdf --check`: true when qpdf reports no syntax or stream errors.
    public static func qpdfCheck(_ pdf: URL) throws -> Result {
        try run("qpdf", ["--check", pdf.path])
    }

    /// `pdftotext -layout`-free plain text of the whole document (UTF-8).
    public static func pdftotext(_ pdf: URL, extraArguments: [String] = []) throws -> String {
        try run("pdftotext", extraArguments + ["-enc", "UTF-8", pdf.path, "-"]).stdout
    }

    public struct FontRow: Sendable {
        public var name: String
        public var type: String
        public var embedded: Bool
        public var subset: Bool
        public var unicode: Bool
    }

    /// Parses `pdffonts` output into rows (columns are fixed-width, read from the dashes line).
    public static func pdffonts(_ pdf: URL) throws -> [FontRow] {
        let lines = try run("pdffonts", [pdf.path]).stdout.split(separator: "\n").map(String.init)
        guard lines.count >= 2 else { return [] }
        let dashes = lines[1]
        var columns: [Range<Int>] = []
        var start: Int?
        for (i, c) in dashes.enumerated() {
            if c == "-" { if start == nil { start = i } } else if let s = start { columns.append(s..<i); start = nil }
        }
        if let s = start { columns.append(s..<dashes.count) }
        func field(_ line: String, _ col: Int) -> String {
            let chars = Array(line)
            let r = columns[col]
            guard r.lowerBound < chars.count else { return "" }
            return String(chars[r.lowerBound..<min(r.upperBound, chars.count)]).trimmingCharacters(in: .whitespaces)
        }
        // Columns: name, type, encoding, emb, sub, uni, object ID.
        return lines.dropFirst(2).filter { !$0.isEmpty }.map { line in
            FontRow(name: field(line, 0), type: field(line, 1),
                    embedded: field(line, 3) == "yes", subset: field(line, 4) == "yes",
                    unicode: field(line, 5) == "yes")
        }
    }
}

/// A Data box written once by a reader thread and read after it is done.
final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var done = false
    func set(_ d: Data) { lock.lock(); data = d; done = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return done }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
}
