import Foundation
import YorisoiPDF
import YorisoiText

/// Throughput figures of one benchmark run.
public struct BenchmarkReport: Sendable, CustomStringConvertible {
    public var name: String
    public var documents: Int
    public var pages: Int
    public var bytes: Int
    public var seconds: Double
    /// Of `seconds`: time spent laying out (shaping, line breaking) and writing PDF bytes; both 0
    /// when the run does not split them (the batch benchmark, whose work overlaps on threads).
    public var layoutSeconds: Double
    public var writeSeconds: Double
    public var peakResidentBytes: Int

    public var documentsPerSecond: Double { Double(documents) / seconds }
    public var pagesPerSecond: Double { Double(pages) / seconds }

    public var description: String {
        if layoutSeconds == 0 && writeSeconds == 0 {
            return String(format: "%@: %d documents, %d pages in %.3f s — %.1f documents/s, %.1f pages/s, %.1f KB/document, peak RSS %.1f MB",
                          name, documents, pages, seconds, documentsPerSecond, pagesPerSecond,
                          Double(bytes) / Double(documents) / 1024, Double(peakResidentBytes) / 1_048_576)
        }
        return String(format: "%@: %d documents, %d pages in %.3f s — %.1f pages/s, %.2f ms/document (layout %.2f, write %.2f), %.1f KB/document, peak RSS %.1f MB",
               name, documents, pages, seconds, pagesPerSecond, seconds * 1000 / Double(documents),
               layoutSeconds * 1000 / Double(documents), writeSeconds * 1000 / Double(documents),
               Double(bytes) / Double(documents) / 1024, Double(peakResidentBytes) / 1_048_576)
    }
}

public enum Benchmark {
    /// Lays out and writes the specimen `count` times into separate PDF files in `folder`, on
    /// the calling thread (one core). Fonts are loaded once beforehand; every document subsets
    /// its own fonts, as a real batch does. The first document is a warm-up and is not timed.
    public static func specimen(count: Int, fonts: FontLibrary, folder: URL) throws -> BenchmarkReport {
        let specimen = try Specimen(fonts: fonts)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = try specimen.document().write()
        var bytes = 0, pages = 0
        var layout = Duration.zero, write = Duration.zero
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for index in 0..<count {
                var document: PDFDocument?
                layout += try clock.measure { document = try specimen.document() }
                var pdf: [UInt8] = []
                write += try clock.measure { pdf = try document!.write() }
                try AtomicFile.write(pdf, to: folder.appendingPathComponent("specimen-\(index).pdf"))
                bytes += pdf.count
                pages += document!.pages.count
            }
        }
        return BenchmarkReport(name: "specimen", documents: count, pages: pages, bytes: bytes,
                               seconds: elapsed.seconds, layoutSeconds: layout.seconds,
                               writeSeconds: write.seconds, peakResidentBytes: peakResidentBytes())
    }

    /// Renders `count` generated support plans through the real batch path (`BatchRunner`: the
    /// folder reader, the shared renderer on `jobs` threads, atomic writes, SHA-256, manifest)
    /// from `folder/cases` into `folder/out`. The cases are made from `sample` with a varied id
    /// and varied free text, so no two documents are the same. Generation is not timed.
    public static func batch(count: Int, jobs: Int, sample: URL, renderer: Renderer, folder: URL) throws -> BenchmarkReport {
        let cases = folder.appendingPathComponent("batch-cases"), output = folder.appendingPathComponent("batch-out")
        try FileManager.default.createDirectory(at: cases, withIntermediateDirectories: true)
        removeGenerated(in: cases)
        removeGenerated(in: output)
        let template = try String(contentsOf: sample, encoding: .utf8)
        for index in 0..<count {
            try Data(BenchmarkCases.variant(of: template, index: index).utf8)
                .write(to: cases.appendingPathComponent(String(format: "case-%05d.yaml", index)))
        }
        let runner = BatchRunner(renderer: renderer, options: BatchOptions(kind: .supportPlan, output: output, jobs: jobs))
        var manifest: BatchManifest?
        let elapsed = try ContinuousClock().measure {
            manifest = try runner.run(try BatchInput(path: cases.path))
        }
        guard let manifest, manifest.count(.ok) == count else {
            let problem = manifest?.problems.first
            throw PipelineError.internalFailure("benchmark: not every generated case rendered (\(problem?.source.description ?? "?"): \(problem?.diagnostics.map(\.code.rawValue) ?? []))")
        }
        return BenchmarkReport(name: "batch (\(jobs) jobs)", documents: count,
                               pages: manifest.pages, bytes: manifest.bytes,
                               seconds: elapsed.seconds, layoutSeconds: 0, writeSeconds: 0,
                               peakResidentBytes: peakResidentBytes())
    }

    /// Removes what an earlier run generated in `folder` (`case-00000.yaml`, `case-00000.pdf`,
    /// `manifest.json`), so a smaller `--count` does not pick up the cases of a larger one. Only
    /// those names: the folder may be one the user chose, and nothing else in it is ours.
    static func removeGenerated(in folder: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        let generated = #/case-[0-9]{5,}\.(yaml|pdf)/#
        for name in names where name == "manifest.json" || name.wholeMatch(of: generated) != nil {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            try? FileManager.default.removeItem(at: url)
        }
    }

    /// Peak resident set size of this process so far: the kernel's high-water mark (VmHWM).
    public static func peakResidentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes * 1024
    }
}

extension Duration {
    var timeInterval: Double { seconds }

    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
