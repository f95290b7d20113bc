import Foundation
import Testing
import TestSupport
import Yorisoi

/// サポートプラン更新時期一覧 (#28): one group per 担当者, the same on the page and on paper.
@Suite struct ReviewScheduleTests {
    static let rows = [
        ReviewSchedule.Row(id: "R-3", municipality: "990019", category: "要支援児童", review: "2025-08",
                           maternalHealth: "見本 保子", childWelfare: nil),
        ReviewSchedule.Row(id: "R-1", municipality: "990019", category: "特定妊婦", review: "2025-07-15",
                           maternalHealth: "見本 保子", childWelfare: "試田 福男"),
        ReviewSchedule.Row(id: "R-2", municipality: "990019", category: nil, review: "2025-07",
                           maternalHealth: nil, childWelfare: nil),
        ReviewSchedule.Row(id: "R-4", municipality: "990019", category: "要保護児童", review: "2025-08",
                           maternalHealth: "𠮷田 保子", childWelfare: "𠮷田 保子"),
    ]

    @Test func plansAreGroupedPerStaffInReviewOrderWithThoseWithoutStaffLast() {
        let schedule = ReviewSchedule(from: "2025-07", to: "2025-08", rows: Self.rows)
        #expect(schedule.rows.map(\.id) == ["R-1", "R-2", "R-3", "R-4"])
        let groups = schedule.groups.map { ($0.staff, $0.rows.map(\.id)) }
        #expect(groups.map(\.0) == ["見本 保子", "試田 福男", "𠮷田 保子", ReviewSchedule.withoutStaff])
        #expect(groups.first { $0.0 == "見本 保子" }?.1 == ["R-1", "R-3"])
        #expect(groups.first { $0.0 == "試田 福男" }?.1 == ["R-1"], "a plan with both functions' staff is under each")
        #expect(groups.first { $0.0 == "𠮷田 保子" }?.1 == ["R-4"], "one person named twice is one group")
        #expect(groups.last?.1 == ["R-2"])
    }

    @Test func theListPrintsEveryPlanUnderItsStaffAndPassesQPDF() throws {
        let schedule = ReviewSchedule(from: "2025-07", to: "2025-08", rows: Self.rows)
        let pdf = try EngineTests.engine.reviewSchedule(schedule, municipality: "990019")
        let file = try TestPaths.makeTemporaryDirectory("yorisoi-review-schedule").appendingPathComponent("reviews.pdf")
        try Data(pdf).write(to: file)
        _ = try ExternalTool.run("qpdf", ["--check", file.path])
        // pdftotext puts spaces between digits and kana (the typesetter's spacing): compare without.
        let text = try ExternalTool.pdftotext(file, extraArguments: ["-raw"]).filter { !$0.isWhitespace }
        #expect(text.contains("サポートプラン更新時期一覧"))
        #expect(text.contains("見直し時期：2025年7月～2025年8月（4件）"))
        for heading in ["担当：見本保子（2件）ケースID区分見直し時期もう一人の担当者R-1特定妊婦2025年7月試田福男R-3要支援児童2025年8月—",
                        "担当：試田福男（1件）", "担当：𠮷田保子（1件）", "担当：担当者の記載なし（1件）"] {
            #expect(text.contains(heading.filter { !$0.isWhitespace }), "\(heading)")
        }
        for id in ["R-1", "R-2", "R-3", "R-4"] { #expect(text.contains(id), "\(id)") }
        // Same input, same bytes.
        #expect(try EngineTests.engine.reviewSchedule(schedule, municipality: "990019") == pdf)
        let empty = try EngineTests.engine.reviewSchedule(ReviewSchedule(from: "2025-07", to: "2025-08", rows: []), municipality: "990019")
        try Data(empty).write(to: file)
        #expect(try ExternalTool.pdftotext(file).contains("この期間に見直すプランはありません。"))
    }
}
