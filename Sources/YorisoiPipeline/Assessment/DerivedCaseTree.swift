import Foundation
import YorisoiBinding
import YorisoiCase
import YorisoiTemplates

extension Renderer {
    /// The tree a template of `kind` is bound to: the case file's own tree, plus for the
    /// アセスメントシート the derived `assessment_view` (the municipality's item catalogue applied).
    /// Done here, after validation, so every path that renders — render, batch, packet, demo —
    /// binds the same data.
    func boundTree(_ root: CaseNode, of loaded: LoadedCase, kind: DocumentKind, municipality code: String) throws -> CaseNode {
        guard kind == .assessment else { return root }
        let catalogue: AssessmentCatalogue
        do {
            catalogue = try templates.assessmentCatalogue(municipality: code)
        } catch {
            throw PipelineError.template(error)
        }
        return AssessmentView(catalogue: catalogue).extending(root, assessment: loaded.typed?.assessment ?? Assessment())
    }
}

extension Renderer {
    /// The template kind of the 事務局's consolidated sheet (`render --kind assessment --merge`).
    public static let mergedAssessmentKind = "assessment-merged"

    /// The consolidated-sheet template municipality `code` uses: its own
    /// `assessment-merged.xml`, else the national one. nil when the municipality is unknown —
    /// validation then reports it (E206) before any template is needed.
    public func mergedAssessmentTemplate(municipality code: String?) throws -> URL? {
        guard let code, (try? templates.municipality(code)) != nil else { return nil }
        do {
            return try templates.templateURL(municipality: code, kind: Self.mergedAssessmentKind)
        } catch {
            throw PipelineError.template(error)
        }
    }
}
