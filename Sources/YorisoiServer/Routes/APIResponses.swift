import Foundation
import Yorisoi

// The JSON bodies of the API, as Codable types (`Response.encoded`). An optional the API
// documents as `null` is written as null, not left out: each type with one encodes itself so.
// A case itself is echoed by `CaseJSON`, in its own key order, which an encoder does not keep.

/// `GET /healthz`.
struct HealthResponse: Encodable {
    var status = "ok"
}

/// CONTRACT §4's error body: `{"error": {"code", "message", "message_en"}}`.
struct ErrorResponse: Encodable {
    struct Body: Encodable {
        var code: String
        var message: String
        var messageEN: String

        enum CodingKeys: String, CodingKey {
            case code, message
            case messageEN = "message_en"
        }
    }

    var error: Body
}

/// One municipality of `GET /api/v1/templates`: its kinds and their names (the page names
/// documents from here, not from a list of its own).
struct TemplateListingResponse: Encodable {
    var municipality: String
    var name: String
    var kinds: [String]
    var titles: [String: String]

    init(_ listing: MunicipalityListing) {
        municipality = listing.code
        name = listing.name
        kinds = listing.kinds.map(\.kind)
        titles = [:]
        for kind in listing.kinds { titles[kind.kind] = FormDescriptions.title(of: kind.kind) }
    }
}

/// A diagnostic as CONTRACT §1's object.
struct DiagnosticResponse: Encodable {
    var diagnostic: Diagnostic

    enum CodingKeys: String, CodingKey {
        case severity, code, path, line, column, message
        case messageEN = "message_en"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(diagnostic.severity.rawValue, forKey: .severity)
        try container.encode(diagnostic.code.rawValue, forKey: .code)
        try container.encode(diagnostic.path, forKey: .path)
        try container.encode(diagnostic.line, forKey: .line)
        try container.encode(diagnostic.column, forKey: .column)
        try container.encode(diagnostic.message, forKey: .message)
        try container.encode(diagnostic.messageEN, forKey: .messageEN)
    }
}

/// `POST /api/v1/validate`.
struct ValidationResponse: Encodable {
    var ok: Bool
    var diagnostics: [DiagnosticResponse]

    init(_ diagnostics: [Diagnostic]) {
        ok = !diagnostics.hasErrors
        self.diagnostics = diagnostics.map(DiagnosticResponse.init)
    }
}

/// A row of the case list (and of a search, with `consented`): ids, category, review and
/// times — never a name.
struct CaseSummaryResponse: Encodable {
    var summary: SavedCaseSummary
    /// Only in a search: whether the case records consent (null when it says nothing).
    var consented: Bool?? = nil

    enum CodingKeys: String, CodingKey {
        case id, municipality, category, review, version, consented
        case updatedAt = "updated_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(summary.id, forKey: .id)
        try container.encode(summary.municipality, forKey: .municipality)
        try container.encode(summary.category, forKey: .category)
        try container.encode(summary.review, forKey: .review)
        try container.encode(summary.version, forKey: .version)
        try container.encode(summary.updatedAt, forKey: .updatedAt)
        if let consented { try container.encode(consented, forKey: .consented) }
    }
}

/// A row of `GET /api/v1/cases/{id}/versions`.
struct CaseVersionResponse: Encodable {
    var version: Int
    var savedAt: String
    var account: String

    enum CodingKeys: String, CodingKey {
        case version, account
        case savedAt = "saved_at"
    }
}

/// The answer to a save: the case's id and the version it became.
struct SavedCaseResponse: Encodable {
    var id: String
    var version: Int
}

/// A draft without its content (`GET /api/v1/drafts`, and the answer to a `PUT`).
struct DraftSummaryResponse: Encodable {
    var draft: Draft

    enum CodingKeys: String, CodingKey {
        case key, municipality, kind
        case baseVersion = "base_version", savedAt = "saved_at"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(draft.key, forKey: .key)
        try container.encode(draft.municipality, forKey: .municipality)
        try container.encode(draft.kind.rawValue, forKey: .kind)
        try container.encode(draft.baseVersion, forKey: .baseVersion)
        try container.encode(draft.savedAt, forKey: .savedAt)
    }
}

/// The current session (`GET /api/v1/session`, the JSON answer to a login). With the request's
/// context also the role and the municipalities (null: every one), so the page offers only
/// what the account may do; the server checks every request anyway.
struct SessionResponse: Encodable {
    var account: String
    var expiresAt: String
    var idleExpiresAt: String
    var csrfToken: String
    /// The page restarts its own idle clock from this after every answer from the server (each
    /// request restarts the server's), instead of trusting a time computed once at load.
    var idleTimeoutSeconds: Int
    var role: AccountRole?
    var municipalities: [String]?
    /// Only in the answer to a JSON login: the bearer for programs.
    var token: String?
    var hasContext: Bool

    enum CodingKeys: String, CodingKey {
        case account, role, municipalities, token
        case expiresAt = "expires_at", idleExpiresAt = "idle_expires_at", csrfToken = "csrf_token"
        case idleTimeoutSeconds = "idle_timeout_seconds"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(account, forKey: .account)
        try container.encode(expiresAt, forKey: .expiresAt)
        try container.encode(idleExpiresAt, forKey: .idleExpiresAt)
        try container.encode(csrfToken, forKey: .csrfToken)
        try container.encode(idleTimeoutSeconds, forKey: .idleTimeoutSeconds)
        if hasContext {
            try container.encode(role?.rawValue, forKey: .role)
            try container.encode(municipalities, forKey: .municipalities)
        }
        try container.encodeIfPresent(token, forKey: .token)
    }
}
