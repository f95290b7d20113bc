/// The document outline (bookmarks, PDF 1.7 §12.3.3): a doubly linked tree of dictionaries with
/// /First /Last /Next /Prev /Parent, /Count of visible descendants, and an explicit /XYZ destination.
struct OutlineWriter {
    let items: [OutlineItem]
    let pageRefs: [Ref]
    let pageHeights: [Double]

    /// Validates every destination and writes the tree; returns the /Outlines root, nil if empty.
    func write(to packed: ObjectStreams, allocator: inout RefAllocator) throws(PDFError) -> Ref? {
        guard !items.isEmpty else { return nil }
        try validate(items)
        let root = allocator.bump()
        let refs = allocate(items, &allocator)
        packed.add(root) { obj in
            obj.dict { dict in
                dict.name("Type", "Outlines")
                dict.ref("First", refs.first!.ref)
                dict.ref("Last", refs.last!.ref)
                dict.int("Count", Self.visibleCount(items))
            }
        }
        writeSiblings(items, refs: refs, parent: root, to: packed)
        return root
    }

    /// A node's refs, mirroring the item tree, allocated parent-first so numbering reads top-down.
    final class Node {
        let ref: Ref
        var children: [Node] = []
        init(ref: Ref) { self.ref = ref }
    }

    private func allocate(_ items: [OutlineItem], _ allocator: inout RefAllocator) -> [Node] {
        items.map { item in
            let node = Node(ref: allocator.bump())
            node.children = allocate(item.children, &allocator)
            return node
        }
    }

    private func validate(_ items: [OutlineItem]) throws(PDFError) {
        for item in items {
            guard pageRefs.indices.contains(item.pageIndex) else {
                throw PDFError.outlinePageOutOfRange(pageIndex: item.pageIndex)
            }
            try validate(item.children)
        }
    }

    /// Items shown when the tree is displayed: each item, plus its descendants if it is open.
    static func visibleCount(_ items: [OutlineItem]) -> Int {
        items.reduce(0) { sum, item in sum + 1 + (item.isOpen ? visibleCount(item.children) : 0) }
    }

    private func writeSiblings(_ items: [OutlineItem], refs: [Node], parent: Ref, to packed: ObjectStreams) {
        for (index, item) in items.enumerated() {
            let node = refs[index]
            packed.add(node.ref) { obj in
                obj.dict { dict in
                    dict.key("Title").textString(item.title)
                    dict.ref("Parent", parent)
                    if index > 0 { dict.ref("Prev", refs[index - 1].ref) }
                    if index + 1 < items.count { dict.ref("Next", refs[index + 1].ref) }
                    if let first = node.children.first, let last = node.children.last {
                        dict.ref("First", first.ref)
                        dict.ref("Last", last.ref)
                        // Positive: open with that many visible; negative: closed (PDF 1.7 table 153).
                        let count = Self.visibleCount(item.children)
                        dict.int("Count", item.isOpen ? count : -count)
                    }
                    dict.key("Dest").array { a in
                        a.ref(pageRefs[item.pageIndex])
                        a.name("XYZ")
                        a.real(item.x)
                        a.real(pageHeights[item.pageIndex] - item.y)
                        a.item().null()
                    }
                }
            }
            writeSiblings(item.children, refs: node.children, parent: node.ref, to: packed)
        }
    }
}
