/// What a value in the case file may look like. One description drives the structural checks
/// (types, unknown keys, dates) and is compared with schema/case.schema.json by a test, so the
/// published schema and the loader cannot drift apart.
public indirect enum FieldShape: Sendable {
    /// Free text (numbers are accepted and read as their spelling).
    case text
    /// Text or an integer that is really a code (municipality, id).
    case code
    case integer(ClosedRange<Int>)
    case boolean
    case date(DateForm)
    /// One of a fixed vocabulary.
    case choice([String])
    case list(FieldShape)
    case object([FieldSpec])
    /// Either plain text or an object (a goal written as text, or with its period).
    case textOrObject([FieldSpec])

    public enum DateForm: Sendable {
        /// "2025-01-17"
        case day
        /// "2025-01-17" or "2025-04" (「○年○月頃」)
        case dayOrMonth
    }

    /// The members of an object shape (empty for other shapes).
    public var members: [FieldSpec] {
        switch self {
        case .object(let specs), .textOrObject(let specs): specs
        default: []
        }
    }
}

public struct FieldSpec: Sendable {
    public let key: String
    public let shape: FieldShape

    public init(_ key: String, _ shape: FieldShape) {
        self.key = key
        self.shape = shape
    }
}
