import Foundation

/// Where a value stood in its source file: 1-based line and column.
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// The raw value tree of a case file, format-neutral (YAML, JSON, JSONL and CSV all load into it).
///
/// Scalars keep their source spelling where the meaning depends on the reader: dates stay strings
/// ("2025-01-17", "2025-04") and are interpreted by the typed `Case`, never by the loader.
public indirect enum CaseValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int)
    case double(Double)
    case string(String)
    case array([CaseNode])
    /// Members in source order; keys are unique (the loader reports duplicates).
    case object([CaseMember])
}

/// A value with the position it came from (nil for values made in code).
public struct CaseNode: Sendable, Hashable {
    public var value: CaseValue
    public var position: SourcePosition?

    public init(_ value: CaseValue, at position: SourcePosition? = nil) {
        self.value = value
        self.position = position
    }
}

public struct CaseMember: Sendable, Hashable {
    public var key: String
    public var keyPosition: SourcePosition?
    public var node: CaseNode

    public init(key: String, keyPosition: SourcePosition? = nil, node: CaseNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.node = node
    }
}

extension CaseNode {
    /// The member named `key` of an object, or nil.
    public subscript(key: String) -> CaseNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.node
    }

    /// The element at `index` of an array, or nil.
    public subscript(index: Int) -> CaseNode? {
        guard case .array(let items) = value, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// Follows an RFC 6901 JSON Pointer ("/plan/supports/0/service"); "" is the node itself.
    public func resolve(pointer: String) -> CaseNode? {
        if pointer.isEmpty { return self }
        guard pointer.hasPrefix("/") else { return nil }
        var node: CaseNode? = self
        for raw in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let token = raw.jsonPointerUnescaped
            guard let current = node else { return nil }
            if case .array = current.value {
                guard let index = Int(token) else { return nil }
                node = current[index]
            } else {
                node = current[token]
            }
        }
        return node
    }

    /// The text of a scalar as it would be printed; nil for null, arrays and objects.
    public var scalarText: String? {
        switch value {
        case .string(let s): return s
        case .integer(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return b ? "true" : "false"
        case .null, .array, .object: return nil
        }
    }
}

extension String {
    /// Escapes one JSON Pointer reference token (RFC 6901).
    ///
    /// Called for every key of every case loaded and every field validated: almost no key holds
    /// "~" or "/", and Foundation's `replacingOccurrences` on every one was 4% of a batch's time.
    public var jsonPointerEscaped: String {
        guard utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return self }
        return replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}

extension StringProtocol {
    /// One JSON Pointer reference token unescaped (RFC 6901: "~1" → "/", then "~0" → "~").
    public var jsonPointerUnescaped: String {
        guard utf8.contains(UInt8(ascii: "~")) else { return String(self) }
        return replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }
}
