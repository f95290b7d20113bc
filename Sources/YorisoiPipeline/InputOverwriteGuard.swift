import Foundation

/// Refuses an output that would land on a file the same command reads — `render c.yaml -o c.yaml`,
/// `packet meeting.yaml -o cases/a.yaml` where the meeting lists `cases/a.yaml`, a batch mapping
/// file kept in OUTDIR as `x.pdf`. Files are compared by device and inode, so `./c.yaml`, a hard
/// link and a symbolic link are all caught; the check runs before any work, so nothing is
/// rendered for an output that would be refused.
public enum InputOverwriteGuard {
    /// - Parameters:
    ///   - output: the path about to be written (`-` and a path that does not exist yet pass).
    ///   - option: how the command line names the output (`-o/--output`), for the message.
    public static func refuse(output: String, inputs: [String], option: String) throws {
        guard output != "-", isRegularFile(output), let target = FileIdentity(output) else { return }
        for input in inputs where input != "-" {
            if FileIdentity(input) == target {
                throw PipelineError.configuration("\(option) \(output): 出力先が入力ファイル \(input) と同じです。別の出力先を指定してください (the output named by \(option) is the input file \(input); choose another output path)")
            }
        }
    }

    /// A batch writes `manifest.json` and `<id>.pdf` into OUTDIR and removes the PDFs of cases
    /// that are not ok: an input (the INPUT file, `--mapping`, `--template`) that is one of those
    /// files — the manifest, or any PDF already in OUTDIR — is refused.
    public static func refuseBatch(outputFolder: URL, inputs: [String], option: String) throws {
        let inputIdentities = inputs.compactMap { input in FileIdentity(input).map { (input, $0) } }
        guard !inputIdentities.isEmpty else { return }
        var written = [outputFolder.appendingPathComponent(BatchRunner.manifestName).path]
        if let names = try? FileManager.default.contentsOfDirectory(atPath: outputFolder.path) {
            written += names.filter { $0.lowercased().hasSuffix(".pdf") }.map { outputFolder.appendingPathComponent($0).path }
        }
        for path in written {
            guard let target = FileIdentity(path) else { continue }
            for (input, identity) in inputIdentities where identity == target {
                throw PipelineError.configuration("\(option) \(outputFolder.path): 入力ファイル \(input) を上書きするおそれがあります（\(URL(fileURLWithPath: path).lastPathComponent)）。別の出力フォルダを指定してください (the batch would write onto the input file \(input) in the folder named by \(option); choose another output folder)")
            }
        }
    }

    /// FIFOs and devices are written through, not replaced: only a regular file can be clobbered.
    private static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }
}
