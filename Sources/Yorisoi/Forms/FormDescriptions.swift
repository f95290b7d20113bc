/// The façade's form operation: what the staff page draws its input form from, for one
/// municipality and kind — the schema's sections and labels (`FormCatalogue`), the check lists
/// the municipality's template prints, and 「（必須）」 where the validation rules refuse an empty
/// value (`RequiredFields`). The server hands this out as it is; it never walks a template itself.
public final class FormDescriptions: Sendable {
    /// The sections of the case file's schema (`schema/case.schema.json`).
    public let catalogue: FormCatalogue
    let builder: FormDescriptionBuilder
    let required: RequiredFields

    /// Why there is no form for a municipality and kind.
    public typealias Failure = FormDescriptionBuilder.Failure

    /// The forms of the engine's templates, with the schema under the engine's resources.
    public init(engine: YorisoiEngine) throws(FormCatalogue.Failure) {
        catalogue = try FormCatalogue(root: engine.resources.root)
        builder = FormDescriptionBuilder(library: engine.renderer.templates, catalogue: catalogue)
        required = RequiredFields(engine: engine)
    }

    /// The form for `kind` in `municipality`'s templates, its required fields marked.
    public func description(municipality: String, kind: String) throws(Failure) -> FormDescription {
        required.mark(try builder.description(municipality: municipality, kind: kind))
    }

    /// The document's name as the engine's messages write it (利用勧奨通知書 …), nil for an unknown kind.
    public static func title(of kind: String) -> String? {
        FormCatalogue.title(of: kind)
    }
}
