import Foundation
import YorisoiTemplates

/// Where the validator finds the アセスメントシート item catalogue of a municipality. A capability
/// beside `MunicipalityDirectory`: a directory that cannot answer leaves item ids unchecked, as
/// the other absent parts of a `ValidationContext` skip their checks.
public protocol AssessmentCatalogueSource: Sendable {
    /// nil when the municipality has no catalogue and there is no national one.
    func assessmentCatalogue(forCode code: String) throws(TemplateError) -> AssessmentCatalogue?
}

extension TemplatesFolder: AssessmentCatalogueSource {
    public func assessmentCatalogue(forCode code: String) throws(TemplateError) -> AssessmentCatalogue? {
        guard let url = AssessmentCatalogue.file(municipalityFolder: profileFolder(forCode: code), templatesRoot: root) else {
            return nil
        }
        let display = [url.deletingLastPathComponent().lastPathComponent, url.lastPathComponent].joined(separator: "/")
        return try AssessmentCatalogueLoader.load(url, displayName: display)
    }
}
