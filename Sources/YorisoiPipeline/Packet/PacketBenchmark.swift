import Foundation

extension Benchmark {
    /// Builds one packet of `count` generated support plans (half 協議, half 情報共有, as a
    /// 実務者会議) through the real packet path — loading, layout on `jobs` threads, the cover and
    /// 進行管理表, one PDF with fonts subset once — and writes it to `folder/packet.pdf`.
    /// Generating the case files is not timed; reading them is.
    public static func packet(count: Int, jobs: Int, sample: URL, renderer: Renderer, folder: URL) throws -> BenchmarkReport {
        let template = try String(contentsOf: sample, encoding: .utf8)
        let cases = folder.appendingPathComponent("packet-cases")
        let discuss = cases.appendingPathComponent("discuss"), share = cases.appendingPathComponent("share")
        for sub in [discuss, share] {
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            removeGenerated(in: sub)
        }
        for index in 0..<count {
            try Data(BenchmarkCases.variant(of: template, index: index).utf8)
                .write(to: (index % 2 == 0 ? discuss : share).appendingPathComponent(String(format: "case-%05d.yaml", index)))
        }
        let meetingFile = cases.appendingPathComponent("meeting.yaml")
        try Data("""
            version: 1
            meeting: {kind: 実務者会議, title: ベンチマーク, date: 2025-02-14}
            cases:
              - {folder: discuss, agenda: 協議}
              - {folder: share, agenda: 情報共有}

            """.utf8).write(to: meetingFile)

        var outcome: PacketOutcome?
        let elapsed = try ContinuousClock().measure {
            let (meeting, findings) = MeetingLoader().load(contentsOf: meetingFile, displayName: "meeting.yaml")
            guard let meeting else {
                throw PipelineError.internalFailure("benchmark meeting file: \(findings.map(\.code.rawValue))")
            }
            outcome = try PacketBuilder(renderer: renderer, jobs: jobs).build(meeting, meetingFile: "meeting.yaml")
            guard let pdf = outcome?.pdf else { return }
            try AtomicFile.write(pdf, to: folder.appendingPathComponent("packet.pdf"))
        }
        guard let outcome, let pdf = outcome.pdf, !outcome.hasErrors, outcome.includedCases == count else {
            throw PipelineError.internalFailure("benchmark: the packet did not take every generated case")
        }
        return BenchmarkReport(name: "packet of \(count) cases (\(jobs) jobs)", documents: count,
                               pages: outcome.pagesPerCopy, bytes: pdf.count, seconds: elapsed.seconds,
                               layoutSeconds: 0, writeSeconds: 0, peakResidentBytes: peakResidentBytes())
    }
}
