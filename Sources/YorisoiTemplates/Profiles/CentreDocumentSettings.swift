import YorisoiCase

/// Profile settings of the centre's other papers (issue #28), read from the value tree the
/// loader has already checked (`ProfileLoader.centreDocuments`).
extension MunicipalityProfile {
    /// The 減免 bands' names (`fee_reduction.bands[].name`), nil when the profile gives none.
    public var feeBandNames: [String]? {
        guard case .array(let bands)? = valueTree.resolve(pointer: "/fee_reduction/bands")?.value else { return nil }
        let names = bands.compactMap { $0["name"]?.scalarText }
        return names.isEmpty ? nil : names
    }

    /// The paper the セルフプラン is printed on (`self_plan_paper: A5`): a town that pastes it into
    /// the 母子健康手帳's notebook prints A5. nil: the template's own (A4).
    public var selfPlanPaper: TemplatePaperSize? {
        valueTree.resolve(pointer: "/self_plan_paper")?.scalarText.flatMap(TemplatePaperSize.init(rawValue:))
    }

    /// The papers `self_plan_paper` may name: the plan is one page of a notebook or a sheet.
    static let selfPlanPapers: [TemplatePaperSize] = [.a4, .a5]
}

extension ProfileLoader {
    /// Checks the settings of the centre's other papers; a wrong one names its field.
    static func centreDocuments(_ r: ProfileReader) throws(TemplateError) {
        if let paper = try r.optionalText("/self_plan_paper") {
            guard let size = TemplatePaperSize(rawValue: paper), MunicipalityProfile.selfPlanPapers.contains(size) else {
                throw r.error("/self_plan_paper", "must be A4 or A5")
            }
        }
        for index in 0..<(try r.count("/fee_reduction/bands")) {
            let base = "/fee_reduction/bands/\(index)"
            // Each band needs its name and its fee: a guidance never prints a band without its amount.
            _ = try r.text(base + "/name")
            _ = try r.text(base + "/fee")
        }
    }
}
