import Foundation
import Testing
import TestSupport

/// The centre's other papers (issue #28) through the real executable: each sample renders to a
/// clean one-page PDF holding every value, twice the same bytes; the セルフプラン follows the
/// profile's paper and runs in batch from a day's 妊娠届 CSV; the 事前共有 prints only what its
/// template declares and is refused without consent; the 減免 guidance never invents amounts.
@Suite struct CentreDocumentCommandTests {
    static let samples = TestPaths.repositoryRoot.appendingPathComponent("samples/cases")

    /// Each kind's sample and the values it must print (𠮷 among them), as written in the sample.
    static let documents: [(kind: String, sample: String, values: [String])] = [
        ("self-plan", "mihon-self-plan.yaml",
         ["見本𠮷子", "みほんよしこ", "2025年5月12日", "2025年11月20日", "見本市立架空病院（架空）", "母親学級に夫と一緒に参加する",
          "里帰りはしないので、産後の家事を夫と分担して決めておく", "ベビー用品をそろえる（おさがりをもらう予定）",
          "初めての出産で、陣痛がきたときにひとりだったらどうしようと思う。仕事をいつまで続けられるか。",
          "妊婦健康診査（14回分の補助券）", "母親学級・両親学級", "産後ケア事業", "夫。近くに住む姉（平日の夕方なら来てもらえる）。",
          "見本保子", "000-0000-9001", "見本市こども家庭センター（母子保健）", "0000-00-0000"]),
        ("provider-brief", "mihon-provider-brief.yaml",
         ["見本市子育て支援NPO（架空）御中", "架空そら", "2024年6月15日", "架空ひかる（母）", "000-0000-0201", "見本県架空町5番6号見本ハイツ102号室",
          "2025年3月10日付けの利用措置", "訪問支援員による家事（調理・洗濯）と沐浴の支援。", "週2回（火・金の午前）", "2025年3月17日から2025年6月30日まで",
          "母と乳児の二人暮らし。", "訪問は午前中を希望。", "母の睡眠不足で、家事と育児が回らない。", "訪問支援で家事を手伝ってもらい、日中に休む時間をつくる。",
          "相談できる人が近くにいない。", "週に2回、日中に1時間休めるようになる。", "初回はセンターの担当が同行します。",
          "2025年3月11日に、保護者の同意を得ています", "2025年3月12日", "試田福男", "000-0000-9002", "取扱注意"]),
        ("fee-reduction", "mihon-fee-reduction.yaml",
         ["架空はると", "架空𠮷美様", "見本県架空町7番8号", "2025年4月3日", "子育て短期支援事業、一時預かり事業", "生活保護世帯", "市町村民税非課税世帯",
          "市町村民税所得割額が77,101円未満の世帯", "1回300円", "1回1,000円", "無料○", "申請の月から減免されます。", "試田福男", "000-0000-9002"]),
        ("explanation", "mihon-explanation.yaml",
         ["見本𠮷乃様", "2025年6月2日", "「サポートプラン」について", "見本保子（母子保健）", "000-0000-9001", "試田福男（児童福祉）", "000-0000-9002",
          "見本県見本市架空町1-1（架空）", "月～金9:00～17:00"]),
    ]

    func run(_ arguments: [String]) throws -> ExternalTool.Result {
        try ExternalTool.run(TestPaths.yorisoiExecutable.path, arguments, currentDirectory: TestPaths.repositoryRoot)
    }

    func text(of pdf: URL) throws -> String {
        try ExternalTool.pdftotext(pdf, extraArguments: ["-raw"]).filter { !$0.isWhitespace }
    }

    func pageInfo(_ pdf: URL) throws -> (pages: Int, size: String) {
        let lines = try ExternalTool.run("pdfinfo", [pdf.path]).stdout.split(separator: "\n")
        let pages = Int(lines.first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? 0
        let size = lines.first { $0.hasPrefix("Page size:") }.map { String($0.dropFirst("Page size:".count)).trimmingCharacters(in: .whitespaces) } ?? ""
        return (pages, size)
    }

    @Test(arguments: 0..<documents.count)
    func eachSampleRendersEveryValueOnOneCleanPageTwiceTheSame(index: Int) throws {
        let (kind, sample, values) = Self.documents[index]
        let folder = try TestPaths.makeTemporaryDirectory("centre-documents")
        let first = folder.appendingPathComponent("first.pdf"), second = folder.appendingPathComponent("second.pdf")
        for output in [first, second] {
            let result = try run(["render", Self.samples.appendingPathComponent(sample).path, "--kind", kind, "-o", output.path])
            #expect(result.status == 0, "\(kind): \(result.stderr)")
        }
        #expect(try ExternalTool.qpdfCheck(first).status == 0)
        let fonts = try ExternalTool.pdffonts(first)
        #expect(!fonts.isEmpty && fonts.allSatisfy { $0.embedded && $0.subset && $0.unicode })
        #expect(try Data(contentsOf: first) == Data(contentsOf: second), "\(kind): same case, same bytes")
        #expect(try pageInfo(first).pages == 1, "\(kind) fits one page")
        let printed = try text(of: first)
        let missing = values.filter { !printed.contains($0) }
        #expect(missing.isEmpty, "\(kind): not printed: \(missing)")
    }

    @Test func theSelfPlanIsA5WhereTheProfileSaysAndA4Elsewhere() throws {
        let folder = try TestPaths.makeTemporaryDirectory("centre-documents")
        let a5 = folder.appendingPathComponent("a5.pdf"), a4 = folder.appendingPathComponent("a4.pdf")
        let sample = Self.samples.appendingPathComponent("mihon-self-plan.yaml").path
        #expect(try run(["render", sample, "--kind", "self-plan", "-o", a5.path]).status == 0)
        let other = try run(["render", sample, "--kind", "self-plan", "--municipality", "122297", "-o", a4.path])
        #expect(other.status == 0, "\(other.stderr)")
        #expect(try pageInfo(a5).size.hasPrefix("419.5"), "見本市: self_plan_paper: A5 (148 × 210 mm)")
        #expect(try pageInfo(a4).size.hasSuffix("(A4)"), "袖ケ浦市 names no paper: the template's A4")
        #expect(try pageInfo(a4).pages == 1)
        #expect(try text(of: a4).contains("袖ケ浦市"))
    }

    @Test func theBriefPrintsNothingItsTemplateDoesNotDeclare() throws {
        let folder = try TestPaths.makeTemporaryDirectory("centre-documents")
        let pdf = folder.appendingPathComponent("brief.pdf")
        let result = try run(["render", Self.samples.appendingPathComponent("mihon-provider-brief.yaml").path,
                              "--kind", "provider-brief", "-o", pdf.path])
        #expect(result.status == 0, "\(result.stderr)")
        let printed = try text(of: pdf)
        // Free text of the case the provider does not need: child.situation, plan.worries and
        // intent, the measure's 著しく困難 reason, the recommendation's reason, the guardian's kana.
        for value in ["夜泣きが続き", "上の子の発達相談歴", "夜に眠れず", "少しでも休める時間がほしい", "手続に出向くことが体調のため難しい",
                      "保護者の睡眠不足が続き", "かくうひかる", "見こ家第460号", "母子ともに落ち着いて過ごせる"] {
            #expect(!printed.contains(value), "\(value) must not reach the provider")
        }
        // validate names each such value with W120, at its pointer.
        let validated = try run(["validate", Self.samples.appendingPathComponent("mihon-provider-brief.yaml").path,
                                 "--kind", "provider-brief", "--format", "json"])
        for pointer in ["/child/situation", "/plan/worries", "/measure/difficulty"] {
            #expect(validated.stdout.contains("\"\(pointer)\""), "\(pointer) reported as unprinted")
        }
    }

    @Test func theBriefIsRefusedWithoutConsentAndNothingIsWritten() throws {
        let folder = try TestPaths.makeTemporaryDirectory("centre-documents")
        let sample = try String(contentsOf: Self.samples.appendingPathComponent("mihon-provider-brief.yaml"), encoding: .utf8)
        let refused = sample.replacingOccurrences(of: "consent: {agreed: true, date: 2025-03-11}", with: "consent: {agreed: false}")
        #expect(refused != sample)
        let input = folder.appendingPathComponent("refused.yaml"), pdf = folder.appendingPathComponent("refused.pdf")
        try refused.write(to: input, atomically: true, encoding: .utf8)
        let result = try run(["render", input.path, "--kind", "provider-brief", "-o", pdf.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("E812 /provider_brief/consent/agreed"), "\(result.stderr)")
        #expect(!result.stderr.contains("架空"), "no family data in the message")
        #expect(!FileManager.default.fileExists(atPath: pdf.path))
    }

    @Test func theGuidanceIsNotMadeForAProfileWithoutBands() throws {
        let folder = try TestPaths.makeTemporaryDirectory("centre-documents")
        let pdf = folder.appendingPathComponent("guidance.pdf")
        let result = try run(["render", Self.samples.appendingPathComponent("mihon-fee-reduction.yaml").path,
                              "--kind", "fee-reduction", "--municipality", "122297", "-o", pdf.path])
        #expect(result.status == 2, "a profile problem: configuration")
        #expect(result.stderr.contains("fee_reduction.bands"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: pdf.path))
    }

    /// A day's 妊娠届 as the registration system exports it, in Shift_JIS (CP932) with its own
    /// headings: `batch --kind self-plan` reads them through the shipped column table.
    @Test func aDaysPregnancyRegistrationsBatchIntoSelfPlans() throws {
        let folder = try TestPaths.makeTemporaryDirectory("centre-documents")
        let rows = [
            "受付番号,市区町村コード,届出日,氏名,ふりがな,住所,電話番号,出産予定日,出産予定の医療機関,準備したいこと1,準備したいこと2,心配なこと,利用したいサービス1,手伝ってくれる人,担当保健師,担当保健師の電話,妊娠週数",
            "N-0601,990019,2025/6/2,架空 髙子,かくう たかこ,見本県架空町1番,000-0000-0401,2025/12/24,架空病院,母親学級に行く,①ベビーベッドを借りる,つわりがつらい～,産後ケア事業,母,見本 保子,000-0000-9001,10",
            "N-0602,990019,2025/6/2,架空 﨑美,かくう さきみ,見本県架空町2番,000-0000-0402,2026/1/15,,,,,,,見本 保子,,8",
            "N-0603,990019,2025/6/2,,,見本県架空町3番,000-0000-0403,,,,,,,,,,9",
        ]
        let csv = try #require((rows.joined(separator: "\r\n") + "\r\n").data(using: .shiftJIS))
        let input = folder.appendingPathComponent("2025-06-02.csv")
        try csv.write(to: input)
        let output = folder.appendingPathComponent("out")
        let result = try run(["batch", input.path, "--kind", "self-plan", "-o", output.path, "--quiet"])
        #expect(result.status == 1, "one row lacks the name and due date: \(result.stderr)")
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("manifest.json"))) as? [String: Any])
        let cases = try #require(manifest["cases"] as? [[String: Any]])
        #expect(cases.map { $0["status"] as? String } == ["ok", "ok", "invalid"])
        let codes = (cases[2]["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(codes.contains("E802") && codes.contains("E803"), "\(codes)")
        let first = output.appendingPathComponent("N-0601.pdf")
        #expect(try ExternalTool.qpdfCheck(first).status == 0)
        #expect(try pageInfo(first).size.hasPrefix("419.5"), "A5")
        let printed = try text(of: first)
        for value in ["架空髙子", "かくうたかこ", "2025年6月2日", "2025年12月24日", "架空病院", "母親学級に行く", "①ベビーベッドを借りる",
                      "つわりがつらい～", "産後ケア事業", "見本保子", "000-0000-9001"] {
            #expect(printed.contains(value), "\(value)")
        }
        // The address and phone of the 届 are left out by the column table, not printed.
        #expect(!printed.contains("見本県架空町1番") && !printed.contains("000-0000-0401"))
        #expect(try text(of: output.appendingPathComponent("N-0602.pdf")).contains("架空﨑美"))
    }
}
