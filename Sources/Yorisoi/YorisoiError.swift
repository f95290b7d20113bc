import YorisoiPDF
import YorisoiPipeline
import YorisoiTemplates
import YorisoiText

/// Why the engine could not do what was asked at all — as opposed to a case that is invalid,
/// which is a report full of diagnostics, not an error.
///
/// Every stage's failure arrives here with its structure intact: a broken template keeps its
/// code (T0xx), file, line and pointer; a missing font names the package to install; a PDF the
/// writer refuses names the page and item. Messages never contain a family's data.
public struct YorisoiError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure, which decides the command line's exit status (CONTRACT §1).
    public enum Category: String, Sendable, Hashable {
        /// The input as a whole is unusable (exit 1): e.g. several cases given to `render`.
        case invalidInput = "invalid_input"
        /// Usage or installation (exit 2): unknown kind or municipality, broken template or
        /// profile, missing font, unreadable or unwritable path.
        case configuration
        /// A bug (exit 3): what was being done is in the message.
        case internalFailure = "internal_failure"
    }

    public var category: Category
    /// A stable code: T0xx for templates and profiles (docs/template-language.md), Y0xx for the
    /// engine, F0xx for fonts, P0xx for the PDF writer (docs/library.md lists them).
    public var code: String
    /// Japanese, for staff.
    public var message: String
    /// English, for logs and tools.
    public var messageEN: String
    /// Where the problem is, when it is in a file of the installation (a template, a profile).
    public var file: String?
    public var line: Int?
    public var column: Int?
    /// A JSON pointer into that file (profile fields), when known.
    public var pointer: String?
    /// True when the failure was not anticipated by any stage (a PDF the writer refuses, an
    /// unknown system error): the command line prefixes what it was doing.
    public var isUnexpected: Bool
    /// The one line the command line prints, exactly as it did before the façade existed.
    public let description: String

    /// The request chose what this installation does not offer: a municipality or kind without
    /// a template or profile (Y002), or a kind whose settings the municipality's profile lacks
    /// (T043: 袖ケ浦市 has no 減免 bands, so no fee-reduction form). The client's choice, not a
    /// broken installation: the server answers 400, not 500.
    public var isNotOffered: Bool {
        category == .configuration && (code == "Y002" || code == TemplateErrorCode.profileLacksField.rawValue)
    }

    public init(category: Category, code: String, message: String, messageEN: String,
                file: String? = nil, line: Int? = nil, column: Int? = nil, pointer: String? = nil,
                isUnexpected: Bool = false, description: String? = nil) {
        self.category = category; self.code = code; self.message = message; self.messageEN = messageEN
        self.file = file; self.line = line; self.column = column; self.pointer = pointer
        self.isUnexpected = isUnexpected
        self.description = description ?? "\(message) (\(messageEN))"
    }

    /// The exit status the command line uses for this error (CONTRACT §1).
    public var exitCode: Int32 {
        switch category {
        case .invalidInput: return 1
        case .configuration: return 2
        case .internalFailure: return 3
        }
    }
}

// MARK: - From the stages' own error types

extension YorisoiError {
    /// Any error a stage throws, with its structure kept.
    static func from(_ error: any Error) -> YorisoiError {
        switch error {
        case let error as YorisoiError: return error
        case let error as PipelineError: return from(error)
        case let error as TemplateError: return from(error)
        case let error as FontConfigurationError: return from(error)
        case let error as FontError: return from(error)
        case let error as PDFError: return from(error, doing: nil)
        default:
            return YorisoiError(category: .internalFailure, code: "Y900", message: "内部エラー",
                                messageEN: String(describing: error), isUnexpected: true,
                                description: String(describing: error))
        }
    }

    static func from(_ error: PipelineError) -> YorisoiError {
        switch error {
        case .template(let template): return from(template)
        case .pdf(let pdf, let doing): return from(pdf, doing: doing)
        case .configuration(let text):
            return YorisoiError(category: .configuration, code: "Y002", message: text, messageEN: text, description: text)
        case .invalidInput(let text):
            return YorisoiError(category: .invalidInput, code: "Y003", message: text, messageEN: text, description: text)
        case .internalFailure(let text):
            return YorisoiError(category: .internalFailure, code: "Y900", message: "内部エラー", messageEN: text,
                                description: text)
        }
    }

    static func from(_ error: TemplateError) -> YorisoiError {
        YorisoiError(category: .configuration, code: error.code.rawValue, message: error.code.japaneseTitle,
                            messageEN: error.detail, file: error.location.file, line: error.location.line,
                            column: error.location.column, pointer: error.pointer,
                            description: error.description)
    }

    static func from(_ error: FontConfigurationError) -> YorisoiError {
        let (code, ja, en): (String, String, String)
        switch error {
        case .unreadable(let file):
            (code, ja, en) = ("F001", "\(file): フォント設定を読み込めません", "cannot read the font configuration \(file)")
        case .malformed(let file, let reason):
            (code, ja, en) = ("F002", "\(file): フォント設定が不正です", "malformed font configuration \(file): \(reason)")
        case .missingFont(let name, let file, let package):
            (code, ja, en) = ("F003", "フォント \(name) (\(file)) が見つかりません。Debian パッケージ \(package) をインストールしてください",
                              "font not found: apt-get install \(package)")
        case .unknownFamily(let family):
            (code, ja, en) = ("F004", "未定義のフォントファミリーです: \(family)", "unknown font family: \(family)")
        }
        return YorisoiError(category: .configuration, code: code, message: ja, messageEN: en,
                            description: error.description)
    }

    static func from(_ error: FontError) -> YorisoiError {
        let (code, ja, en): (String, String, String)
        switch error {
        case .unreadable(let path):
            (code, ja, en) = ("F010", "フォントを読み込めません: \(path)", "cannot read font \(path)")
        case .embeddingNotPermitted(let path, _):
            (code, ja, en) = ("F011", "フォントの埋め込みが許可されていません: \(path)", "font forbids embedding: \(path)")
        case .subsetFailed(let name):
            (code, ja, en) = ("F012", "フォントのサブセット化に失敗しました: \(name)", "subsetting failed: \(name)")
        }
        return YorisoiError(category: .configuration, code: code, message: ja, messageEN: en,
                            description: error.description)
    }

    /// The writer refusing a document is a bug upstream of it (layout drew something it must
    /// not), so it is an internal failure with the page and item it names.
    static func from(_ error: PDFError, doing: String?) -> YorisoiError {
        let text = String(describing: error)
        return YorisoiError(category: .internalFailure, code: "P001", message: "PDF を書き出せません",
                            messageEN: doing.map { "\($0): \(text)" } ?? text,
                            isUnexpected: doing == nil,
                            description: doing.map { "\($0): \(text)" } ?? text)
    }
}

extension YorisoiError {
    /// A usage problem found by the caller (unknown kind, a bad option value): exit 2.
    public static func usage(_ text: String) -> YorisoiError {
        YorisoiError(category: .configuration, code: "Y002", message: text, messageEN: text, description: text)
    }
}
