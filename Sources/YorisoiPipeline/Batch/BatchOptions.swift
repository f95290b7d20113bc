import Foundation
import YorisoiCase

/// What a batch is asked to do, besides its input.
public struct BatchOptions: Sendable {
    public var kind: DocumentKind
    /// OUTDIR: the PDFs and manifest.json.
    public var output: URL
    /// Worker threads (each renders one case at a time with the shared `Renderer`), at most
    /// `maximumJobs`: each thread has an 8 MiB stack, and `--jobs 100000` used to stall when the
    /// system could not create the threads.
    public var jobs: Int
    public static let maximumJobs = 64
    public var municipality: String?
    public var templateFile: URL?
    /// A case still rendering after this long is cancelled and listed as failed (E037), so one
    /// case cannot hold a worker for ever. A real case takes well under a second.
    public var caseTimeout: Duration
    public static let defaultCaseTimeout: Duration = .seconds(60)

    public init(kind: DocumentKind, output: URL, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                municipality: String? = nil, templateFile: URL? = nil, caseTimeout: Duration = defaultCaseTimeout) {
        self.kind = kind
        self.output = output
        self.jobs = min(max(1, jobs), Self.maximumJobs)
        self.municipality = municipality
        self.templateFile = templateFile
        self.caseTimeout = caseTimeout
    }
}
