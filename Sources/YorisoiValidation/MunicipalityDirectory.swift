import Foundation

/// Which municipalities have a profile. The validator asks; the templates layer knows.
public protocol MunicipalityDirectory: Sendable {
    func hasProfile(forCode code: String) -> Bool
}

/// Profiles as folders: `Templates/<code>-<name>/municipality.yaml`.
public struct TemplatesFolder: MunicipalityDirectory {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    public func hasProfile(forCode code: String) -> Bool {
        profileFolder(forCode: code) != nil
    }

    public func profileFolder(forCode code: String) -> URL? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        for entry in entries.sorted() where entry.hasPrefix(code + "-") {
            let folder = root.appendingPathComponent(entry, isDirectory: true)
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("municipality.yaml").path) {
                return folder
            }
        }
        return nil
    }

    /// `Templates` in the current directory or the nearest parent that has one.
    public static func locate(from start: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) -> URL? {
        var folder = start.standardizedFileURL
        while true {
            let candidate = folder.appendingPathComponent("Templates", isDirectory: true)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }
}
