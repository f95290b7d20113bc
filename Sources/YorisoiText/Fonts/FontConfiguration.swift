import Foundation
import Yams

/// `Fonts/fonts.yaml` as written: families, the files behind them and where to look for files.
public struct FontConfiguration: Sendable, Decodable {
    public struct FontFile: Sendable, Decodable {
        public var file: String
        /// The Debian package that installs the file, named in the error when it is missing.
        public var package: String
        /// Load on first use instead of at start-up (for the big fallback font).
        public var lazy: Bool?
    }

    public var version: Int
    public var searchPaths: [String]
    public var fonts: [String: FontFile]
    public var families: [String: [String]]

    enum CodingKeys: String, CodingKey {
        case version, fonts, families
        case searchPaths = "search_paths"
    }

    public static func load(from url: URL) throws -> FontConfiguration {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw FontConfigurationError.unreadable(file: url.path)
        }
        let configuration: FontConfiguration
        do { configuration = try YAMLDecoder().decode(FontConfiguration.self, from: text) } catch {
            throw FontConfigurationError.malformed(file: url.path, reason: "\(error)")
        }
        try configuration.check(file: url.path)
        return configuration
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
