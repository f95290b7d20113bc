import Foundation
import YorisoiCase

/// What a batch is asked to do, besides its input.
public struct BatchOptions: Sendable {
    public var kind: DocumentKind
    /// OUTDIR: the PDFs and manifest.json.
    public var output: URL
    /// Worker threads (each renders one case at a time with the shared `Renderer`).
    public var jobs: Int
    public var municipality: String?
    public var templateFile: URL?

    public init(kind: DocumentKind, output: URL, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                municipality: String? = nil, templateFile: URL? = nil) {
        self.kind = kind
        self.output = output
        self.jobs = max(1, jobs)
        self.municipality = municipality
        self.templateFile = templateFile
    }
}
