import Foundation
import Hummingbird
import Yorisoi

/// Saved cases (SERVER-API.md): every save is a new version; nothing is overwritten or deleted.
/// The list carries ids and review dates only, never names.
enum CaseRoutes {
    static func register(on router: Router<YorisoiRequestContext>, _ dependencies: ServerDependencies) {
        let cases = router.group("api/v1/cases")
        let store = dependencies.cases
        let audit = dependencies.audit
        let limit = dependencies.configuration.maxBodyBytes

        cases.get { _, context in
            let list = try await store.list().filter { context.mayAccess($0.municipality) }
            try await audit.append(account: context.account ?? "", action: "cases.list", caseID: nil)
            return try Response.encoded(list.map { CaseSummaryResponse(summary: $0) })
        }

        cases.post("search") { request, context in
            let bytes = try await request.bodyBytes(limit: 16 << 10)
            let query: CaseSearch.Query
            do { query = try JSONDecoder().decode(CaseSearch.Query.self, from: Data(bytes)) } catch {
                throw APIError.badRequest("bad_search", "検索の条件は JSON のオブジェクト（q, municipality, fiscal_year, review_from, review_to）で送ってください",
                                          "the search is a JSON object: q, municipality, fiscal_year, review_from, review_to")
            }
            for month in [query.reviewFrom, query.reviewTo].compactMap({ $0 }) where CaseDate(iso: month)?.isYearMonth != true {
                throw APIError.badRequest("bad_search", "見直し時期の範囲は YYYY-MM で指定してください", "review_from and review_to are YYYY-MM")
            }
            if let municipality = query.municipality { try context.requireActing(for: municipality) }
            let search = CaseSearch(query: query)
            var found: [(SavedCaseSummary, Bool?)] = []
            for summary in try await store.list() where context.mayAccess(summary.municipality) {
                var facts: CaseSearch.Facts?
                var consented: Bool?
                if query.readsCases || search.matches(summary, nil) {
                    if let stored = try await store.version(id: summary.id, version: nil) {
                        let typed = dependencies.engine.load(stored.body, format: stored.format == "yaml" ? .yaml : .json).typed
                        facts = CaseSearch.Facts(name: typed?.child?.name, kana: typed?.child?.kana, created: typed?.created)
                        consented = typed?.consent?.agreed
                    }
                }
                if search.matches(summary, facts) { found.append((summary, consented)) }
            }
            // The conditions are not written anywhere: they may be a child's name.
            try await audit.append(account: context.account ?? "", action: "cases.search", caseID: nil)
            return try Response.encoded(found.map { summary, consented in CaseSummaryResponse(summary: summary, consented: .some(consented)) })
        }

        cases.post { request, context in
            try context.require(.staff)
            let (id, fields, bytes, format) = try await parsedCase(request, dependencies, limit: limit)
            try context.requireActing(for: fields.municipality)
            let version: Int
            do {
                version = try await store.create(id: id, fields: fields, body: bytes, format: format, account: context.account ?? "")
            } catch StoreError.conflict(let message) {
                throw APIError(.conflict, "case_exists", message, "a case with this id is already saved; PUT a new version")
            }
            try await audit.append(account: context.account ?? "", action: "case.create", caseID: id, municipality: fields.municipality)
            // The saved case replaces the account's draft of a new plan.
            _ = try await dependencies.drafts.deleteDraft(account: context.account ?? "", key: DraftKey.newPlan)
            return try saved(id, version, status: .created)
        }

        cases.get(":id") { request, context in
            let id = try caseID(context)
            let version = try request.positiveIntQuery("version", code: "bad_version")
            guard let stored = try await store.version(id: id, version: version) else { throw APIError.notFound }
            try context.requireAccess(stored.municipality)
            try await audit.append(account: context.account ?? "", action: "case.read", caseID: id, municipality: stored.municipality)
            return Response.json(try caseJSON(stored, dependencies))
        }

        cases.put(":id") { request, context in
            try context.require(.staff)
            let id = try caseID(context)
            // Another municipality's case does not exist for this caller; the new version must
            // also stay within the caller's municipalities.
            if let current = try await store.version(id: id, version: nil) { try context.requireAccess(current.municipality) }
            let (bodyID, fields, bytes, format) = try await parsedCase(request, dependencies, limit: limit)
            try context.requireActing(for: fields.municipality)
            guard bodyID == id else {
                throw APIError.badRequest("id_mismatch", "本文の id が URL のケースIDと違います", "the body's id differs from the URL's")
            }
            let base = try request.positiveIntQuery("base_version", code: "bad_base_version")
            let version: Int
            do {
                version = try await store.update(id: id, fields: fields, body: bytes, format: format, account: context.account ?? "",
                                                 baseVersion: base)
            } catch StoreError.notFound {
                throw APIError.notFound
            } catch StoreError.staleVersion(let latest) {
                var error = APIError(.conflict, "version_conflict",
                                     "この編集を始めた後に、第\(latest)版が保存されています。内容を見比べてから保存してください",
                                     "version \(latest) was saved after this edit started; compare before saving")
                error.headers[.latestVersion] = String(latest)
                throw error
            }
            try await audit.append(account: context.account ?? "", action: "case.update", caseID: id, municipality: fields.municipality)
            _ = try await dependencies.drafts.deleteDraft(account: context.account ?? "", key: id)
            return try saved(id, version, status: .ok)
        }

        cases.get(":id/versions") { _, context in
            let id = try caseID(context)
            let versions = try await store.versions(id: id)
            guard let latest = versions.last else { throw APIError.notFound }
            try context.requireAccess(latest.municipality)
            try await audit.append(account: context.account ?? "", action: "case.versions", caseID: id, municipality: latest.municipality)
            return try Response.encoded(versions.map { CaseVersionResponse(version: $0.version, savedAt: $0.savedAt, account: $0.account) })
        }

        cases.get(":id/export") { _, context in
            let id = try caseID(context)
            guard let stored = try await store.version(id: id, version: nil) else { throw APIError.notFound }
            try context.requireAccess(stored.municipality)
            try await audit.append(account: context.account ?? "", action: "case.export", caseID: id, municipality: stored.municipality)
            let yaml: [UInt8]
            if stored.format == "yaml" {
                yaml = stored.body
            } else {
                guard let root = dependencies.engine.load(stored.body, format: .json).root else { throw APIError.notFound }
                yaml = Array(try CaseJSON.yaml(root).utf8)
            }
            var response = Response.bytes(yaml, contentType: "application/yaml; charset=utf-8")
            response.headers[.contentDisposition] = "attachment; filename=\"\(fileName(id)).yaml\""
            return response
        }
    }

    /// The path's id, percent-decoded exactly once: Hummingbird hands over the raw segment
    /// (`%E8%A2%96-0042` for 袖-0042), and decoding again would turn a literal `%41` in an id
    /// into `A`. Malformed escapes are 400; an id that breaks the case-id rule (a `/` sent as
    /// `%2F` included) is 422 with the rule, as on a save.
    static func caseID(_ context: YorisoiRequestContext, parameter: String = "id") throws -> String {
        guard let raw = context.parameters.get(parameter), !raw.isEmpty else { throw APIError.notFound }
        guard let id = raw.removingPercentEncoding else {
            throw APIError.badRequest("bad_id_encoding", "URL のケースIDの % エンコードが正しくありません",
                                      "the case id in the URL is not valid percent-encoded UTF-8")
        }
        if let problem = CaseIDs.problem(id) { throw APIError.invalidCase([problem]) }
        return id
    }

    /// An id made safe for a Content-Disposition file name.
    static func fileName(_ id: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        return String(id.map { allowed.contains($0) ? $0 : "_" })
    }

    /// The body through the hardened loader; 422 when it does not parse or has no usable id.
    static func parsedCase(_ request: Request, _ dependencies: ServerDependencies, limit: Int) async throws
        -> (String, SavedCaseFields, [UInt8], String) {
        let bytes = try await request.bodyBytes(limit: limit)
        let format = request.caseFormat(of: bytes)
        let loaded = dependencies.engine.load(bytes, format: format)
        guard loaded.root != nil, let typed = loaded.typed, !loaded.diagnostics.hasErrors else {
            throw APIError.invalidCase(loaded.diagnostics)
        }
        // The same rule (and words) as validate, render and batch, from the façade.
        if let problem = CaseIDs.problem(typed.id, at: loaded.root?["id"]?.position) {
            throw APIError.invalidCase([problem])
        }
        guard let id = typed.id else { throw APIError.invalidCase(loaded.diagnostics) }
        let fields = SavedCaseFields(municipality: typed.municipality, category: typed.category?.rawValue,
                                     review: typed.plan?.review?.description)
        return (id, fields, bytes, format == .yaml ? "yaml" : "json")
    }

    static func caseJSON(_ stored: SavedCaseVersion, _ dependencies: ServerDependencies) throws -> String {
        let loaded = dependencies.engine.load(stored.body, format: stored.format == "yaml" ? .yaml : .json)
        guard let root = loaded.root else { throw APIError.notFound }
        return CaseJSON.encode(root)
    }

    static func saved(_ id: String, _ version: Int, status: HTTPResponse.Status) throws -> Response {
        try Response.encoded(SavedCaseResponse(id: id, version: version), status: status)
    }
}
