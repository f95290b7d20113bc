import Foundation
import Hummingbird
import YorisoiCase

/// The 発番簿: list (JSON, or CSV for Excel), the issued PDF byte for byte, and 取消.
enum LedgerRoutes {
    static func register(on router: Router<YorisoiRequestContext>, _ dependencies: ServerDependencies) {
        let ledger = router.group("api/v1/ledger")

        ledger.get { request, context in
            let fiscalYear = try request.query("fiscal_year").map { text -> Int in
                guard let year = Int(text), (1900...9999).contains(year) else {
                    throw APIError.badRequest("bad_fiscal_year", "fiscal_year は西暦の年度です（例 2025）",
                                              "fiscal_year is a four-digit year")
                }
                return year
            }
            let entries = try await dependencies.ledger.entries(municipality: request.query("municipality"),
                                                                fiscalYear: fiscalYear)
            try await dependencies.audit.append(account: context.account ?? "", action: "ledger.list", caseID: nil)
            if (request.headers[.accept] ?? "").lowercased().contains("text/csv") {
                var response = Response.bytes(LedgerCSV.bytes(entries), contentType: "text/csv; charset=utf-8")
                response.headers[.contentDisposition] = "attachment; filename=\"ledger.csv\""
                return response
            }
            return Response.json(JSONObject.array(entries.map(json)))
        }

        ledger.get(":id/pdf") { request, context in
            let id = try entryID(context)
            guard let entry = try await dependencies.ledger.entry(id: id),
                  let pdf = try await dependencies.ledger.pdf(id: id) else { throw APIError.notFound }
            try await dependencies.audit.append(account: context.account ?? "", action: "ledger.pdf", caseID: entry.caseID)
            var response = Response.bytes(pdf, contentType: "application/pdf")
            response.headers[.eTag] = "\"\(entry.sha256)\""
            response.headers.setDocumentNumber(entry.number)
            return response
        }

        ledger.post(":id/void") { request, context in
            let id = try entryID(context)
            let bytes = try await request.bodyBytes(limit: 64 << 10)
            guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
                  let reason = (object["reason"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines),
                  !reason.isEmpty, reason.count <= 2000 else {
                throw APIError.badRequest("reason_required", "取消の理由（reason）を書いてください",
                                          "a JSON body with a non-empty \"reason\" (at most 2000 characters) is required")
            }
            let entry: LedgerEntry
            do {
                entry = try await dependencies.ledger.void(id: id, reason: reason, account: context.account ?? "")
            } catch StoreError.notFound {
                throw APIError.notFound
            } catch StoreError.alreadyVoided {
                throw APIError(.conflict, "already_voided", "すでに取り消されています", "already voided")
            }
            try await dependencies.audit.append(account: context.account ?? "", action: "ledger.void", caseID: entry.caseID)
            return Response.json(json(entry))
        }
    }

    static func entryID(_ context: YorisoiRequestContext) throws -> Int64 {
        guard let text = context.parameters.get("id"), let id = Int64(text), id > 0 else { throw APIError.notFound }
        return id
    }

    static func json(_ entry: LedgerEntry) -> String {
        var object = JSONObject()
        object.add("id", Int(entry.id))
        object.add("number", entry.number)
        object.add("municipality", entry.municipality)
        object.add("fiscal_year", entry.fiscalYear)
        object.add("kind", entry.kind)
        object.add("case_id", entry.caseID)
        object.add("date", entry.date)
        object.add("sha256", entry.sha256)
        object.add("status", entry.status)
        object.add("void_reason", entry.voidReason)
        object.add("voided_at", entry.voidedAt)
        object.add("issued_at", entry.issuedAt)
        object.add("account", entry.account)
        return object.text
    }
}

/// The 発番簿 as CSV for Excel: UTF-8 with a BOM (Excel reads it as UTF-8 then), CRLF, every
/// cell quoted, and a cell that starts with = + - @ (or tab/CR) prefixed with ' so Excel shows
/// it as text instead of running it as a formula.
enum LedgerCSV {
    static let header = ["id", "文書番号", "市区町村", "年度", "種類", "ケースID", "日付", "SHA-256", "状態",
                         "取消理由", "取消日時", "発行日時", "発行者"]

    static func bytes(_ entries: [LedgerEntry]) -> [UInt8] {
        var text = line(header)
        for e in entries {
            text += line([String(e.id), e.number, e.municipality, String(e.fiscalYear), e.kind, e.caseID, e.date,
                          e.sha256, e.status, e.voidReason ?? "", e.voidedAt ?? "", e.issuedAt, e.account])
        }
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    static func line(_ cells: [String]) -> String {
        cells.map { "\"" + neutralised($0).replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") + "\r\n"
    }

    static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        return "'" + cell
    }
}
