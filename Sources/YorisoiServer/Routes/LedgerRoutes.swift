import Foundation
import Hummingbird
import Yorisoi

/// The 発番簿: list (JSON, or CSV for Excel), the issued PDF byte for byte, and 取消.
enum LedgerRoutes {
    static func register(on router: Router<YorisoiRequestContext>, _ dependencies: ServerDependencies) {
        let ledger = router.group("api/v1/ledger")

        ledger.get { request, context in
            let filter = try Self.filter(request)
            let entries = try await dependencies.ledger.entries(filter).filter { context.mayAccess($0.municipality) }
            try await dependencies.audit.append(account: context.account ?? "", action: "ledger.list", caseID: filter.caseID,
                                                municipality: filter.municipality)
            let wantsCSV = request.query("format") == "csv" || (request.headers[.accept] ?? "").lowercased().contains("text/csv")
            if wantsCSV {
                var response = Response.bytes(LedgerCSV.bytes(entries), contentType: "text/csv; charset=utf-8")
                response.headers[.contentDisposition] = "attachment; filename=\"ledger.csv\""
                return response
            }
            return try Response.encoded(entries)
        }

        ledger.get(":id/pdf") { request, context in
            let id = try context.pathID()
            guard let entry = try await dependencies.ledger.entry(id: id),
                  let pdf = try await dependencies.ledger.pdf(id: id) else { throw APIError.notFound }
            try context.requireAccess(entry.municipality)
            try await dependencies.audit.append(account: context.account ?? "", action: "ledger.pdf", caseID: entry.caseID,
                                                municipality: entry.municipality)
            var response = Response.bytes(pdf, contentType: "application/pdf")
            response.headers[.eTag] = "\"\(entry.sha256)\""
            response.headers.setDocumentNumber(entry.number)
            if request.query("download") != nil {
                response.headers[.contentDisposition] = "attachment; filename=\"\(entry.caseID.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "notice")-\(entry.kind.rawValue)-\(entry.id).pdf\""
            }
            return response
        }

        ledger.post(":id/void") { request, context in
            try context.require(.staff)
            let id = try context.pathID()
            guard let entry = try await dependencies.ledger.entry(id: id) else { throw APIError.notFound }
            try context.requireAccess(entry.municipality)
            let bytes = try await request.bodyBytes(limit: 64 << 10)
            let body = try? JSONDecoder().decode(VoidRequest.self, from: Data(bytes))
            guard let reason = VisibleText.checked(body?.reason, limit: 2000) else {
                throw APIError.badRequest("reason_required", "取消の理由（reason）を書いてください（空白や制御文字だけの理由は受け付けません）",
                                          "a JSON body with a visible \"reason\" (at most 2000 characters) is required")
            }
            do {
                let voided = try await dependencies.ledger.void(id: id, reason: reason, account: context.account ?? "",
                                                                withCitingMeasures: body?.withCiting ?? false)
                return try Response.encoded(voided[0])
            } catch let refusal as LedgerRefusal {
                throw refusal.apiError
            }
        }
    }

    /// `{"reason": "…", "with_citing": true}`: with_citing voids the 措置 citing a 勧奨 with it.
    struct VoidRequest: Decodable {
        var reason: String?
        var withCiting: Bool?

        enum CodingKeys: String, CodingKey {
            case reason
            case withCiting = "with_citing"
        }
    }

    static func filter(_ request: Request) throws -> LedgerFilter {
        let fiscalYear = try request.query("fiscal_year").map { text -> Int in
            guard let year = Int(text), (1900...9999).contains(year) else {
                throw APIError.badRequest("bad_fiscal_year", "fiscal_year は西暦の年度です（例 2025）",
                                          "fiscal_year is a four-digit year")
            }
            return year
        }
        return LedgerFilter(municipality: request.query("municipality"), fiscalYear: fiscalYear,
                            kind: try request.enumQuery("kind", code: "unknown_kind"),
                            status: try request.enumQuery("status", code: "bad_status"), caseID: request.query("case_id"))
    }
}

/// The 発番簿 as CSV for Excel, quoted and guarded as `SpreadsheetCSV` says.
enum LedgerCSV {
    static let header = ["id", "文書番号", "市区町村", "年度", "種類", "ケースID", "日付", "SHA-256", "状態",
                         "引用した勧奨", "備考", "決裁者", "取消理由", "取消日時", "取消者", "発行日時", "発行者"]

    static func bytes(_ entries: [LedgerEntry]) -> [UInt8] {
        var text = line(header)
        for e in entries {
            var notes: [String] = []
            if e.preLedger { notes.append("台帳外の番号") }
            if e.citesPreLedger { notes.append("台帳外の勧奨を引用") }
            text += line([String(e.id), e.number, e.municipality, "\(e.fiscalYear)年度", e.kind.title, e.caseID, e.date,
                          e.sha256, e.status == .issued ? "発行済" : "取消", e.citesNumber ?? "", notes.joined(separator: "・"),
                          e.approvedBy ?? "", e.voidReason ?? "", e.voidedAt ?? "", e.voidedBy ?? "", e.issuedAt, e.account])
        }
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    static func line(_ cells: [String]) -> String {
        SpreadsheetCSV.line(cells)
    }
}

/// The audit log as CSV for `yorisoi audit export` (the access record a municipality's security
/// policy asks for): the same quoting and formula guard as the 発番簿's CSV.
public enum AuditCSV {
    static let header = ["id", "日時", "アカウント", "操作", "ケースID", "市区町村", "発番簿の行", "決裁", "詳細", "ハッシュ"]

    public static func bytes(_ rows: [AuditRow]) -> [UInt8] {
        var text = LedgerCSV.line(header)
        for r in rows {
            text += LedgerCSV.line([String(r.id), r.at, r.account, r.action, r.caseID ?? "", r.municipality ?? "",
                                    r.ledgerID.map(String.init) ?? "", r.approvalID.map(String.init) ?? "", r.detail ?? "", r.hash])
        }
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }
}
