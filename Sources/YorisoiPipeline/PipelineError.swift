/// Failures of the pipeline itself, mapped to CONTRACT exit codes by the command line.
public enum PipelineError: Error, Sendable, CustomStringConvertible {
    /// Usage or configuration problem: exit 2.
    case configuration(String)
    /// The input is invalid: exit 1.
    case invalidInput(String)
    /// A bug or an unexpected system failure: exit 3. The text says what was being done.
    case internalFailure(String)

    public var exitCode: Int32 {
        switch self {
        case .configuration: return 2
        case .invalidInput: return 1
        case .internalFailure: return 3
        }
    }

    public var description: String {
        switch self {
        case .configuration(let text), .invalidInput(let text), .internalFailure(let text): return text
        }
    }
}
