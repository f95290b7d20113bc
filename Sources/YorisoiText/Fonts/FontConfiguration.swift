import Foundation
import Yams
import YorisoiYAML

/// `Fonts/fonts.yaml` as written: families, the files behind them and where to look for files.
public struct FontConfiguration: Sendable {
    public struct FontFile: Sendable {
        public var file: String
        /// The Debian package that installs the file, named in the error when it is missing.
        public var package: String
        /// Load on first use instead of at start-up (for the big fallback font).
        public var lazy: Bool?

        public init(file: String, package: String, lazy: Bool? = nil) {
            self.file = file
            self.package = package
            self.lazy = lazy
        }
    }

    public var version: Int
    public var searchPaths: [String]
    public var fonts: [String: FontFile]
    public var families: [String: [String]]

    public static func load(from url: URL) throws -> FontConfiguration {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw FontConfigurationError.unreadable(file: url.path)
        }
        let node: Node?
        do { node = try YAMLCompose.node(text) } catch {
            throw FontConfigurationError.malformed(file: url.path, reason: "\(error)")
        }
        let configuration = try FontConfiguration(node, file: url.path)
        try configuration.check(file: url.path)
        return configuration
    }

    /// Read from Yams' node tree rather than through `YAMLDecoder`: Codable's run-time type
    /// lookups cost a cold `render` more than the parse itself (5% of it, issue #24's profile).
    init(_ node: Node?, file: String) throws {
        func malformed(_ reason: String) -> FontConfigurationError { .malformed(file: file, reason: reason) }
        guard let root = node?.mapping else { throw malformed("the file must be a mapping") }
        guard let version = root[text: "version"]?.string.flatMap({ Int($0) }) else {
            throw malformed("version must be an integer")
        }
        guard let paths = root[text: "search_paths"]?.sequence, case let searchPaths = paths.compactMap(\.string),
              searchPaths.count == paths.count else { throw malformed("search_paths must be a list of folders") }
        guard let fontNodes = root[text: "fonts"]?.mapping else { throw malformed("fonts must be a mapping") }
        var fonts: [String: FontFile] = [:]
        for (key, value) in fontNodes {
            guard let name = key.string, let entry = value.mapping,
                  let file = entry[text: "file"]?.string, let package = entry[text: "package"]?.string else {
                throw malformed("fonts.\(key.string ?? "?") needs a file and a package")
            }
            var lazy: Bool?
            if let flag = entry[text: "lazy"] {
                guard let text = flag.scalar?.string, let value = YAMLCoreScalar.bool(text) else {
                    throw malformed("fonts.\(name).lazy must be true or false")
                }
                lazy = value
            }
            fonts[name] = FontFile(file: file, package: package, lazy: lazy)
        }
        guard let familyNodes = root[text: "families"]?.mapping else { throw malformed("families must be a mapping") }
        var families: [String: [String]] = [:]
        for (key, value) in familyNodes {
            guard let name = key.string, let members = value.sequence,
                  case let names = members.compactMap(\.string), names.count == members.count else {
                throw malformed("families.\(key.string ?? "?") must be a list of font names")
            }
            families[name] = names
        }
        self.init(version: version, searchPaths: searchPaths, fonts: fonts, families: families)
    }

    public init(version: Int, searchPaths: [String], fonts: [String: FontFile], families: [String: [String]]) {
        self.version = version
        self.searchPaths = searchPaths
        self.fonts = fonts
        self.families = families
    }

    /// Every family names known fonts and has at least one.
    func check(file: String) throws {
        guard version == 1 else { throw FontConfigurationError.malformed(file: file, reason: "version must be 1") }
        for (family, members) in families {
            guard !members.isEmpty else {
                throw FontConfigurationError.malformed(file: file, reason: "family '\(family)' lists no fonts")
            }
            for member in members where fonts[member] == nil {
                throw FontConfigurationError.malformed(file: file, reason: "family '\(family)' names unknown font '\(member)'")
            }
        }
    }
}

public enum FontConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(file: String)
    case malformed(file: String, reason: String)
    case missingFont(name: String, file: String, package: String)
    case unknownFamily(String)

    public var description: String {
        switch self {
        case .unreadable(let file):
            return "\(file): フォント設定を読み込めません (cannot read the font configuration)"
        case .malformed(let file, let reason):
            return "\(file): フォント設定が不正です (malformed font configuration): \(reason)"
        case .missingFont(let name, let file, let package):
            return "フォント \(name) (\(file)) が見つかりません。Debian パッケージ \(package) をインストールしてください (font not found: apt-get install \(package))"
        case .unknownFamily(let family):
            return "未定義のフォントファミリーです (unknown font family): \(family)"
        }
    }
}

private extension Node.Mapping {
    /// The value under the key whose text is `key`. (Yams' own `mapping["key"]` makes a `Node`
    /// with the default resolver, whose seven regular expressions every process would compile.)
    subscript(text key: String) -> Node? {
        first { $0.key.scalar?.string == key }?.value
    }
}
