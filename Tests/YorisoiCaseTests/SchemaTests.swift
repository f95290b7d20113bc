import Foundation
import Testing
import TestSupport
import YorisoiCase

@Suite struct SchemaTests {
    static let schemaURL = TestPaths.repositoryRoot.appendingPathComponent("schema/case.schema.json")

    static func loadSchema() throws -> CaseNode {
        let loaded = CaseLoader().load(contentsOf: schemaURL)
        return try #require(loaded.first?.root, "schema/case.schema.json must parse")
    }

    static var sampleFiles: [URL] {
        let folder = TestPaths.repositoryRoot.appendingPathComponent("samples/cases")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test func thereAreSamples() {
        #expect(Self.sampleFiles.count >= 8)
    }

    @Test(arguments: sampleFiles)
    func sampleConformsToPublishedSchema(_ url: URL) throws {
        let schema = JSONSchemaSubset(root: try Self.loadSchema())
        let sample = try #require(CaseLoader().load(contentsOf: url).first?.root)
        let errors = schema.errors(for: sample)
        #expect(errors.isEmpty, "\(url.lastPathComponent): \(errors)")
    }

    @Test func schemaCheckerRejectsWhatItShould() throws {
        let schema = JSONSchemaSubset(root: try Self.loadSchema())
        let bad = try #require(CaseLoader().load(
            data: Data(#"{"version": 2, "municipality": "12229", "plan": {"satisfaction": 101, "intnet": {}}}"#.utf8),
            format: .json, displayName: "bad.json").first?.root)
        let errors = schema.errors(for: bad)
        #expect(errors.contains { $0.hasPrefix("/version") })
        #expect(errors.contains { $0.hasPrefix("/municipality") })
        #expect(errors.contains { $0.hasPrefix("/plan/satisfaction") })
        #expect(errors.contains { $0.hasPrefix("/plan/intnet") })
    }

    /// The schema and the loader's shape name the same keys at every level, so neither can
    /// gain a field the other does not know.
    @Test func schemaAndLoaderShapeHaveTheSameKeys() throws {
        let schema = try Self.loadSchema()
        var mismatches: [String] = []
        compare(CaseShape.root, schema, in: schema, pointer: "", mismatches: &mismatches)
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    private func compare(_ shape: FieldShape, _ schema: CaseNode, in root: CaseNode, pointer: String,
                         mismatches: inout [String]) {
        let schema = resolved(schema, in: root)
        let properties: CaseNode?
        if let direct = schema.object("properties") {
            properties = direct
        } else {
            // anyOf [..., {type: object, properties}] for text-or-object goals.
            properties = schema.list("anyOf").map { resolved($0, in: root) }.compactMap { $0.object("properties") }.first
        }
        switch shape {
        case .object(let specs), .textOrObject(let specs):
            guard let properties, case .object(let members) = properties.value else {
                mismatches.append("\(pointer): schema has no properties")
                return
            }
            let schemaKeys = Set(members.map(\.key)), shapeKeys = Set(specs.map(\.key))
            if schemaKeys != shapeKeys {
                mismatches.append("\(pointer): schema \(schemaKeys.subtracting(shapeKeys).sorted()) vs loader \(shapeKeys.subtracting(schemaKeys).sorted())")
            }
            for spec in specs {
                if let child = properties[spec.key] {
                    compare(spec.shape, child, in: root, pointer: pointer + "/" + spec.key, mismatches: &mismatches)
                }
            }
        case .list(let element):
            if let items = schema["items"] {
                compare(element, items, in: root, pointer: pointer + "/*", mismatches: &mismatches)
            } else {
                mismatches.append("\(pointer): schema has no items")
            }
        default:
            break
        }
    }

    private func resolved(_ schema: CaseNode, in root: CaseNode) -> CaseNode {
        if let ref = schema.text("$ref"), let target = root.resolve(pointer: String(ref.dropFirst())) { return target }
        return schema
    }
}
