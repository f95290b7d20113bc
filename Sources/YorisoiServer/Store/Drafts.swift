import Foundation
import Yorisoi

/// Work in progress on the page, kept on the server (never in the browser's storage) so that a
/// session that ends, a reload, a crash or a slip of the hand on a menu link loses nothing: one
/// draft per account and case, replaced by every autosave and dropped once the case is saved.
/// A draft is not a record: it may be invalid, it is not versioned and it is not audited on
/// every autosave (only when read back or discarded).
public struct Draft: Sendable, Equatable {
    /// The saved case the draft edits, or `DraftKey.newPlan` for a plan not saved yet.
    public var key: String
    public var account: String
    public var municipality: String
    /// The document the form showed (`support-plan`, `measure`, …).
    public var kind: DocumentKind
    /// The version the edit started from; nil for a new plan.
    public var baseVersion: Int?
    /// The case as the page held it, JSON.
    public var body: [UInt8]
    public var savedAt: String

    public init(key: String, account: String, municipality: String, kind: DocumentKind, baseVersion: Int?, body: [UInt8], savedAt: String = "") {
        self.key = key
        self.account = account
        self.municipality = municipality
        self.kind = kind
        self.baseVersion = baseVersion
        self.body = body
        self.savedAt = savedAt
    }
}

public enum DraftKey {
    /// The key of the one unsaved new plan an account may have in progress. It holds a `:`,
    /// which the case-id rule refuses, so it never names a saved case.
    public static let newPlan = "new:plan"
}

public protocol DraftStore: Sendable {
    /// Replaces the account's draft for `draft.key`; answers it with its `savedAt`.
    func saveDraft(_ draft: Draft) async throws -> Draft
    func draft(account: String, key: String) async throws -> Draft?
    /// The account's drafts without their bodies' content (the list shows keys and times only).
    func drafts(account: String) async throws -> [Draft]
    /// True when there was one.
    func deleteDraft(account: String, key: String) async throws -> Bool
}
