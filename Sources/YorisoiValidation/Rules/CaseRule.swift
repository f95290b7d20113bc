import YorisoiCase

/// One group of rules over a parsed case.
protocol CaseRule: Sendable {
    func check(_ value: Case, into findings: inout Findings, context: ValidationContext)
}
