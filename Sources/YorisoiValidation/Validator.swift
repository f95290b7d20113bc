import YorisoiCase

/// Runs the rules of one document kind over a loaded case.
public struct Validator: Sendable {
    public init() {}

    /// Every finding for the case: what the loader found (syntax, types, unknown keys) plus the
    /// kind's rules, in source order. A case that did not parse gets only the loader's findings.
    public func validate(_ loaded: LoadedCase, kind: DocumentKind, context: ValidationContext) -> [Diagnostic] {
        guard let root = loaded.root, let value = loaded.typed else { return loaded.diagnostics.sortedBySource() }
        var findings = Findings(root: root)
        for rule in rules(for: kind) {
            rule.check(value, into: &findings, context: context)
        }
        GlyphRules(kind: kind).check(root, into: &findings, context: context)
        UnprintedRules(kind: kind).check(root, into: &findings, context: context)
        BlankItemRules().check(root, into: &findings)
        // Rules that walk the whole tree (glyphs, blank items) reach unknown keys too: their
        // pointers name such keys by place, never by text.
        return (loaded.diagnostics + UnknownKeyRedaction(root: root).redact(findings.items)).sortedBySource()
    }

    func rules(for kind: DocumentKind) -> [any CaseRule] {
        let common: [any CaseRule] = [IdentityRules(), DateRules(), FuriganaRules()]
        switch kind {
        case .supportPlan, .supportPlanChild: return common + [SupportPlanRules()]
        case .recommendation: return common + [RecommendationRules()]
        case .measure: return common + [MeasureRules()]
        case .assessment: return common + [AssessmentRules(), AssessmentItemRules()]
        case .selfPlan: return common + [SelfPlanRules()]
        case .providerBrief: return common + [ProviderBriefRules()]
        case .feeReduction: return common + [FeeReductionRules()]
        case .explanation: return common + [ExplanationRules()]
        }
    }
}
