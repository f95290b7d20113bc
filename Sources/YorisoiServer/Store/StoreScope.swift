/// The municipalities the current request may see, carried as a task-local value from
/// `AuthenticationMiddleware` down to the store. The routes check access themselves; a store
/// with row-level security (PostgreSQL) applies the same scope again in the database, so a route
/// that forgot its check still sees no other municipality's rows. Work that is no request's
/// (start-up, `yorisoi audit verify`, the audit writer) runs with `.all`.
public enum StoreScope: Sendable, Hashable {
    case all
    case only(Set<String>)

    @TaskLocal public static var current: StoreScope = .all

    /// The value of the `yorisoi.municipalities` setting the row-level security policies read:
    /// `*` for every municipality, else the codes joined with commas (a code holds no comma).
    public var setting: String {
        switch self {
        case .all: "*"
        case .only(let codes): codes.sorted().joined(separator: ",")
        }
    }
}
