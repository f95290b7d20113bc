import Foundation
import YorisoiCase
import YorisoiPipeline

/// The folder that holds `Fonts/fonts.yaml`, `Templates/` and `samples/`.
public struct YorisoiResources: Sendable, Hashable {
    public var root: URL
    /// A Templates folder to use instead of `root/Templates`.
    public var templates: URL?

    /// A checkout (or an installed copy) of the repository at `root`.
    public static func repository(root: URL, templates: URL? = nil) -> YorisoiResources {
        YorisoiResources(root: root, templates: templates)
    }

    /// `$YORISOI_HOME`, else the current folder or a parent, else the executable's folder or a
    /// parent: the first that has `Fonts/fonts.yaml`.
    public static func locate(templates: URL? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment) throws(YorisoiError) -> YorisoiResources {
        do {
            let locator = try ResourceLocator.discover(environment: environment)
            return YorisoiResources(root: locator.root, templates: templates)
        } catch {
            throw YorisoiError(category: .configuration, code: "Y001",
                               message: "Fonts/fonts.yaml が見つかりません。YORISOI_HOME にリポジトリのフォルダを指定してください",
                               messageEN: "set YORISOI_HOME to the Yorisoi folder", description: "\(error)")
        }
    }

    public var samples: URL { root.appendingPathComponent("samples") }

    /// The CSV columns a kind's batch reads when no `--mapping` is given: a セルフプラン batch
    /// reads a day's 妊娠届 as the registration system exports it
    /// (`Templates/national/pregnancy-registration-columns.yaml`). nil for other kinds, or when
    /// the Templates folder has no such file.
    public func defaultColumnMapping(for kind: DocumentKind) -> URL? {
        guard kind == .selfPlan else { return nil }
        let file = locator.templates.appendingPathComponent("national/pregnancy-registration-columns.yaml")
        return FileManager.default.fileExists(atPath: file.path) ? file : nil
    }

    var locator: ResourceLocator {
        var locator = ResourceLocator(root: root)
        locator.templatesOverride = templates
        return locator
    }
}

/// Writing a finished PDF: to a temporary name in the same folder, then renamed into place, so
/// no half-written file is ever seen; `-` streams to standard output.
public enum OutputFile {
    /// `inputs`: the files the output was made from; writing onto one of them is refused.
    public static func write(_ bytes: [UInt8], to path: String, inputs: [String] = []) throws(YorisoiError) {
        do { try AtomicFile.writeOrStream(bytes, to: path, inputs: inputs) } catch { throw YorisoiError.from(error) }
    }

    /// Refuses, before any work, an output path that is one of `inputs` (exit 2, naming `option`).
    public static func refuseIfInput(_ output: String, inputs: [String], option: String = "-o/--output") throws(YorisoiError) {
        do { try InputOverwriteGuard.refuse(output: output, inputs: inputs, option: option) } catch { throw YorisoiError.from(error) }
    }

    /// Refuses, before any work, a batch whose INPUT, mapping or template file is a file the
    /// batch writes or removes in `outputFolder` (its manifest or a PDF there).
    public static func refuseBatchOverInputs(outputFolder: String, inputs: [String],
                                             option: String = "-o/--output") throws(YorisoiError) {
        do {
            try InputOverwriteGuard.refuseBatch(outputFolder: URL(fileURLWithPath: outputFolder, isDirectory: true),
                                                inputs: inputs, option: option)
        } catch { throw YorisoiError.from(error) }
    }

    public static func write(_ bytes: [UInt8], to url: URL) throws(YorisoiError) {
        do { try AtomicFile.write(bytes, to: url) } catch { throw YorisoiError.from(error) }
    }
}
