import Foundation

/// Finds the folder that holds `Fonts/fonts.yaml`, `Templates/` and `samples/`.
///
/// Order: `$YORISOI_HOME`; the current directory and its parents; the executable's folder and
/// its parents (a build under `.build/` sits inside the checkout). The first folder with
/// `Fonts/fonts.yaml` wins.
public struct ResourceLocator: Sendable {
    public let root: URL
    /// A Templates folder given on the command line, used instead of `root/Templates`.
    public var templatesOverride: URL?

    public init(root: URL) {
        self.root = root
    }

    public static func discover(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ResourceLocator {
        var candidates: [URL] = []
        if let home = environment["YORISOI_HOME"], !home.isEmpty {
            candidates.append(URL(fileURLWithPath: home))
        }
        candidates += ancestors(of: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        candidates += ancestors(of: URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent())
        for candidate in candidates
        where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("Fonts/fonts.yaml").path) {
            return ResourceLocator(root: candidate.standardizedFileURL)
        }
        throw PipelineError.configuration("Fonts/fonts.yaml が見つかりません。YORISOI_HOME にリポジトリのフォルダを指定してください (set YORISOI_HOME to the Yorisoi folder)")
    }

    private static func ancestors(of url: URL) -> [URL] {
        var result: [URL] = []
        var current = url.standardizedFileURL
        while true {
            result.append(current)
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        return result
    }

    public var fontConfiguration: URL { root.appendingPathComponent("Fonts/fonts.yaml") }
    public var templates: URL { templatesOverride ?? root.appendingPathComponent("Templates") }
    public var samples: URL { root.appendingPathComponent("samples") }
}
