import YorisoiPDF
import YorisoiTemplates

/// Failures of the pipeline itself, mapped to CONTRACT exit codes by the command line.
///
/// Template and PDF errors keep their structure (code, file, line, pointer) all the way to the
/// façade, which turns them into a `YorisoiError`; `description` is the one line the command
/// line prints, unchanged from when they were flattened to strings.
public enum PipelineError: Error, Sendable, CustomStringConvertible {
    /// Usage or configuration problem: exit 2.
    case configuration(String)
    /// The input is invalid: exit 1.
    case invalidInput(String)
    /// A bug or an unexpected system failure: exit 3. The text says what was being done.
    case internalFailure(String)
    /// A broken template, profile or 教示 file, or an unknown municipality or kind: exit 2.
    case template(TemplateError)
    /// The PDF writer refused the document (a bug upstream of it): exit 3. `doing` says what
    /// was being written.
    case pdf(PDFError, doing: String)

    public var exitCode: Int32 {
        switch self {
        case .configuration, .template: return 2
        case .invalidInput: return 1
        case .internalFailure, .pdf: return 3
        }
    }

    public var description: String {
        switch self {
        case .configuration(let text), .invalidInput(let text), .internalFailure(let text): return text
        case .template(let error): return error.description
        case .pdf(let error, let doing): return "\(doing): \(error)"
        }
    }
}
