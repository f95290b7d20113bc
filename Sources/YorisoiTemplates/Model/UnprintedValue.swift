/// A case value a form deliberately does not print, declared in the template with the reason
/// (`<unprinted><value path="family" reason="…"/></unprinted>`). The coverage tests accept a
/// missing value only when it is declared here, and `validate`/`render` warn (W120) for each
/// filled value a declaration covers, so staff know before they hand the form over.
public struct UnprintedValue: Sendable, Hashable {
    public var path: CasePathPattern
    public var reason: String
    /// `except-index`: a case path holding a list index; the item at that index is printed and
    /// not covered (a notice prints the guardian `recommendation.addressee` names, no other).
    public var exceptIndex: CasePathPattern?
    public var location: TemplateLocation

    public init(path: CasePathPattern, reason: String, exceptIndex: CasePathPattern? = nil, location: TemplateLocation) {
        self.path = path
        self.reason = reason
        self.exceptIndex = exceptIndex
        self.location = location
    }
}

/// A dotted case path with list steps: `family`, `plan.actions`, `guardians[1:]` (every guardian
/// after the first), `plan.supports[].status` (the status of every support). A pattern covers a
/// value when it names the value or one of its parents.
public struct CasePathPattern: Sendable, Hashable, CustomStringConvertible {
    public enum Step: Sendable, Hashable {
        case key(String)
        /// List items from this index on (`[]` is `[0:]`).
        case items(from: Int)
    }

    public var steps: [Step]
    public let description: String

    /// Parses the pattern syntax; nil when it is not one.
    public init?(_ text: String) {
        var steps: [Step] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(part)
            let bracket = rest.firstIndex(of: "[") ?? rest.endIndex
            let key = rest[..<bracket]
            guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else { return nil }
            steps.append(.key(String(key)))
            rest = rest[bracket...]
            while !rest.isEmpty {
                guard rest.first == "[", let close = rest.firstIndex(of: "]") else { return nil }
                let inside = rest[rest.index(after: rest.startIndex)..<close]
                if inside.isEmpty {
                    steps.append(.items(from: 0))
                } else if inside.hasSuffix(":"), let from = Int(inside.dropLast()), from >= 0 {
                    steps.append(.items(from: from))
                } else {
                    return nil
                }
                rest = rest[rest.index(after: close)...]
            }
        }
        guard !steps.isEmpty else { return nil }
        self.steps = steps
        self.description = text
    }

    /// True when the value at `pointer` (JSON Pointer tokens, e.g. ["guardians", "1", "name"]) is
    /// this pattern's value or lies inside it.
    public func covers(_ pointer: [String]) -> Bool {
        guard pointer.count >= steps.count else { return false }
        for (step, token) in zip(steps, pointer) {
            switch step {
            case .key(let key):
                guard key == token else { return false }
            case .items(let from):
                guard let index = Int(token), index >= from else { return false }
            }
        }
        return true
    }

    /// Whether the step at `depth` admits `token` (its key, or a list index it takes); past the
    /// pattern's last step every token is admitted, as everything under a covered value is
    /// covered. `covers(pointer)` is this for every token of a pointer at least as long as the
    /// pattern.
    public func admits(_ token: String, at depth: Int) -> Bool {
        guard depth < steps.count else { return true }
        switch steps[depth] {
        case .key(let key): return key == token
        case .items(let from): return Int(token).map { $0 >= from } ?? false
        }
    }

    /// The index the pattern's first list step matches in `pointer`, if it has one.
    public func firstItemIndex(in pointer: [String]) -> Int? {
        for (step, token) in zip(steps, pointer) {
            if case .items = step { return Int(token) }
        }
        return nil
    }

    /// The JSON Pointer of a pattern without list steps (`recommendation.addressee`).
    public var plainPointer: String? {
        var tokens: [String] = []
        for step in steps {
            guard case .key(let key) = step else { return nil }
            tokens.append(key)
        }
        return "/" + tokens.joined(separator: "/")
    }

    /// `covers` for a JSON Pointer string (`/guardians/1/name`).
    public func covers(pointer: String) -> Bool {
        // Case keys are plain ASCII words, so no token needs its ~0/~1 escapes undone. Token by
        // token in place, stopping at the first that differs: a string per token for every
        // pointer a rule asked about was most of a plan's validation rules.
        var tokens = pointer.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true)[...]
        guard tokens.count >= steps.count else { return false }
        for step in steps {
            let token = tokens.removeFirst()
            switch step {
            case .key(let key):
                guard key.utf8.elementsEqual(token) else { return false }
            case .items(let from):
                guard let index = Int(Substring(token)), index >= from else { return false }
            }
        }
        return true
    }
}

extension Template {
    /// The values of a サポートプラン that no form may declare away: ①意向, ②課題 and
    /// ③支援の種類及び内容 (the three items the guideline makes mandatory).
    public static let mandatoryPlanValues: [[String]] = [
        ["plan", "intent", "child"], ["plan", "intent", "guardian"],
        ["plan", "issues", "0", "text"], ["plan", "issues", "1", "text"],
        ["plan", "supports", "0", "service"], ["plan", "supports", "0", "content"],
        ["plan", "supports", "1", "service"], ["plan", "supports", "1", "content"],
    ]

    /// The unprinted declaration that covers the value at `pointer`, if any.
    public func unprintedDeclaration(for pointer: String) -> UnprintedValue? {
        unprinted.first { $0.path.covers(pointer: pointer) }
    }
}
