import Foundation
import Hummingbird
import Yorisoi

/// The page's autosaved drafts (docs/web.md 「下書き」): `PUT /api/v1/drafts/{key}?kind=K&
/// municipality=C[&base_version=N]` with the case as JSON, `GET` to read one back, `DELETE` to
/// discard it, `GET /api/v1/drafts` for the account's list (keys and times, never content).
/// The key is a saved case's id or `new:plan`. Every draft belongs to the signed-in account
/// alone: another account's draft of the same case is a different row it never sees.
enum DraftRoutes {
    static func register(on router: Router<YorisoiRequestContext>, _ dependencies: ServerDependencies) {
        let drafts = router.group("api/v1/drafts")
        let store = dependencies.drafts
        let audit = dependencies.audit

        drafts.get { _, context in
            let list = try await store.drafts(account: context.account ?? "").filter { context.mayAccess($0.municipality) }
            return try Response.encoded(list.map(DraftSummaryResponse.init))
        }

        drafts.put(":key") { request, context in
            try context.require(.staff)
            let key = try draftKey(context)
            let kind = try request.documentKind()
            guard let municipality = try request.municipalityOverride(dependencies.engine) else {
                throw APIError.badRequest("missing_municipality", "municipality（市区町村コード）を指定してください",
                                          "the municipality query parameter is required")
            }
            try context.requireActing(for: municipality)
            let base = try request.positiveIntQuery("base_version", code: "bad_base_version")
            let bytes = try await request.bodyBytes(limit: dependencies.configuration.maxBodyBytes)
            // A draft may be incomplete or wrong (that is what drafts are for), but it must be a
            // case file the hardened loader reads: JSON, within the loader's limits.
            let loaded = dependencies.engine.load(bytes, format: .json)
            guard let root = loaded.root, case .object = root.value else {
                throw APIError.badRequest("bad_draft", "下書きは JSON のオブジェクトで送ってください", "a draft is a JSON object")
            }
            let saved = try await store.saveDraft(Draft(key: key, account: context.account ?? "", municipality: municipality,
                                                        kind: kind, baseVersion: base, body: Array(CaseJSON.encode(root).utf8)))
            return try Response.encoded(DraftSummaryResponse(draft: saved))
        }

        drafts.get(":key") { _, context in
            let key = try draftKey(context)
            guard let draft = try await store.draft(account: context.account ?? "", key: key) else { throw APIError.notFound }
            try context.requireAccess(draft.municipality)
            try await audit.append(account: context.account ?? "", action: "draft.read",
                                   caseID: key == DraftKey.newPlan ? nil : key, municipality: draft.municipality)
            return try Response.encoded(DraftSummaryResponse(draft: draft), withCase: draft.body)
        }

        drafts.delete(":key") { _, context in
            let key = try draftKey(context)
            guard try await store.deleteDraft(account: context.account ?? "", key: key) else { throw APIError.notFound }
            try await audit.append(account: context.account ?? "", action: "draft.discard",
                                   caseID: key == DraftKey.newPlan ? nil : key, municipality: nil)
            return Response(status: .noContent)
        }
    }

    /// `new:plan` (the page sends it percent-encoded, `new%3Aplan`), or a case id read as the
    /// case routes read one.
    static func draftKey(_ context: YorisoiRequestContext) throws -> String {
        if context.parameters.get("key")?.removingPercentEncoding == DraftKey.newPlan { return DraftKey.newPlan }
        return try CaseRoutes.caseID(context, parameter: "key")
    }
}
