import YorisoiTemplates
public import YorisoiText

/// Which texts of a document take ruby, and for which reader (docs/ruby.md).
public struct RubyPlan: Sendable {
    public enum Scope: Sendable, Hashable {
        /// Where the template says `ruby="true"` (a こども版 says it for the whole sheet).
        case template
        /// Everywhere (`render --ruby`), except where the template says `ruby="false"`.
        case everywhere
    }

    public var scope: Scope
    public var request: RubyRequest

    public init(scope: Scope, request: RubyRequest) {
        self.scope = scope
        self.request = request
    }

    /// The request for text in `style` (the template's style with everything inherited), or nil.
    func request(for style: TemplateTextStyle) -> RubyRequest? {
        switch scope {
        case .template: return style.ruby == true ? request : nil
        case .everywhere: return style.ruby == false ? nil : request
        }
    }
}
