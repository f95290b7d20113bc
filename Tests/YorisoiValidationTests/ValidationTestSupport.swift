import Foundation
import TestSupport
import YorisoiCase
import YorisoiText
import YorisoiValidation

/// A Templates root with just the profile folders the samples and fixtures need (the real
/// profiles are another module's work and may change independently).
enum TemporaryTemplates {
    static let codes = ["122297", "045012", "082244", "990019"]

    static func make() throws -> URL {
        let root = try TestPaths.makeTemporaryDirectory("templates")
        for code in codes {
            let folder = root.appendingPathComponent("\(code)-test", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("code: \"\(code)\"\n".utf8).write(to: folder.appendingPathComponent("municipality.yaml"))
        }
        return root
    }
}

/// Coverage that lacks a given set of code points; variation selectors always combine.
struct FakeCoverage: GlyphCoverage {
    var missing: Set<UInt32>

    func uncovered(in text: String) -> [UncoveredCharacter] {
        text.unicodeScalars.enumerated().compactMap { offset, scalar in
            guard missing.contains(scalar.value) || PrivateUseArea.contains(scalar.value) else { return nil }
            return UncoveredCharacter(codePoint: scalar.value, offset: offset,
                                      isPrivateUse: PrivateUseArea.contains(scalar.value))
        }
    }
}

enum Validate {
    static func yaml(_ text: String, kind: DocumentKind, context: ValidationContext = ValidationContext()) -> [Diagnostic] {
        let loaded = CaseLoader().load(data: Data(text.utf8), format: .yaml, displayName: "case.yaml")
        return loaded.flatMap { Validator().validate($0, kind: kind, context: context) }
    }

    static func file(_ url: URL, kind: DocumentKind, context: ValidationContext) -> [Diagnostic] {
        CaseLoader().load(contentsOf: url).flatMap { Validator().validate($0, kind: kind, context: context) }
    }
}
