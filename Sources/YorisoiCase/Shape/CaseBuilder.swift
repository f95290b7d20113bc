/// Raw tree → typed `Case`, leniently (see `CaseNode.text(_:)` and friends).
public enum CaseBuilder {
    public static func build(_ root: CaseNode) -> Case {
        var value = Case()
        value.version = root.integer("version")
        value.id = root.text("id")
        value.municipality = root.text("municipality")
        value.category = root.text("category").flatMap(CaseCategory.init(rawValue:))
        value.created = root.date("created")
        value.child = root.object("child").map(child)
        value.guardians = root.list("guardians").map(guardian)
        value.family = root.list("family").map(familyMember)
        value.plan = root.object("plan").map(plan)
        value.consent = root.object("consent").map { node in
            var consent = Consent()
            consent.agreed = node.boolean("agreed")
            consent.date = node.date("date")
            consent.signer = node.text("signer")
            return consent
        }
        value.staff = root.object("staff").map { node in
            var staff = Staff()
            staff.maternalHealth = node.object("maternal_health").map(staffMember)
            staff.childWelfare = node.object("child_welfare").map(staffMember)
            return staff
        }
        value.assessment = root.object("assessment").map(assessment)
        value.recommendation = root.object("recommendation").map { node in
            var recommendation = Recommendation()
            recommendation.date = node.date("date")
            recommendation.number = node.text("number")
            recommendation.preLedger = node.boolean("pre_ledger") ?? false
            recommendation.addressee = node.integer("addressee")
            recommendation.services = node.list("services").map(noticeService)
            recommendation.reason = node.text("reason")
            return recommendation
        }
        value.measure = root.object("measure").map { node in
            var measure = Measure()
            measure.date = node.date("date")
            measure.number = node.text("number")
            measure.preLedger = node.boolean("pre_ledger") ?? false
            measure.difficulty = node.text("difficulty")
            measure.services = node.list("services").map(noticeService)
            return measure
        }
        value.translations = root.list("translations").map { node in
            var translation = FieldTranslation()
            translation.language = node.text("language")
            translation.field = node.text("field")
            translation.text = node.text("text")
            return translation
        }
        value.furigana = root.list("furigana").map { node in
            var entry = Furigana()
            entry.word = node.text("word")
            entry.reading = node.text("reading")
            return entry
        }
        value.selfPlan = root.object("self_plan").map { node in
            var plan = SelfPlan()
            plan.date = node.date("date")
            plan.dueDate = node.date("due_date")
            plan.hospital = node.text("hospital")
            plan.preparations = node.list("preparations").map { item in
                var preparation = SelfPlan.Preparation()
                preparation.text = item.text("text")
                return preparation
            }
            plan.worries = node.text("worries")
            plan.services = node.list("services").map { item in
                var use = SelfPlan.ServiceUse()
                use.service = item.text("service")
                return use
            }
            plan.supporters = node.text("supporters")
            return plan
        }
        value.providerBrief = root.object("provider_brief").map { node in
            var brief = ProviderBrief()
            brief.provider = node.text("provider")
            brief.date = node.date("date")
            brief.consent = node.object("consent").map { consentNode in
                var consent = BriefConsent()
                consent.agreed = consentNode.boolean("agreed")
                consent.date = consentNode.date("date")
                return consent
            }
            brief.situation = node.text("situation")
            brief.notes = node.text("notes")
            return brief
        }
        value.feeReduction = root.object("fee_reduction").map { node in
            var guidance = FeeReduction()
            guidance.date = node.date("date")
            guidance.band = node.text("band")
            return guidance
        }
        value.explanation = root.object("explanation").map { node in
            var explanation = Explanation()
            explanation.date = node.date("date")
            return explanation
        }
        return value
    }

    private static func child(_ node: CaseNode) -> Child {
        var child = Child()
        child.name = node.text("name")
        child.kana = node.text("kana")
        child.birthdate = node.date("birthdate")
        child.grade = node.text("grade")
        child.affiliation = node.text("affiliation")
        child.situation = node.text("situation")
        child.other = node.text("other")
        return child
    }

    private static func guardian(_ node: CaseNode) -> Guardian {
        var guardian = Guardian()
        guardian.name = node.text("name")
        guardian.kana = node.text("kana")
        guardian.relation = node.text("relation")
        guardian.address = node.text("address")
        guardian.phone = node.text("phone")
        return guardian
    }

    private static func familyMember(_ node: CaseNode) -> FamilyMember {
        var member = FamilyMember()
        member.name = node.text("name")
        member.kana = node.text("kana")
        member.relation = node.text("relation")
        member.birthdate = node.date("birthdate")
        return member
    }

    private static func staffMember(_ node: CaseNode) -> StaffMember {
        var member = StaffMember()
        member.name = node.text("name")
        member.phone = node.text("phone")
        member.section = node.text("section")
        return member
    }

    private static func voices(_ node: CaseNode) -> Voices {
        var voices = Voices()
        voices.child = node.text("child")
        voices.guardian = node.text("guardian")
        voices.shared = node.text("shared")
        return voices
    }

    private static func nowAndFuture(_ node: CaseNode) -> NowAndFuture {
        var value = NowAndFuture()
        value.now = node.text("now")
        value.future = node.text("future")
        return value
    }

    private static func goal(_ node: CaseNode) -> Goal? {
        var goal = Goal()
        switch node.value {
        case .string, .integer, .double:
            goal.text = node.scalarText
        case .object:
            goal.text = node.text("text")
            goal.from = node.date("from")
            goal.to = node.date("to")
        default:
            return nil
        }
        return goal
    }

    private static func plan(_ node: CaseNode) -> Plan {
        var plan = Plan()
        plan.worries = node.object("worries").map(voices)
        plan.wishes = node.object("wishes").map(voices)
        plan.intent = node.object("intent").map(voices)
        plan.issues = node.list("issues").map { item in
            var issue = Issue()
            issue.text = item.text("text")
            issue.solution = item.text("solution")
            return issue
        }
        plan.supports = node.list("supports").map { item in
            var support = Support()
            support.service = item.text("service")
            support.content = item.text("content")
            support.frequency = item.text("frequency")
            support.provider = item.text("provider")
            support.staff = item.text("staff")
            support.role = item.text("role")
            support.monitoring = item.date("monitoring")
            support.status = item.text("status")
            return support
        }
        plan.actions = node.object("actions").map { actions in
            var value = Actions()
            value.child = actions.object("child").map(nowAndFuture)
            value.family = actions.object("family").map(nowAndFuture)
            value.supporters = actions.object("supporters").map(nowAndFuture)
            return value
        }
        plan.goals = node.object("goals").map { goals in
            var value = Goals()
            value.short = goals["short"].flatMap(goal)
            value.long = goals["long"].flatMap(goal)
            return value
        }
        plan.selectedServices = node.texts("selected_services")
        plan.checklist = node.object("checklist").map { list in
            var value = PlanChecklist()
            value.guardian = list.texts("guardian")
            value.child = list.texts("child")
            value.guardianWishes = list.texts("guardian_wishes")
            value.childWishes = list.texts("child_wishes")
            value.solutions = list.texts("solutions")
            return value
        }
        plan.satisfaction = node.integer("satisfaction")
        plan.review = node.date("review")
        plan.nextContact = node.object("next_contact").map { contact in
            var value = NextContact()
            value.mode = contact.text("mode")
            value.date = contact.date("date")
            return value
        }
        return plan
    }

    private static func noticeService(_ node: CaseNode) -> NoticeService {
        var service = NoticeService()
        service.service = node.text("service")
        service.content = node.text("content")
        service.provider = node.text("provider")
        service.period = node.text("period")
        service.frequency = node.text("frequency")
        service.from = node.date("from")
        service.to = node.date("to")
        return service
    }

    private static func assessment(_ node: CaseNode) -> Assessment {
        var assessment = Assessment()
        assessment.sheets = node.list("sheets").map { item in
            var sheet = AssessmentSheet()
            sheet.agency = item.text("agency")
            sheet.assessor = item.text("assessor")
            sheet.date = item.date("date")
            sheet.answers = item.list("answers").map { entry in
                var answer = AssessmentAnswer()
                answer.item = entry.text("item")
                answer.domain = entry.text("domain")
                answer.answer = entry.text("answer").flatMap(AssessmentResponse.init(rawValue:))
                answer.note = entry.text("note")
                return answer
            }
            sheet.safety = item.integer("safety")
            sheet.recent = item.text("recent")
            sheet.strengths = item.text("strengths")
            sheet.concerns = item.text("concerns")
            return sheet
        }
        return assessment
    }
}
