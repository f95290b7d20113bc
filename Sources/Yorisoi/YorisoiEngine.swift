import Foundation
import YorisoiCase
import YorisoiPDF
import YorisoiPipeline
import YorisoiTemplates
import YorisoiText
import YorisoiValidation

/// The one entry point to Yorisoi: validate, render, packet and batch.
///
/// Fonts and templates are loaded once, when the engine is made; every method may then be
/// called from many threads or tasks at once (the template cache is shared and locked). A case
/// that is wrong is never an error: it comes back as a report whose diagnostics say where
/// (JSON pointer, line, column) and why (ja + en). Errors (`YorisoiError`) are for what is
/// wrong with the installation or the request as a whole.
public final class YorisoiEngine: Sendable {
    public let resources: YorisoiResources
    let renderer: Renderer

    /// Loads `Fonts/fonts.yaml` (every face it names) and every profile under `Templates/`.
    public init(resources: YorisoiResources) throws(YorisoiError) {
        self.resources = resources
        let fonts: FontLibrary
        do { fonts = try FontLibrary(configurationFile: resources.locator.fontConfiguration) } catch {
            throw YorisoiError.from(error)
        }
        do { renderer = try Renderer(locator: resources.locator, fonts: fonts) } catch {
            throw YorisoiError.from(error)
        }
    }

    // MARK: - Templates

    /// The municipalities of `Templates/` and the kinds each one has, sorted by code.
    public func templates() -> [MunicipalityListing] {
        renderer.templates.municipalities.map(MunicipalityListing.init)
    }

    /// The school grades ruby can be set for (`render --ruby-grade`, the API's `ruby_grade`),
    /// each with how many kanji its reader knows (Templates/ruby/kanji-grades.txt).
    public func rubyGrades() throws(YorisoiError) -> [RubyGrade] {
        do {
            let table = try renderer.kanjiGrades()
            return RubyOption.grades.map { grade in
                RubyGrade(grade: grade, name: grade == 0 ? "すべての漢字にふりがな" : "小学\(grade)年までの漢字にはつけない",
                          known: table.known(throughGrade: grade).count)
            }
        } catch {
            throw YorisoiError.from(error)
        }
    }

    /// The languages a family copy can be printed in (`render --family-copy`, the API's
    /// `family_copy`), sorted by code: one file each in `Templates/labels/`.
    public func familyCopyLanguages() throws(YorisoiError) -> [FamilyCopyLanguage] {
        do {
            let catalogue = try renderer.labelCatalogue()
            return catalogue.codes.compactMap { code in
                catalogue.languages[code].map { FamilyCopyLanguage(code: code, name: $0.name) }
            }
        } catch {
            throw YorisoiError.from(error)
        }
    }

    /// The same listing without loading fonts (the command line's `yorisoi templates`).
    public static func templates(resources: YorisoiResources) throws(YorisoiError) -> [MunicipalityListing] {
        do {
            return try TemplateLibrary(root: resources.locator.templates).municipalities.map(MunicipalityListing.init)
        } catch {
            throw YorisoiError.from(error)
        }
    }

    // MARK: - Validate

    /// The rules `render` applies, without rendering: every case of `input`, each checked with
    /// its own municipality's profile (or `municipality`), the real font chain and the kind's form
    /// (its `<unprinted>` values are W120).
    public func validate(_ input: CaseInput, kind: DocumentKind, municipality: String? = nil) throws(YorisoiError) -> ValidationReport {
        let loaded = input.load()
        let validator = Validator()
        var diagnostics: [Diagnostic] = []
        for single in loaded {
            let context: ValidationContext
            do { context = try renderer.validationContext(municipality: municipality ?? single.typed?.municipality, kind: kind) } catch {
                throw YorisoiError.from(error)
            }
            diagnostics += validator.validate(single, kind: kind, context: context)
        }
        return ValidationReport(name: input.name, caseCount: loaded.count, diagnostics: diagnostics)
    }

    // MARK: - Render

    /// One case → one PDF (nil when any error diagnostic stands in the way).
    /// - Parameter timeBudget: when given, a render still running after it is stopped at its next
    ///   paragraph or block and reported with E037 instead of a PDF (`render --timeout`).
    public func render(_ input: CaseInput, kind: DocumentKind, municipality: String? = nil,
                       template: TemplateChoice = .municipality, timeBudget: Duration? = nil,
                       familyCopy: String? = nil, ruby: RubyOption = RubyOption()) throws(YorisoiError) -> RenderReport {
        let loaded = input.load()
        guard loaded.count == 1, let single = loaded.first else {
            let text = "\(input.name): render takes one case; use batch for JSON Lines"
            throw YorisoiError(category: .invalidInput, code: "Y003", message: "render は1件のケースを受け取ります（JSON Lines は batch で）",
                               messageEN: "render takes one case; use batch for JSON Lines", description: text)
        }
        do {
            let templateFile: URL?
            switch template {
            case .municipality: templateFile = nil
            case .file(let url): templateFile = url
            case .mergedAssessment:
                templateFile = try renderer.mergedAssessmentTemplate(municipality: municipality ?? single.typed?.municipality)
            }
            let outcome = try Self.within(timeBudget) {
                try renderer.render(single, kind: kind, municipality: municipality, templateFile: templateFile,
                                    familyCopy: familyCopy, ruby: ruby)
            }
            return RenderReport(name: input.name, pdf: outcome.hasErrors ? nil : outcome.pdf,
                                pageCount: outcome.pageCount, diagnostics: outcome.diagnostics)
        } catch is RenderCancelled where timeBudget != nil {
            return RenderReport(name: input.name, pdf: nil, pageCount: 0,
                                diagnostics: single.diagnostics + [RenderBudget.overBudget(timeBudget!)])
        } catch {
            throw YorisoiError.from(error)
        }
    }

    // MARK: - Packet

    /// A meeting packet: cover, 進行管理表, then each case's documents, in one PDF.
    /// `copies` > 1 repeats it with 配布番号 k / N. Cases may be given inline (`case:`).
    /// `timeBudget`: when given, a packet still being made after it is stopped and reported with
    /// E037 on the meeting file instead of a PDF (`packet --timeout`).
    public func packet(_ meeting: MeetingInput, copies: Int = 1,
                       jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                       timeBudget: Duration? = nil) throws(YorisoiError) -> PacketReport {
        try packet(PreparedMeeting(meeting), copies: copies, jobs: jobs, timeBudget: timeBudget)
    }

    public func packet(_ prepared: PreparedMeeting, copies: Int = 1,
                       jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                       timeBudget: Duration? = nil) throws(YorisoiError) -> PacketReport {
        guard let meeting = prepared.meeting else {
            return PacketReport(pdf: nil, pagesPerCopy: 0, files: [.init(file: prepared.name, diagnostics: prepared.diagnostics)],
                                includedCases: 0, leftOutCases: 0)
        }
        do {
            let outcome = try Self.within(timeBudget) {
                try PacketBuilder(renderer: renderer, jobs: jobs).build(meeting, meetingFile: prepared.name, copies: copies)
            }
            return PacketReport(pdf: outcome.pdf, pagesPerCopy: outcome.pagesPerCopy, files: outcome.reports,
                                includedCases: outcome.includedCases, leftOutCases: outcome.leftOutCases)
        } catch is RenderCancelled where timeBudget != nil {
            return PacketReport(pdf: nil, pagesPerCopy: 0,
                                files: [.init(file: prepared.name, diagnostics: prepared.diagnostics + [RenderBudget.overBudget(timeBudget!)])],
                                includedCases: 0, leftOutCases: 0)
        } catch {
            throw YorisoiError.from(error)
        }
    }

    /// `work` under `budget` (a `RenderCancellation` set when it passes), or as it is without one.
    private static func within<T>(_ budget: Duration?, _ work: () throws -> T) throws -> T {
        guard let budget else { return try work() }
        return try RenderBudget.run(budget, work)
    }

    // MARK: - Lists

    /// サポートプラン更新時期一覧 as a PDF, from the municipality's `review-schedule.xml` (or the
    /// national one); the groups are `schedule.groups`, the same the staff page shows.
    public func reviewSchedule(_ schedule: ReviewSchedule, municipality: String) throws(YorisoiError) -> [UInt8] {
        do { return try schedule.render(renderer: renderer, municipality: municipality) } catch { throw YorisoiError.from(error) }
    }

    /// 月次起案: the plans of `candidates` signed in `month` (`MonthlyReport.isSigned`), each as its
    /// サポートプラン, behind a cover that lists them; a plan that cannot be made is named on the cover.
    public func monthlyReport(_ report: MonthlyReport, municipality: String) throws(YorisoiError) -> MonthlyReportOutcome {
        do { return try report.build(renderer: renderer, municipality: municipality) } catch { throw YorisoiError.from(error) }
    }

    // MARK: - Batch

    /// Every case of `input` → `output/<case id>.pdf` and `output/manifest.json`, `jobs` at a
    /// time, each PDF written atomically. Invalid cases are listed in the manifest, not thrown.
    /// - Parameters:
    ///   - stop: checked before each case; set it to stop after the cases in progress.
    ///   - started: called once with the number of cases.
    ///   - finished: called after each case, from the worker threads.
    public func batch(_ input: PreparedBatchInput, kind: DocumentKind, output: URL,
                      jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                      municipality: String? = nil, template: URL? = nil,
                      caseTimeout: Duration = BatchOptions.defaultCaseTimeout,
                      stop: BatchStop = BatchStop(),
                      started: @Sendable (Int) -> Void = { _ in },
                      finished: @escaping @Sendable (BatchEntry) -> Void = { _ in }) throws(YorisoiError) -> BatchManifest {
        let runner = BatchRunner(renderer: renderer, options: BatchOptions(
            kind: kind, output: output, jobs: max(1, jobs), municipality: municipality, templateFile: template,
            caseTimeout: caseTimeout))
        do {
            return try runner.run(input.input, stop: stop, started: started, finished: finished)
        } catch {
            throw YorisoiError.from(error)
        }
    }

    // MARK: - Specimen, demo and benchmarks

    /// The typesetting specimen page (JLREQ, 均等割り, rare names, 和暦); needs fonts only.
    public static func specimen(resources: YorisoiResources) throws(YorisoiError) -> [UInt8] {
        do {
            let fonts = try FontLibrary(configurationFile: resources.locator.fontConfiguration)
            return try Specimen(fonts: fonts).document().write()
        } catch {
            throw YorisoiError.from(error)
        }
    }

    /// The specimen with the engine's fonts.
    public func specimen() throws(YorisoiError) -> [UInt8] {
        do { return try Specimen(fonts: renderer.fonts).document().write() } catch { throw YorisoiError.from(error) }
    }

    /// The sample documents `samples/cases/NAME` stands for: each kind it carries a section for
    /// and its municipality has a template of, plus the consolidated アセスメントシート when
    /// several agencies answered. nil when the file has no municipality with templates.
    public func sampleDocuments(_ file: URL) throws(YorisoiError) -> [(kind: DocumentKind, name: String, template: TemplateChoice)]? {
        guard let loaded = CaseLoader().load(contentsOf: file, displayName: file.lastPathComponent).first,
              let code = loaded.typed?.municipality,
              let entry = try? renderer.templates.municipality(code) else {
            return nil
        }
        var documents = entry.kinds.compactMap { DocumentKind(rawValue: $0.kind) }
            .filter { Self.sample(loaded, isFor: $0) }.map { (kind: $0, name: $0.rawValue, template: TemplateChoice.municipality) }
        if (loaded.typed?.assessment?.sheets.count ?? 0) >= 2, documents.contains(where: { $0.kind == .assessment }) {
            documents.append((.assessment, Renderer.mergedAssessmentKind, .mergedAssessment))
        }
        return documents
    }

    /// A sample is rendered as a kind when it carries that kind's section.
    static func sample(_ loaded: LoadedCase, isFor kind: DocumentKind) -> Bool {
        guard let root = loaded.root else { return false }
        switch kind {
        case .supportPlan, .supportPlanChild: return root["plan"] != nil
        case .assessment: return root["assessment"] != nil
        case .recommendation: return root["recommendation"] != nil
        case .measure: return root["measure"] != nil
        case .selfPlan: return root["self_plan"] != nil
        case .providerBrief: return root["provider_brief"] != nil
        case .feeReduction: return root["fee_reduction"] != nil
        case .explanation: return root["explanation"] != nil
        }
    }

    /// The specimen rendered `count` times on one core.
    public static func benchmarkSpecimen(resources: YorisoiResources, count: Int, folder: URL) throws(YorisoiError) -> BenchmarkReport {
        do {
            let fonts = try FontLibrary(configurationFile: resources.locator.fontConfiguration)
            return try Benchmark.specimen(count: count, fonts: fonts, folder: folder)
        } catch {
            throw YorisoiError.from(error)
        }
    }

    /// Shaping and line breaking timed on hostile text: long clusters and a 1 MB paragraph.
    public static func benchmarkPathological(resources: YorisoiResources,
                                             progress: (String) -> Void = { _ in }) throws(YorisoiError) -> PathologicalBenchmark.Report {
        do {
            return try PathologicalBenchmark.run(fonts: try FontLibrary(configurationFile: resources.locator.fontConfiguration),
                                                 progress: progress)
        } catch {
            throw YorisoiError.from(error)
        }
    }

    /// `count` generated support plans through the batch path.
    public func benchmarkBatch(count: Int, jobs: Int, folder: URL) throws(YorisoiError) -> BenchmarkReport {
        do { return try Benchmark.batch(count: count, jobs: jobs, sample: benchmarkSample, renderer: renderer, folder: folder) } catch {
            throw YorisoiError.from(error)
        }
    }

    /// One meeting packet of `count` generated support plans.
    public func benchmarkPacket(count: Int, jobs: Int, folder: URL) throws(YorisoiError) -> BenchmarkReport {
        do { return try Benchmark.packet(count: count, jobs: jobs, sample: benchmarkSample, renderer: renderer, folder: folder) } catch {
            throw YorisoiError.from(error)
        }
    }

    private var benchmarkSample: URL { resources.samples.appendingPathComponent("cases/sodegaura-support-plan.yaml") }
}

/// A school grade ruby can be set for: its kanji and those of the grades before it are known.
public struct RubyGrade: Sendable, Hashable, Codable {
    /// The value of `ruby_grade` (0: no kanji known).
    public var grade: Int
    /// How the page offers it.
    public var name: String
    /// How many kanji of the 学年別漢字配当表 the reader knows.
    public var known: Int
}

/// A language a family copy can be printed in: the value `--family-copy` takes and how the
/// language names itself (the staff page's select shows it).
public struct FamilyCopyLanguage: Sendable, Hashable, Codable {
    public var code: String
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}
