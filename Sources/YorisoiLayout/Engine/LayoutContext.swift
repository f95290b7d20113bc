import YorisoiText

/// State shared by one run of the engine: the default style, and the diagnostics and uncovered
/// characters collected along the way.
///
/// Shrink-to-fit lays the same content out several times. Trial runs (`measuring`) record
/// nothing; the final run inside a cell (`insideCell`) records uncovered characters but leaves a
/// too-wide line to the cell, which reports it as part of its own overflow diagnostic.
final class LayoutContext {
    let defaultStyle: TextStyle
    private(set) var diagnostics: [LayoutDiagnostic] = []
    private(set) var uncovered: [UncoveredText] = []
    private var seenUncovered: Set<UncoveredText> = []
    private var trialDepth = 0
    private var cellDepth = 0
    private var widestOverrun: Double = 0
    /// Page number and page count while headers and footers are set; nil in the body.
    var pageNumbers: (page: Int, count: Int)?
    /// Paragraphs shared with another run of much the same content (`Layout.run`).
    let paragraphs: ParagraphMemo?

    init(defaultStyle: TextStyle, paragraphs: ParagraphMemo? = nil) {
        self.defaultStyle = defaultStyle
        self.paragraphs = paragraphs
    }

    func report(_ kind: LayoutDiagnostic.Kind, _ severity: LayoutDiagnostic.Severity, sourcePath: String?,
                cell: CellLocation? = nil, pageIndex: Int? = nil) {
        guard trialDepth == 0 else { return }
        diagnostics.append(LayoutDiagnostic(kind: kind, severity: severity, sourcePath: sourcePath, cell: cell,
                                            pageIndex: pageIndex))
    }

    /// How many diagnostics there are now; `rollBack(to:)` forgets the ones reported after.
    var diagnosticsMark: Int { diagnostics.count }

    /// Forgets diagnostics of a run whose result is thrown away (a first try that did not fit).
    func rollBack(to mark: Int) {
        diagnostics.removeSubrange(mark...)
    }

    /// The diagnostics since `mark`, taken out: a trial run set aside while others are tried.
    func takeDiagnostics(since mark: Int) -> [LayoutDiagnostic] {
        defer { diagnostics.removeSubrange(mark...) }
        return Array(diagnostics[mark...])
    }

    /// Puts back the diagnostics of the trial run that was kept.
    func restore(_ taken: [LayoutDiagnostic]) {
        diagnostics += taken
    }

    /// Forgets the diagnostics in `range` (a run replaced by a later one), keeping those after it.
    func forget(_ range: Range<Int>) {
        diagnostics.removeSubrange(range)
    }

    func addUncovered(_ characters: [UncoveredCharacter], sourcePath: String?) {
        guard trialDepth == 0 else { return }
        for character in characters {
            let item = UncoveredText(character: character, sourcePath: sourcePath)
            if seenUncovered.insert(item).inserted { uncovered.append(item) }
        }
    }

    /// A line `excess` points wider than its box. Outside a cell nothing will shrink it, so it is
    /// reported at once; inside one the cell's overflow policy decides.
    func lineOverran(by excess: Double, sourcePath: String?) {
        widestOverrun = max(widestOverrun, excess)
        if cellDepth == 0 { report(.tooWide(excessWidth: excess), .error, sourcePath: sourcePath) }
    }

    /// Runs `body` as a trial: nothing is recorded. Returns the widest line overrun seen.
    func measuring<T>(_ body: () throws -> T) rethrows -> (value: T, overrun: Double) {
        trialDepth += 1
        defer { trialDepth -= 1 }
        return try trackingOverrun(body)
    }

    /// Runs `body` for real as the content of a cell. Returns the widest line overrun seen.
    func insideCell<T>(_ body: () throws -> T) rethrows -> (value: T, overrun: Double) {
        cellDepth += 1
        defer { cellDepth -= 1 }
        return try trackingOverrun(body)
    }

    private func trackingOverrun<T>(_ body: () throws -> T) rethrows -> (value: T, overrun: Double) {
        let saved = widestOverrun
        widestOverrun = 0
        defer { widestOverrun = max(saved, widestOverrun) }
        let value = try body()
        return (value, widestOverrun)
    }
}
