import Foundation
import Synchronization

/// The fonts of one configuration, resolved to files and loaded at most once per process.
///
/// Files are located when the library is made, so a missing font fails at start-up with the
/// package to install; a `lazy` font is read from disk only when a text first needs it.
public final class FontLibrary: Sendable {
    public let configuration: FontConfiguration
    private let slots: [String: FontSlot]

    /// - Parameter fontPath: extra folders searched before the configured ones
    ///   (defaults to `$YORISOI_FONT_PATH`, colon-separated).
    public init(configuration: FontConfiguration,
                fontPath: [String] = FontLibrary.environmentFontPath()) throws {
        self.configuration = configuration
        let folders = fontPath + configuration.searchPaths
        var slots: [String: FontSlot] = [:]
        for (name, spec) in configuration.fonts {
            let found = folders.lazy
                .map { URL(fileURLWithPath: $0).appendingPathComponent(spec.file).path }
                .first { FileManager.default.fileExists(atPath: $0) }
            guard let path = found else {
                throw FontConfigurationError.missingFont(name: name, file: spec.file, package: spec.package)
            }
            slots[name] = FontSlot(name: name, path: path)
        }
        self.slots = slots
        // Eager fonts load now, so a broken or non-embeddable file is reported before any work.
        for (name, spec) in configuration.fonts where spec.lazy != true {
            _ = try slots[name]!.face()
        }
    }

    public convenience init(configurationFile: URL) throws {
        try self.init(configuration: FontConfiguration.load(from: configurationFile))
    }

    public static func environmentFontPath() -> [String] {
        (ProcessInfo.processInfo.environment["YORISOI_FONT_PATH"] ?? "")
            .split(separator: ":").map(String.init).filter { !$0.isEmpty }
    }

    /// The fallback chain of `family`, first choice first.
    public func chain(family: String) throws -> FontChain {
        guard let members = configuration.families[family] else {
            throw FontConfigurationError.unknownFamily(family)
        }
        return FontChain(family: family, slots: members.map { slots[$0]! })
    }

    public var familyNames: [String] { configuration.families.keys.sorted() }
}

/// One configured font file; loads its `FontFace` on first use and keeps it.
final class FontSlot: Sendable {
    let name: String
    let path: String
    private let loaded = Mutex<FontFace?>(nil)

    init(name: String, path: String) {
        self.name = name
        self.path = path
    }

    func face() throws -> FontFace {
        try loaded.withLock { cached in
            if let cached { return cached }
            let face = try FontFace.load(path: path)
            cached = face
            return face
        }
    }

    var isLoaded: Bool { loaded.withLock { $0 != nil } }
}
