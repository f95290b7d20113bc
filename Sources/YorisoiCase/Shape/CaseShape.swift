/// The case file, version 1 (CONTRACT §2 plus the extensions this repo documents in
/// schema/case.schema.json).
public enum CaseShape {
    public static let categories = CaseCategory.allCases.map(\.rawValue)
    public static let contactModes = ["電話", "面談", "訪問", "その他"]
    public static let assessmentAnswers = AssessmentResponse.allCases.map(\.rawValue)

    public static let root: FieldShape = .object([
        FieldSpec("version", .integer(0...Int.max)),
        FieldSpec("id", .code),
        FieldSpec("municipality", .code),
        FieldSpec("category", .choice(categories)),
        FieldSpec("created", .date(.day)),
        FieldSpec("child", child),
        FieldSpec("guardians", .list(guardian)),
        FieldSpec("family", .list(familyMember)),
        FieldSpec("plan", plan),
        FieldSpec("consent", .object([
            FieldSpec("agreed", .boolean),
            FieldSpec("date", .date(.day)),
            FieldSpec("signer", .text),
        ])),
        FieldSpec("staff", .object([
            FieldSpec("maternal_health", staffMember),
            FieldSpec("child_welfare", staffMember),
        ])),
        FieldSpec("assessment", assessment),
        FieldSpec("recommendation", .object([
            FieldSpec("date", .date(.day)),
            FieldSpec("number", .text),
            FieldSpec("pre_ledger", .boolean),
            FieldSpec("addressee", .integer(0...Int.max)),
            FieldSpec("services", .list(noticeService)),
            FieldSpec("reason", .text),
        ])),
        FieldSpec("measure", .object([
            FieldSpec("date", .date(.day)),
            FieldSpec("number", .text),
            FieldSpec("pre_ledger", .boolean),
            FieldSpec("difficulty", .text),
            FieldSpec("services", .list(noticeService)),
        ])),
        // A family copy's translations of free text (docs/family-copy.md).
        FieldSpec("translations", .list(.object([
            FieldSpec("language", .text), FieldSpec("field", .text), FieldSpec("text", .text),
        ]))),
        // Readings the staff give for words of the case, printed as ruby (docs/ruby.md).
        FieldSpec("furigana", .list(.object([FieldSpec("word", .text), FieldSpec("reading", .text)]))),
        FieldSpec("self_plan", .object([
            FieldSpec("date", .date(.day)), FieldSpec("due_date", .date(.day)), FieldSpec("hospital", .text),
            FieldSpec("preparations", .list(.object([FieldSpec("text", .text)]))), FieldSpec("worries", .text),
            FieldSpec("services", .list(.object([FieldSpec("service", .text)]))), FieldSpec("supporters", .text),
        ])),
        FieldSpec("provider_brief", .object([
            FieldSpec("provider", .text), FieldSpec("date", .date(.day)),
            FieldSpec("consent", .object([FieldSpec("agreed", .boolean), FieldSpec("date", .date(.day))])),
            FieldSpec("situation", .text), FieldSpec("notes", .text),
        ])),
        FieldSpec("fee_reduction", .object([FieldSpec("date", .date(.day)), FieldSpec("band", .text)])),
        FieldSpec("explanation", .object([FieldSpec("date", .date(.day))])),
    ])

    static let child: FieldShape = .object([
        FieldSpec("name", .text), FieldSpec("kana", .text), FieldSpec("birthdate", .date(.day)),
        FieldSpec("grade", .text), FieldSpec("affiliation", .text), FieldSpec("situation", .text),
        FieldSpec("other", .text),
    ])

    static let guardian: FieldShape = .object([
        FieldSpec("name", .text), FieldSpec("kana", .text), FieldSpec("relation", .text),
        FieldSpec("address", .text), FieldSpec("phone", .text),
    ])

    static let familyMember: FieldShape = .object([
        FieldSpec("name", .text), FieldSpec("kana", .text), FieldSpec("relation", .text),
        FieldSpec("birthdate", .date(.day)),
    ])

    static let staffMember: FieldShape = .object([
        FieldSpec("name", .text), FieldSpec("phone", .text), FieldSpec("section", .text),
    ])

    static let nowAndFuture: FieldShape = .object([FieldSpec("now", .text), FieldSpec("future", .text)])

    static let goal: FieldShape = .textOrObject([
        FieldSpec("text", .text), FieldSpec("from", .date(.dayOrMonth)), FieldSpec("to", .date(.dayOrMonth)),
    ])

    static let plan: FieldShape = .object([
        FieldSpec("worries", .object([FieldSpec("child", .text), FieldSpec("guardian", .text)])),
        FieldSpec("wishes", .object([FieldSpec("child", .text), FieldSpec("guardian", .text), FieldSpec("shared", .text)])),
        FieldSpec("intent", .object([FieldSpec("child", .text), FieldSpec("guardian", .text)])),
        FieldSpec("issues", .list(.object([FieldSpec("text", .text), FieldSpec("solution", .text)]))),
        FieldSpec("supports", .list(.object([
            FieldSpec("service", .text), FieldSpec("content", .text), FieldSpec("frequency", .text),
            FieldSpec("provider", .text), FieldSpec("staff", .text), FieldSpec("role", .text),
            FieldSpec("monitoring", .date(.dayOrMonth)), FieldSpec("status", .text),
        ]))),
        FieldSpec("actions", .object([
            FieldSpec("child", nowAndFuture), FieldSpec("family", nowAndFuture), FieldSpec("supporters", nowAndFuture),
        ])),
        FieldSpec("goals", .object([FieldSpec("short", goal), FieldSpec("long", goal)])),
        FieldSpec("selected_services", .list(.text)),
        // 気になることリスト; 守谷市's form adds 希望すること and 一緒に解決を目指していくこと as lists.
        FieldSpec("checklist", .object([FieldSpec("guardian", .list(.text)), FieldSpec("child", .list(.text)),
                                        FieldSpec("guardian_wishes", .list(.text)), FieldSpec("child_wishes", .list(.text)),
                                        FieldSpec("solutions", .list(.text))])),
        FieldSpec("satisfaction", .integer(0...100)),
        FieldSpec("review", .date(.dayOrMonth)),
        FieldSpec("next_contact", .object([FieldSpec("mode", .choice(contactModes)), FieldSpec("date", .date(.dayOrMonth))])),
    ])

    static let noticeService: FieldShape = .object([
        FieldSpec("service", .text), FieldSpec("content", .text), FieldSpec("provider", .text),
        FieldSpec("period", .text), FieldSpec("frequency", .text),
        FieldSpec("from", .date(.day)), FieldSpec("to", .date(.day)),
    ])

    static let assessment: FieldShape = .object([
        FieldSpec("sheets", .list(.object([
            FieldSpec("agency", .text), FieldSpec("assessor", .text), FieldSpec("date", .date(.day)),
            FieldSpec("answers", .list(.object([
                FieldSpec("item", .text), FieldSpec("domain", .text),
                FieldSpec("answer", .choice(assessmentAnswers)), FieldSpec("note", .text),
            ]))),
            FieldSpec("safety", .integer(0...10)),
            FieldSpec("recent", .text), FieldSpec("strengths", .text), FieldSpec("concerns", .text),
        ]))),
    ])
}
