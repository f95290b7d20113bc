import YorisoiCase

/// Dates that contradict each other. (That each date is real is checked while loading.)
struct DateRules: CaseRule {
    func check(_ value: Case, into findings: inout Findings, context: ValidationContext) {
        if let created = value.created {
            if let review = value.plan?.review, review.isBefore(created) {
                findings.addAtValue(.e201, "/plan/review", "見直し時期が作成日より前になっています",
                                    "review date is before the creation date")
            }
            // A 特定妊婦's child may not be born yet: the birthdate is the expected one.
            if let birthdate = value.child?.birthdate, birthdate.isAfter(created),
               value.category != .specificExpectantMother {
                findings.addAtValue(.e202, "/child/birthdate",
                                    "生年月日が作成日より後になっています（出生前のこどもは区分を特定妊婦にしてください）",
                                    "birthdate is after the creation date (use category 特定妊婦 for an unborn child)")
            }
        }
        for (name, goal) in [("short", value.plan?.goals?.short), ("long", value.plan?.goals?.long)] {
            if let from = goal?.from, let to = goal?.to, from.isAfter(to) {
                findings.addAtValue(.e207, "/plan/goals/\(name)/from", "目標の期間の開始が終了より後になっています",
                                    "goal period starts after it ends")
            }
        }
    }
}
