import Foundation
import YorisoiCase
import YorisoiDigest
import YorisoiPDF
import YorisoiTemplates
import YorisoiText

/// Renders one case of a batch and writes its PDF: everything that can go wrong with one case
/// ends up in its `BatchEntry`, never in an error that would stop the others.
struct BatchCaseWriter: Sendable {
    let renderer: Renderer
    let options: BatchOptions

    func process(_ item: BatchCursor.Item, duplicateOf earlier: BatchSource?) -> BatchEntry {
        guard let loaded = item.loaded else {
            return BatchEntry(id: nil, source: item.source, status: .notDone)
        }
        let id = loaded.typed?.id
        if let earlier, let id {
            return BatchEntry(id: id, source: item.source, status: .invalid, diagnostics: loaded.diagnostics + [
                Diagnostic(.e032, path: "/id", at: loaded.root?["id"]?.position,
                           message: "ケースID\(CaseIDRule.echoable(id).map { "「\($0)」" } ?? "")は同じバッチの \(earlier) ですでに使われています（大文字・小文字の違いだけのものを含みます。このケースは出力しません）",
                           messageEN: "case id \(CaseIDRule.echoable(id).map { "'\($0)' " } ?? "")is already used by \(earlier) in this batch (ignoring upper/lower case); this case is not written"),
            ].sortedBySource())
        }
        let outcome: RenderOutcome
        // The case's time budget: past it the layout stops at its next paragraph or block.
        do {
            outcome = try RenderBudget.run(options.caseTimeout) {
                try renderer.render(loaded, kind: options.kind, municipality: options.municipality,
                                    templateFile: options.templateFile)
            }
        } catch is RenderCancelled {
            removeStale(id.flatMap(BatchOutputName.fileName(for:)))
            return BatchEntry(id: id, source: item.source, status: .failed,
                              diagnostics: loaded.diagnostics + [RenderBudget.overBudget(options.caseTimeout)])
        } catch let error as PipelineError {
            return failed(id, item.source, loaded, .e034, "様式または自治体の設定に問題があります: \(error.description)",
                          "template or municipality configuration problem: \(error.description)", output: nil)
        } catch {
            return failed(id, item.source, loaded, .e033, "出力中に内部エラーが起きました（\(type(of: error))）",
                          "internal error while rendering (\(type(of: error)))", output: nil)
        }
        let name = id.flatMap(BatchOutputName.fileName(for:))
        guard let pdf = outcome.pdf, !outcome.hasErrors, let name else {
            removeStale(name)
            var diagnostics = outcome.diagnostics
            if outcome.pdf != nil, name == nil, !diagnostics.contains(where: { $0.code == .e025 || $0.code == .e026 }) {
                diagnostics.append(Diagnostic(.e026, path: "/id", at: loaded.root?["id"]?.position,
                                              message: CaseIDRule.ruleMessage, messageEN: CaseIDRule.ruleMessageEN))
            }
            let layoutOnly = diagnostics.filter(\.isError).allSatisfy { $0.code == .e501 || $0.code == .e502 || $0.code == .e503 }
            return BatchEntry(id: id, source: item.source, status: layoutOnly && diagnostics.hasErrors ? .failed : .invalid,
                              pages: nil, diagnostics: diagnostics)
        }
        do {
            try AtomicFile.write(pdf, to: options.output.appendingPathComponent(name))
        } catch {
            return failed(id, item.source, loaded, .e035, "PDF を書き込めませんでした（空き容量と書き込み権限を確かめてください）",
                          "the PDF could not be written (check free space and permissions)", output: name)
        }
        let digest = ContentDigest.hex(outcome.sha256 ?? ContentDigest.sha256(pdf))
        return BatchEntry(id: id, source: item.source, status: .ok, output: name, pages: outcome.pageCount,
                          bytes: pdf.count, sha256: digest, diagnostics: outcome.diagnostics)
    }

    private func failed(_ id: String?, _ source: BatchSource, _ loaded: LoadedCase, _ code: DiagnosticCode,
                        _ message: String, _ messageEN: String, output: String?) -> BatchEntry {
        removeStale(output ?? id.flatMap(BatchOutputName.fileName(for:)))
        return BatchEntry(id: id, source: source, status: .failed,
                          diagnostics: loaded.diagnostics + [Diagnostic(code, path: "", at: nil, message: message, messageEN: messageEN)])
    }

    /// A PDF of the same name from an earlier run would look like this run's output: remove it,
    /// so that OUTDIR holds a PDF exactly for the cases the manifest lists as ok.
    private func removeStale(_ name: String?) {
        guard let name else { return }
        try? FileManager.default.removeItem(at: options.output.appendingPathComponent(name))
    }
}
