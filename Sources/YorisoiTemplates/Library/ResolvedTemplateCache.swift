import Foundation
import Synchronization

/// Resolved templates by file and municipality, so a process that renders many cases parses,
/// schema-checks and resolves each template once. Parsing a template with its RELAX NG check
/// cost about as much as laying out and writing a whole two-page plan; a batch paid it per case.
///
/// Templates do not change while a process runs; a failure is kept too, so every case of a
/// broken template gets the same error. Two threads missing at once both parse (the result is
/// the same), which keeps the lock out of the slow path.
final class ResolvedTemplateCache: Sendable {
    private struct Key: Hashable {
        var file: String
        var municipality: String
    }

    private let entries = Mutex<[Key: Result<ResolvedTemplate, TemplateError>]>([:])

    func resolved(file: URL, municipality: String,
                  _ make: () throws(TemplateError) -> ResolvedTemplate) throws(TemplateError) -> ResolvedTemplate {
        let key = Key(file: file.standardizedFileURL.path, municipality: municipality)
        if let cached = entries.withLock({ $0[key] }) { return try cached.get() }
        let result: Result<ResolvedTemplate, TemplateError>
        do { result = .success(try make()) } catch { result = .failure(error) }
        entries.withLock { $0[key] = result }
        return try result.get()
    }
}
