import Foundation
import YorisoiCase

/// The check items of the アセスメントシート, grouped by domain: what every agency answers
/// はい／いいえ／不明. Kept as data (`assessment-items.yaml`) so a municipality can replace it;
/// case files name items by `id`, templates print `label`.
public struct AssessmentCatalogue: Sendable, Hashable {
    public struct Domain: Sendable, Hashable {
        public var id: String
        public var label: String
        public var items: [Item]

        public init(id: String, label: String, items: [Item]) {
            self.id = id
            self.label = label
            self.items = items
        }
    }

    public struct Item: Sendable, Hashable {
        public var id: String
        public var label: String

        public init(id: String, label: String) {
            self.id = id
            self.label = label
        }
    }

    public static let fileName = "assessment-items.yaml"

    public var title: String?
    public var domains: [Domain]

    public init(title: String? = nil, domains: [Domain]) {
        self.title = title
        self.domains = domains
    }

    /// The domain an item belongs to, by item id.
    public func domain(ofItem id: String) -> Domain? {
        domains.first { $0.items.contains { $0.id == id } }
    }

    public func contains(item id: String) -> Bool {
        domain(ofItem: id) != nil
    }

    /// The catalogue a municipality uses: its own folder's file, else the national one; nil when
    /// neither exists. Broken files are errors (exit 2), never silently skipped.
    public static func file(municipalityFolder: URL?, templatesRoot: URL) -> URL? {
        let candidates = [municipalityFolder?.appendingPathComponent(fileName),
                          templatesRoot.appendingPathComponent("national").appendingPathComponent(fileName)]
        return candidates.compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0.path) }
    }
}
