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

    /// The school grade whose kanji a こども版's reader is taken to know (`ruby_grade: 2`): ruby is
    /// set over every other kanji (docs/ruby.md). nil: none known, every kanji has its reading.
    public var rubyGrade: Int? {
        guard case .integer(let grade)? = valueTree.resolve(pointer: "/ruby_grade")?.value else { return nil }
        return grade
    }

    /// The grades `ruby_grade` may name: 0 (no kanji known) to 6 (the whole 学年別漢字配当表).
    public static let rubyGrades = 0...6

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
        if let node = r.node("/ruby_grade"), node.value != .null {
            guard case .integer(let grade) = node.value, MunicipalityProfile.rubyGrades.contains(grade) else {
                throw r.error("/ruby_grade", "must be a school grade from 0 to 6")
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
