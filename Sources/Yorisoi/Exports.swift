import YorisoiCase
import YorisoiPipeline
import YorisoiTemplates
import YorisoiText

// The value types a caller of the façade meets, under the façade's name, so that
// `import Yorisoi` is all a program needs. They are the stages' own types, not copies.

/// One finding about a case: severity, stable code, JSON pointer, line/column, ja + en message.
public typealias Diagnostic = YorisoiCase.Diagnostic
public typealias DiagnosticCode = YorisoiCase.DiagnosticCode
/// Diagnostics grouped by file, with the CONTRACT's text and JSON forms.
public typealias DiagnosticReport = YorisoiCase.DiagnosticReport
public typealias SourcePosition = YorisoiCase.SourcePosition
/// support-plan, support-plan-child, assessment, recommendation, measure.
public typealias DocumentKind = YorisoiCase.DocumentKind
/// yaml, json, jsonLines.
public typealias CaseFormat = YorisoiCase.CaseFormat
/// One case as read: its tree (with source positions), typed model and load diagnostics.
public typealias LoadedCase = YorisoiCase.LoadedCase
/// A date or year-month as a case file writes it.
public typealias CaseDate = YorisoiCase.CaseDate
/// A node of a case tree: a value with the line and column it was read from.
public typealias CaseNode = YorisoiCase.CaseNode

/// Ruby as a caller asks for it: as the template says, on everywhere, or off; and the reader's
/// school grade (docs/ruby.md).
public typealias RubyOption = YorisoiPipeline.RubyOption

/// サポートプラン更新時期一覧: plans due for review, grouped per 担当者 (`YorisoiEngine.reviewSchedule`).
public typealias ReviewSchedule = YorisoiPipeline.ReviewSchedule
/// CSV for Excel (BOM, CRLF, quoted cells, formula guard): the 発番簿, the 更新時期一覧.
public typealias SpreadsheetCSV = YorisoiPipeline.SpreadsheetCSV

/// 月次起案: a month's signed plans behind a cover that lists them (`YorisoiEngine.monthlyReport`).
public typealias MonthlyReport = YorisoiPipeline.MonthlyReport
public typealias MonthlyReportOutcome = YorisoiPipeline.MonthlyReport.Outcome

/// The meetings a packet is made for, and which of them print cases without consent.
public typealias MeetingKind = YorisoiPipeline.MeetingKind

public typealias BatchManifest = YorisoiPipeline.BatchManifest
public typealias BatchEntry = YorisoiPipeline.BatchEntry
public typealias BatchSource = YorisoiPipeline.BatchSource
/// Set (from a signal handler or another task) to stop a batch after the cases in progress.
public typealias BatchStop = YorisoiPipeline.BatchStop
/// The command line's progress line for a batch.
public typealias BatchProgressDisplay = YorisoiPipeline.BatchProgressDisplay
/// SIGINT/SIGTERM → `BatchStop` while a batch runs.
public typealias InterruptTrap = YorisoiPipeline.InterruptTrap
public typealias BenchmarkReport = YorisoiPipeline.BenchmarkReport
/// A render's "stop now": bind one as `RenderCancellation.$current` around a render and cancel it
/// when its answer is no longer wanted (the server's time budget); the render throws
/// `RenderCancelled` at its next paragraph or block.
public typealias RenderCancellation = YorisoiText.RenderCancellation
public typealias RenderCancelled = YorisoiText.RenderCancelled
/// A day of the proleptic Gregorian calendar (the server's store dates its rows with it).
public typealias CivilDate = YorisoiText.CivilDate
/// `yorisoi bench pathological`: long clusters and a 1 MB paragraph through shaping and line breaking.
public typealias PathologicalBenchmark = YorisoiPipeline.PathologicalBenchmark
/// How a municipality's 発番簿 numbers its notices and which need 決裁 (the profile's `ledger:`).
public typealias LedgerRules = YorisoiTemplates.MunicipalityProfile.LedgerRules
/// A time budget for `render`, `packet` and each batch case: past it the work is cancelled (E037).
public typealias RenderBudget = YorisoiPipeline.RenderBudget
