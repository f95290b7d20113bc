/// Decides, item by item, which marked-content sequence the item goes in: its structure
/// element's, or an artifact's.
struct ContentMarking: Sendable {
    enum Mark: Hashable {
        case artifact
        case content(StructureRef, language: String?)
    }

    let tree: StructureTree

    /// `offset`: the page's `structureOffset`, added to the item's reference.
    func mark(_ item: DrawItem, offset: Int = 0) -> Mark {
        let ref: StructureRef?
        var language: String?
        switch item {
        case .glyphRun(let run):
            // A reading over its base is for the eye only (docs/ruby.md).
            if run.isRuby { return .artifact }
            ref = run.structure.map { StructureRef($0.index + offset) }
            language = run.language
        case .path(let path, _, _):
            ref = path.structure.map { StructureRef($0.index + offset) }
        case .line, .rectangle:
            // Rules, borders, fills and check-box frames: never content (a check box's state is
            // its element's text).
            return .artifact
        }
        guard let ref else { return .artifact }
        // A reference the tree does not hold (a caller's mistake) is still real content: it
        // goes to the Document rather than being lost to assistive technology.
        let target = ref.index >= 0 && ref.index < tree.nodes.count ? ref : tree.root
        if language == nil || language == tree[target].language { language = nil }
        return .content(target, language: language)
    }

    /// The tag of a BDC for `ref`'s content: the element's own structure type.
    func tag(of ref: StructureRef) -> String { tree[ref].role.rawValue }
}

extension StructureTree {
    /// A structure for pages that came without one (a composition of other documents' pages):
    /// one paragraph per line of text (consecutive runs on one baseline), in display-list
    /// order; turned or outlined text (the 見本 mark) stays an artifact. Any references the
    /// items carried are dropped, as they point into no tree.
    static func fallback(for pages: [PDFPage]) -> ([PDFPage], StructureTree) {
        var tree = StructureTree()
        let pages = pages.map { page -> PDFPage in
            var page = page
            page.structureOffset = 0
            var current: (ref: StructureRef, baseline: Double)?
            page.items = page.items.map { item -> DrawItem in
                switch item {
                case .glyphRun(var run):
                    guard run.turn == .none, run.outline == nil, !run.glyphs.isEmpty else {
                        run.structure = nil
                        return .glyphRun(run)
                    }
                    if current == nil || current!.baseline != run.origin.y {
                        current = (tree.add(.paragraph, under: tree.root), run.origin.y)
                    }
                    run.structure = current!.ref
                    return .glyphRun(run)
                case .path(var path, let stroke, let fill):
                    path.structure = nil
                    return .path(path, stroke: stroke, fill: fill)
                case .line, .rectangle:
                    return item
                }
            }
            return page
        }
        return (pages, tree)
    }
}
