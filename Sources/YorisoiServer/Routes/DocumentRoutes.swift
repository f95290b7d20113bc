import Foundation
import Hummingbird
import Yorisoi

/// Templates, validate, render, packets and import: documents made from a request body and
/// nothing stored (CONTRACT §4, SERVER-API.md).
enum DocumentRoutes {
    static func register(on router: Router<YorisoiRequestContext>, _ dependencies: ServerDependencies) {
        let api = router.group("api/v1")
        let engine = dependencies.engine
        let limit = dependencies.configuration.maxBodyBytes

        api.get("templates") { _, context in
            try Response.encoded(engine.templates().filter { context.mayAccess($0.code) }.map(TemplateListingResponse.init))
        }

        api.post("validate") { request, context in
            let kind = try request.documentKind()
            let municipality = try request.municipalityOverride(engine)
            let bytes = try await request.bodyBytes(limit: limit)
            let format = request.caseFormat(of: bytes)
            // Parsed inside the gate, like a render (below); a municipality the query names is
            // checked first, so that it is refused without waiting for a slot.
            if let municipality { try context.requireActing(for: municipality) }
            let scope = context.scope
            let (diagnostics, caseID, acting) = try await dependencies.gate.run {
                let (loaded, acting) = try loadActing(engine, bytes, format: format, municipality: municipality, scope: scope)
                return (try engine.validate(loaded, kind: kind, municipality: municipality), loaded.typed?.id, acting)
            }
            try await dependencies.audit.append(account: context.account ?? "", action: "validate", caseID: caseID,
                                                municipality: acting)
            return try Response.encoded(ValidationResponse(diagnostics))
        }

        api.post("render") { request, context in
            let kind = try request.documentKind()
            let municipality = try request.municipalityOverride(engine)
            // A family copy (docs/family-copy.md): labels also in やさしい日本語 and this language.
            let familyCopy = try request.query("family_copy").map { code -> String in
                let known = try engine.familyCopyLanguages().map(\.code)
                guard known.contains(code) else {
                    throw APIError.badRequest("bad_family_copy", "family_copy は \(known.joined(separator: ", ")) のいずれかです",
                                              "family_copy must be one of \(known.joined(separator: ", "))")
                }
                return code
            }
            let ruby = try request.rubyOption()
            let bytes = try await request.bodyBytes(limit: limit)
            let format = request.caseFormat(of: bytes)
            // The body is parsed on the render thread that lays it out, inside the gate: parsed
            // on the request's task it was a third CPU-bound thread beside the two renders on two
            // cores, and the parsed case crossed threads into the render (issue #24: +4% documents/s
            // in paired runs). The caller's municipalities are checked there before any layout —
            // and here already when the query names the municipality, so that such a request is
            // refused 403 without waiting for a slot (or being answered 503 while they are taken).
            if let municipality { try context.requireActing(for: municipality) }
            let scope = context.scope
            let (outcome, caseID, acting, provider) = try await dependencies.gate.run {
                let (loaded, acting) = try loadActing(engine, bytes, format: format, municipality: municipality, scope: scope)
                return (try engine.render(loaded, kind: kind, municipality: municipality, familyCopy: familyCopy, ruby: ruby),
                        loaded.typed?.id, acting, loaded.typed?.providerBrief?.provider)
            }
            try await dependencies.audit.append(account: context.account ?? "", action: "render.\(kind.rawValue)", caseID: caseID,
                                                municipality: acting)
            guard let pdf = outcome.pdf else { throw APIError.invalidCase(outcome.diagnostics) }
            // A 事前共有 hands family data to a business: the audit names which one (issue #28).
            if kind == .providerBrief, let provider {
                try await dependencies.audit.append(account: context.account ?? "", action: "provider_brief", caseID: caseID,
                                                    municipality: acting, detail: provider)
            }
            return Response.bytes(pdf, contentType: "application/pdf")
        }

        api.post("packets") { request, context in
            // 配布番号 k / N on every page when copies > 1; the same bound as `yorisoi packet --copies`.
            let copies = try request.query("copies").map { text -> Int in
                guard let copies = Int(text), (1...200).contains(copies) else {
                    throw APIError.badRequest("bad_copies", "copies は 1 から 200 の整数です", "copies must be an integer from 1 to 200")
                }
                return copies
            } ?? 1
            let bytes = try await request.bodyBytes(limit: limit)
            let format = request.caseFormat(of: bytes)
            let meetingMunicipality: String? = {
                if case .string(let code)? = engine.load(bytes, format: format).root?["municipality"]?.value { return code }
                return nil
            }()
            try context.requireActing(for: meetingMunicipality)
            let outcome = try await dependencies.gate.run { try engine.packet(bytes, format: format, copies: copies) }
            for caseID in outcome.caseIDs {
                try await dependencies.audit.append(account: context.account ?? "", action: "packet", caseID: caseID,
                                                    municipality: meetingMunicipality)
            }
            guard let pdf = outcome.pdf else { throw APIError.invalidCase(outcome.diagnostics) }
            var response = Response.bytes(pdf, contentType: "application/pdf")
            response.headers[.yorisoiIncludedCases] = String(outcome.includedCases)
            response.headers[.yorisoiLeftOutCases] = String(outcome.leftOutCases)
            return response
        }

        // The meetings the packet builder knows, with its consent rule, so that the page warns
        // before building from the same rule instead of a copy of it.
        api.get("meeting-kinds") { _, _ in
            try Response.encoded(MeetingKindAnswer.all)
        }

        // The grades ruby can be set for (docs/ruby.md), for the page's select.
        api.get("ruby-grades") { _, _ in
            try Response.encoded(try engine.rubyGrades())
        }

        // The family copy's languages (docs/family-copy.md), for the page's select.
        api.get("family-copy-languages") { _, _ in
            try Response.encoded(try engine.familyCopyLanguages())
        }

        api.post("import") { request, context in
            let bytes = try await request.bodyBytes(limit: limit)
            let row = try request.positiveIntQuery("row", code: "bad_row") ?? 1
            let isCSV = (request.headers[.contentType] ?? "").lowercased().contains("csv")
            let format = request.caseFormat(of: bytes)
            let loaded = try await dependencies.gate.run { () throws -> LoadedCase in
                if isCSV {
                    guard let loaded = CaseInput.csvRow(bytes, row: row, name: "request") else {
                        throw APIError(.unprocessableContent, "no_such_row", "CSV に \(row) 行目のケースがありません",
                                       "the CSV has no case row \(row)")
                    }
                    return loaded
                }
                return engine.load(bytes, format: format)
            }
            try await dependencies.audit.append(account: context.account ?? "", action: "import", caseID: loaded.typed?.id)
            guard let root = loaded.root, !loaded.diagnostics.hasErrors else {
                throw APIError.invalidCase(loaded.diagnostics)
            }
            return Response.json(CaseJSON.encode(root))
        }
    }

    /// A body parsed inside the gate (see `render`) and the municipality it acts for — the
    /// query's, else the case's — which must be one of the caller's (403 otherwise).
    private static func loadActing(_ engine: DocumentEngine, _ bytes: [UInt8], format: CaseFormat,
                                   municipality: String?, scope: Set<String>?) throws -> (loaded: LoadedCase, acting: String?) {
        let loaded = engine.load(bytes, format: format)
        let acting = municipality ?? loaded.typed?.municipality
        try YorisoiRequestContext.requireActing(scope: scope, for: acting)
        return (loaded, acting)
    }
}
