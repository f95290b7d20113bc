import Foundation

/// Decides which files a template may name (`extends=`), and refuses everything else.
///
/// A reference is either `national/<file>` (the shared base layouts) or a path relative to the
/// template's own folder. Refused: absolute paths, `..` or `.` components, empty components,
/// backslashes, and any file whose real path (symlinks resolved) leaves the two allowed folders.
public struct TemplateReferenceResolver: Sendable {
    /// `Templates/` (its real path).
    public let templatesRoot: URL
    /// The folder of the template being loaded (its municipality folder, `national/`, or the
    /// folder of a `--template` file).
    public let ownFolder: URL

    public init(templatesRoot: URL, ownFolder: URL) {
        self.templatesRoot = templatesRoot.resolvingSymlinksInPath().standardizedFileURL
        self.ownFolder = ownFolder.resolvingSymlinksInPath().standardizedFileURL
    }

    var nationalFolder: URL { templatesRoot.appendingPathComponent("national", isDirectory: true) }

    public func resolve(_ reference: String, at location: TemplateLocation) throws(TemplateError) -> URL {
        let refuse = { (why: String) in
            TemplateError(.referenceRefused, at: location, "\"\(reference)\": \(why)")
        }
        if reference.isEmpty { throw refuse("empty reference") }
        if reference.hasPrefix("/") || reference.hasPrefix("~") { throw refuse("absolute paths are not allowed") }
        if reference.contains("\\") || reference.contains(":") { throw refuse("use / and plain file names") }
        let components = reference.split(separator: "/", omittingEmptySubsequences: false)
        for component in components where component.isEmpty || component == "." || component == ".." {
            throw refuse("'..', '.' and empty path components are not allowed")
        }
        let candidate: URL
        let allowedFolder: URL
        if components.first == "national", components.count > 1 {
            allowedFolder = nationalFolder
            candidate = components.dropFirst().reduce(nationalFolder) { $0.appendingPathComponent(String($1)) }
        } else {
            allowedFolder = ownFolder
            candidate = components.reduce(ownFolder) { $0.appendingPathComponent(String($1)) }
        }
        guard FileManager.default.fileExists(atPath: candidate.path) else {
            throw TemplateError(.referenceMissing, at: location, "\"\(reference)\" does not exist")
        }
        let real = candidate.resolvingSymlinksInPath().standardizedFileURL
        guard Self.isInside(real, allowedFolder.resolvingSymlinksInPath().standardizedFileURL) else {
            throw refuse("it resolves outside the allowed folder (a symbolic link?)")
        }
        return real
    }

    static func isInside(_ file: URL, _ folder: URL) -> Bool {
        let f = file.pathComponents
        let d = folder.pathComponents
        return f.count > d.count && Array(f.prefix(d.count)) == d
    }
}
