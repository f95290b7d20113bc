import YorisoiTemplates

/// What the validator needs from outside the case: where profiles are, the municipality's service
/// catalogue and the template's font coverage. Absent parts skip their checks (documented per
/// field) so callers and tests can run the case rules alone.
public struct ValidationContext: Sendable {
    /// nil: the "has a profile" check (E206) is skipped.
    public var municipalities: (any MunicipalityDirectory)?
    /// Service names of the municipality's catalogue, accepted in notices besides the six
    /// 家庭支援事業 (W301 otherwise).
    public var serviceCatalogue: [String]
    /// nil: only private-use characters (E402) are checked, not font coverage (E401).
    public var glyphCoverage: (any GlyphCoverage)?
    /// The chosen form's `<unprinted>` declarations (W120 for each filled value they cover);
    /// empty when no template is known, which skips the check.
    public var unprinted: [UnprintedValue]
    /// On a form set in gothic: the characters its gothic faces cannot draw but the Mincho
    /// fallback can (W401). nil skips the check (Mincho forms, or no fonts known).
    public var minchoInGothic: (any GlyphCoverage)?
    /// The municipality's 減免 bands (`fee_reduction.bands[].name` of its profile): a case's
    /// `fee_reduction.band` must be one of them (E822). nil skips the check.
    public var feeBands: [String]?

    public init(municipalities: (any MunicipalityDirectory)? = nil, serviceCatalogue: [String] = [],
                glyphCoverage: (any GlyphCoverage)? = nil, unprinted: [UnprintedValue] = [],
                minchoInGothic: (any GlyphCoverage)? = nil, feeBands: [String]? = nil) {
        self.feeBands = feeBands
        self.municipalities = municipalities
        self.serviceCatalogue = serviceCatalogue
        self.glyphCoverage = glyphCoverage
        self.unprinted = unprinted
        self.minchoInGothic = minchoInGothic
    }
}
