import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
@testable import YorisoiServer
import Yorisoi

@Suite("Ledger: issuing, retrieval, 取消, 措置 after 勧奨, CSV")
struct LedgerTests {
    @Test func issuingAllocatesConsecutiveNumbersAndStoresTheExactBytes() async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        try await ServerHarness.application(dependencies).test(.router) { client in
            var numbers: [String] = []
            var firstPDF: [UInt8] = []
            for n in 1...3 {
                let response = try await client.send(.post, "/api/v1/notices?kind=recommendation",
                                                     body: try ServerHarness.noticeCase(id: "L-\(n)"))
                #expect(response.status == .created)
                #expect(response.headers[.contentType] == "application/pdf")
                #expect(response.headers[.cacheControl] == "no-store")
                numbers.append(response.headers[HTTPField.Name("Yorisoi-Document-Number")!]?.removingPercentEncoding ?? "")
                if n == 1 {
                    firstPDF = response.bytes
                    #expect(response.headers[.location] == "/api/v1/ledger/1")
                    let etag = response.headers[.eTag] ?? ""
                    #expect(etag == "\"\(SQLiteStore.sha256Hex(firstPDF))\"")
                }
            }
            // The sample's date is 2025-05-12: 年度 2025, 袖ケ浦市's prefix 袖こ家.
            #expect(numbers == ["袖こ家第1号", "袖こ家第2号", "袖こ家第3号"])
            let stored = try await client.send(.get, "/api/v1/ledger/1/pdf")
            #expect(stored.status == .ok)
            #expect(stored.bytes == firstPDF)
            #expect(firstPDF.starts(with: Array("%PDF-".utf8)))

            let list = try await client.send(.get, "/api/v1/ledger?municipality=122297&fiscal_year=2025")
            let rows = try #require(list.json as? [[String: Any]])
            #expect(rows.count == 3)
            #expect(rows.first?["case_id"] as? String == "L-1")
            #expect(rows.first?["status"] as? String == "issued")
            let none = try await client.send(.get, "/api/v1/ledger?fiscal_year=2024")
            #expect((none.json as? [Any])?.count == 0)
        }
    }

    @Test func theIssuedNoticePrintsTheAllocatedNumber() async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        try await ServerHarness.application(dependencies).test(.router) { client in
            let response = try await client.send(.post, "/api/v1/notices?kind=recommendation",
                                                 body: try ServerHarness.noticeCase(id: "P-1"))
            #expect(response.status == .created)
            let text = try Self.pdfText(response.bytes)
            #expect(text.contains("袖こ家第1号"))
        }
    }

    @Test func voidingKeepsTheRowWithItsReasonAndOnlyOnce() async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        try await ServerHarness.application(dependencies).test(.router) { client in
            _ = try await client.send(.post, "/api/v1/notices?kind=recommendation", body: try ServerHarness.noticeCase(id: "V-1"))
            let missing = try await client.send(.post, "/api/v1/ledger/1/void", body: "{}", contentType: "application/json")
            #expect(missing.status == .badRequest)
            let voided = try await client.send(.post, "/api/v1/ledger/1/void", body: "{\"reason\": \"宛先の誤り\"}",
                                               contentType: "application/json")
            #expect(voided.status == .ok)
            let entry = try #require(voided.json as? [String: Any])
            #expect(entry["status"] as? String == "voided")
            #expect(entry["void_reason"] as? String == "宛先の誤り")
            let again = try await client.send(.post, "/api/v1/ledger/1/void", body: "{\"reason\": \"再度\"}",
                                              contentType: "application/json")
            #expect(again.status == .conflict)
            let unknown = try await client.send(.post, "/api/v1/ledger/99/void", body: "{\"reason\": \"x\"}",
                                                contentType: "application/json")
            #expect(unknown.status == .notFound)
            // Still listed, PDF still there; the next number continues after the voided one.
            let pdf = try await client.send(.get, "/api/v1/ledger/1/pdf")
            #expect(pdf.status == .ok)
            let next = try await client.send(.post, "/api/v1/notices?kind=recommendation", body: try ServerHarness.noticeCase(id: "V-2"))
            #expect(next.headers[HTTPField.Name("Yorisoi-Document-Number")!]?.removingPercentEncoding == "袖こ家第2号")
            // Header values carry no charset: the number travels percent-encoded, ASCII only.
            #expect(next.headers[HTTPField.Name("Yorisoi-Document-Number")!]?.allSatisfy(\.isASCII) == true)
        }
    }

    @Test func aMeasureNeedsAnIssuedRecommendationAndCitesTheLedgersNumberAndDate() async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        try await ServerHarness.application(dependencies).test(.router) { client in
            let early = try await client.send(.post, "/api/v1/notices?kind=measure", body: try ServerHarness.noticeCase(id: "M-1"))
            #expect(early.status == .conflict)
            #expect(early.text.contains("no_recommendation"))

            // Two recommendations; the first is voided, so the measure must cite the second.
            _ = try await client.send(.post, "/api/v1/notices?kind=recommendation", body: try ServerHarness.noticeCase(id: "M-1"))
            _ = try await client.send(.post, "/api/v1/ledger/1/void", body: "{\"reason\": \"誤記\"}", contentType: "application/json")
            let cancelled = try await client.send(.post, "/api/v1/notices?kind=measure", body: try ServerHarness.noticeCase(id: "M-1"))
            #expect(cancelled.status == .conflict)
            _ = try await client.send(.post, "/api/v1/notices?kind=recommendation", body: try ServerHarness.noticeCase(id: "M-1"))

            // Without 決裁 a 措置 is refused, naming it.
            let unapproved = try await client.send(.post, "/api/v1/notices?kind=measure", body: try ServerHarness.noticeCase(id: "M-1"))
            #expect(unapproved.status == .conflict)
            #expect(unapproved.text.contains("approval_required") && unapproved.text.contains("決裁"))
            let measure = try await ServerHarness.issueMeasure(client, body: try ServerHarness.noticeCase(id: "M-1"))
            #expect(measure.status == .created)
            #expect(measure.headers[HTTPField.Name("Yorisoi-Recommendation-Source")!] == "ledger")
            #expect(measure.headers[HTTPField.Name("Yorisoi-Document-Number")!]?.removingPercentEncoding == "袖こ家第3号")
            let text = try Self.pdfText(measure.bytes)
            #expect(text.contains("袖こ家第2号"), "the measure cites the ledger's recommendation")
            #expect(!text.contains("袖こ家第1号"), "never the voided one")
        }
    }

    @Test func aMeasureAfterAPreLedgerRecommendationIsFlagged() async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        try await ServerHarness.application(dependencies).test(.router) { client in
            // Not marked 台帳外: a number the ledger never issued is refused.
            let unmarked = try await ServerHarness.issueMeasure(client, body: try ServerHarness.noticeCase(id: "PL-1", keepRecommendationNumber: true))
            #expect(unmarked.status == .conflict)
            #expect(unmarked.text.contains("cites_unknown"))
            let measure = try await ServerHarness.issueMeasure(
                client, body: try ServerHarness.noticeCase(id: "PL-1", keepRecommendationNumber: true, preLedger: true))
            #expect(measure.status == .created)
            #expect(measure.headers[HTTPField.Name("Yorisoi-Recommendation-Source")!] == "case-file")
            #expect(try Self.pdfText(measure.bytes).contains("袖こ家第87号"))
        }
    }

    @Test func anInvalidCaseTakesNoNumber() async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        try await ServerHarness.application(dependencies).test(.router) { client in
            let broken = try ServerHarness.noticeCase(id: "B-1").replacingOccurrences(of: "  reason: ", with: "  reasonx: ")
            let refused = try await client.send(.post, "/api/v1/notices?kind=recommendation", body: broken)
            #expect(refused.status == .unprocessableContent)
            let report = try #require(refused.json as? [String: Any])
            #expect(report["files"] != nil)
            let ok = try await client.send(.post, "/api/v1/notices?kind=recommendation", body: try ServerHarness.noticeCase(id: "B-2"))
            #expect(ok.headers[HTTPField.Name("Yorisoi-Document-Number")!]?.removingPercentEncoding == "袖こ家第1号")
        }
    }

    @Test func csvExportHasABOMAndNeutralisesFormulae() async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        try await ServerHarness.application(dependencies).test(.router) { client in
            // Case ids that start like a formula are refused at load, so the formulae come in
            // through the one free-text column of the ledger: the 取消 reason.
            _ = try await client.send(.post, "/api/v1/notices?kind=recommendation", body: try ServerHarness.noticeCase(id: "F-1"))
            _ = try await client.send(.post, "/api/v1/notices?kind=recommendation", body: try ServerHarness.noticeCase(id: "F-2"))
            _ = try await client.send(.post, "/api/v1/ledger/1/void", body: "{\"reason\": \"=HYPERLINK(1)\"}", contentType: "application/json")
            _ = try await client.send(.post, "/api/v1/ledger/2/void", body: "{\"reason\": \"@SUM(A1)\"}", contentType: "application/json")
            let csv = try await client.send(.get, "/api/v1/ledger", headers: [.accept: "text/csv"])
            #expect(csv.status == .ok)
            #expect(csv.bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            let text = String(decoding: csv.bytes.dropFirst(3), as: UTF8.self)
            #expect(text.hasPrefix("\"id\",\"文書番号\""))
            #expect(text.contains("\"'=HYPERLINK(1)\""))
            #expect(text.contains("\"'@SUM(A1)\""))
            #expect(!text.contains("\"=HYPERLINK"))
        }
        #expect(SpreadsheetCSV.neutralised("+1") == "'+1")
        #expect(SpreadsheetCSV.neutralised("-1") == "'-1")
        #expect(SpreadsheetCSV.neutralised("袖こ家第1号") == "袖こ家第1号")
    }

    @Test func rowsCannotBeChangedOrDeletedInTheDatabase() async throws {
        let (dependencies, data) = try ServerHarness.dependencies()
        try await ServerHarness.application(dependencies).test(.router) { client in
            _ = try await client.send(.post, "/api/v1/notices?kind=recommendation", body: try ServerHarness.noticeCase(id: "T-1"))
        }
        let queue = try DatabaseQueue(path: data.appendingPathComponent(SQLiteStore.fileName).path)
        for sql in ["DELETE FROM ledger", "UPDATE ledger SET pdf = x'00'", "UPDATE ledger SET number = 'x'",
                    "DELETE FROM audit", "UPDATE audit SET account = 'x'", "UPDATE ledger SET status = 'voided'"] {
            #expect(throws: DatabaseError.self, "\(sql) must be refused") {
                try queue.write { try $0.execute(sql: sql) }
            }
        }
        let mode = try FileManager.default.attributesOfItem(atPath: data.appendingPathComponent(SQLiteStore.fileName).path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let journal = try await queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
    }

    static func pdfText(_ bytes: [UInt8]) throws -> String {
        let folder = try TestPaths.makeTemporaryDirectory("yorisoi-pdf")
        let file = folder.appendingPathComponent("n.pdf")
        try Data(bytes).write(to: file)
        #expect(try ExternalTool.qpdfCheck(file).status == 0)
        return try ExternalTool.pdftotext(file).filter { !$0.isWhitespace }
    }
}
