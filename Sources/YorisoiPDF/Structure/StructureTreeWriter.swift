/// Writes the structure tree (ISO 32000-1 §14.7): /StructTreeRoot, one /StructElem per element
/// that holds content (directly or below it), and the /ParentTree that maps each page's MCIDs
/// back to their elements.
struct StructureTreeWriter {
    let tree: StructureTree
    /// Per page, per MCID, the element that MCID marks (what the page renderer reported).
    let marked: [[StructureRef]]
    let pageRefs: [Ref]

    /// Elements that exist only to hold others are left out when nothing ended up in them (a
    /// paragraph whose text was empty, a list whose items were all dropped). Table parts stay,
    /// empty or not: a row needs all its cells for the columns to line up.
    private static func keptWhenEmpty(_ role: StructureRole) -> Bool {
        switch role {
        case .document, .table, .tableRow, .tableHeader, .tableData: return true
        default: return false
        }
    }

    /// Elements per piece written on its own thread: a packet of 200 plans has some 36 000, a
    /// plan a few hundred, which one piece writes sooner than threads would start.
    var elementsPerPiece = 4_096

    /// Writes the tree, every object of it packed into object streams (they are all small
    /// dictionaries, and a packet has tens of thousands), and returns the /StructTreeRoot.
    /// The elements are written in pieces side by side on `threads` threads and taken in, in
    /// order, so the bytes are the same on any number of threads.
    func write(to packed: ObjectStreams, allocator: inout RefAllocator, threads: Int = 1) throws(PDFError) -> Ref {
        let count = tree.nodes.count
        // Content of each element in page order, MCID order within a page.
        var content = [[(page: Int, mcid: Int)]](repeating: [], count: count)
        for (page, refs) in marked.enumerated() {
            for (mcid, ref) in refs.enumerated() { content[ref.index].append((page, mcid)) }
        }
        // Children in reading order: nodes are stored in pre-order, so index order.
        var children = [[Int]](repeating: [], count: count)
        for index in 1..<max(count, 1) {
            if let parent = tree.nodes[index].parent { children[parent.index].append(index) }
        }
        // Kept: has content, a kept child, or is a table part. Children come after their parent,
        // so one backward pass settles it.
        var kept = [Bool](repeating: false, count: count)
        for index in stride(from: count - 1, through: 0, by: -1) {
            let node = tree.nodes[index]
            kept[index] = !content[index].isEmpty || Self.keptWhenEmpty(node.role)
                || children[index].contains { kept[$0] }
        }
        let root = allocator.bump()
        let parentTree = allocator.bump()
        var refs = [Ref?](repeating: nil, count: count)
        for index in 0..<count where kept[index] { refs[index] = allocator.bump() }

        let per = elementsPerPiece
        let pieces = (count + per - 1) / per
        if pieces <= 1 || threads <= 1 {
            // One piece, or one thread: straight into `packed`, with no part to copy over.
            Self.writeElements(0..<count, of: tree, content: content, children: children, refs: refs, root: root,
                               pageRefs: pageRefs, to: packed)
        } else {
            let written = try Parallel.map(pieces, threads: threads) { [tree, content, children, refs, pageRefs] piece in
                let part = ObjectStreams()
                let range = piece * per..<min(count, (piece + 1) * per)
                Self.writeElements(range, of: tree, content: content, children: children, refs: refs, root: root,
                                   pageRefs: pageRefs, to: part)
                return .success(part.part)
            }
            for part in written { packed.absorb(part) }
        }

        packed.add(parentTree) { obj in
            obj.dict { dict in
                dict.key("Nums").array { nums in
                    for (page, mcids) in marked.enumerated() {
                        nums.int(page)
                        nums.item().array { array in
                            for ref in mcids { if let target = refs[ref.index] { array.ref(target) } }
                        }
                    }
                }
            }
        }
        packed.add(root) { obj in
            obj.dict { dict in
                dict.name("Type", "StructTreeRoot")
                if let document = refs[0] { dict.ref("K", document) }
                dict.ref("ParentTree", parentTree)
                dict.int("ParentTreeNextKey", marked.count)
            }
        }
        return root
    }

    /// The elements in `range` (those kept, with a number in `refs`), each one object.
    private static func writeElements(_ range: Range<Int>, of tree: StructureTree, content: [[(page: Int, mcid: Int)]],
                                      children: [[Int]], refs: [Ref?], root: Ref, pageRefs: [Ref],
                                      to packed: ObjectStreams) {
        for index in range {
            guard let ref = refs[index] else { continue }
            let node = tree.nodes[index]
            let items = content[index]
            // No /Type: it is optional for a structure element (ISO 32000-1 Table 323) and would
            // be repeated tens of thousands of times in a packet.
            packed.add(ref) { obj in
                obj.dict { dict in
                    dict.name("S", node.role.rawValue)
                    dict.ref("P", node.parent.flatMap { refs[$0.index] } ?? root)
                    let page = items.first?.page
                    if let page { dict.ref("Pg", pageRefs[page]) }
                    let kids = children[index].compactMap { refs[$0] }
                    // /K is one kid as itself, several in an array (Table 323).
                    if items.count == 1, kids.isEmpty {
                        dict.int("K", items[0].mcid)
                    } else if items.isEmpty, kids.count == 1 {
                        dict.ref("K", kids[0])
                    } else if !items.isEmpty || !kids.isEmpty {
                        dict.key("K").array { array in
                            for item in items {
                                if item.page == page {
                                    array.int(item.mcid)
                                } else {
                                    array.item().dict { mcr in
                                        mcr.name("Type", "MCR")
                                        mcr.ref("Pg", pageRefs[item.page])
                                        mcr.int("MCID", item.mcid)
                                    }
                                }
                            }
                            for kid in kids { array.ref(kid) }
                        }
                    }
                    if let alt = node.alt { dict.key("Alt").textString(alt) }
                    if let actualText = node.actualText { dict.key("ActualText").textString(actualText) }
                    if let language = node.language { dict.key("Lang").textString(language) }
                    if node.scope != nil || node.rowSpan > 1 || node.columnSpan > 1 {
                        dict.key("A").dict { attributes in
                            attributes.name("O", "Table")
                            if let scope = node.scope { attributes.name("Scope", scope.rawValue) }
                            if node.rowSpan > 1 { attributes.int("RowSpan", node.rowSpan) }
                            if node.columnSpan > 1 { attributes.int("ColSpan", node.columnSpan) }
                        }
                    }
                }
            }
        }
    }
}
