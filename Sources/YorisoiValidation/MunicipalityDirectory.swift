import Foundation

/// Which municipalities have a profile. The validator asks; the templates layer knows.
public protocol MunicipalityDirectory: Sendable {
    func hasProfile(forCode code: String) -> Bool
}

/// Profiles as folders: `Templates/<code>-<name>/municipality.yaml`, as they were when this value
/// was made. A renderer makes one when it starts, as it loads the templates themselves: asked
/// once per case, the folder's listing and a stat per profile were a tenth of a batch's system
/// calls, and a profile added later could be validated but not rendered.
public struct TemplatesFolder: MunicipalityDirectory {
    public let root: URL
    /// The folders holding a `municipality.yaml`, by name, in name order.
    private let profiles: [(name: String, folder: URL)]

    public init(root: URL) {
        self.root = root
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        profiles = entries.sorted().compactMap { entry in
            let folder = root.appendingPathComponent(entry, isDirectory: true)
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("municipality.yaml").path) else {
                return nil
            }
            return (entry, folder)
        }
    }

    public func hasProfile(forCode code: String) -> Bool {
        profileFolder(forCode: code) != nil
    }

    public func profileFolder(forCode code: String) -> URL? {
        profiles.first { $0.name.hasPrefix(code + "-") }?.folder
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
