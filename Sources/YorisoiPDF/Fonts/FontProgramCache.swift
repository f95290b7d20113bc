import Synchronization
import YorisoiText

/// Subset programs made lately, with their deflated bytes, by face, glyph set and compression
/// level: the most recently used of them, up to `capacity` bytes, kept for every document the
/// process writes. (A budget in bytes rather than a count keeps the small subsets — labels in
/// ゴシック, a rare name in IPAmj — across many documents whose body subsets come and go.)
///
/// Documents of one batch often embed the very same subset: every plan sets its labels in BIZ UD
/// ゴシック and nothing else, and a family's rare name (𠮷) sends each of its documents to
/// IPAmj明朝 for the same few glyphs. Cutting a subset (`FontFace.subset`) and deflating it are
/// pure functions of these inputs (`TrueTypeSubsetterTests`), so a hit gives the same bytes the
/// work would, without deflating the program again. The ToUnicode map, which also depends on the document's text, is
/// not kept here.
final class FontProgramCache: Sendable {
    static let shared = FontProgramCache()
    /// 2 MB: the small subsets of a batch and the body subsets of the last few documents (a
    /// preview edited and rendered again). A plan's body subset is about 200 KB raw and deflated
    /// and seldom comes back in a batch; at 8 MB they had filled the budget and were a tenth of
    /// a 50-plan batch's peak memory, for no hits.
    static let capacity = 2 << 20

    /// The face by its serial (`FontFace.serial`), never reused: an entry does not keep its face
    /// alive, and an entry of a face that is gone is never found again and ages out like any other.
    ///
    /// The glyph set is hashed once, when the key is made: `Set`'s own hashing hashes every member
    /// again at each lookup, insertion, eviction and table resize (a plan's body subset holds
    /// hundreds of glyphs; 0.7% of a batch's instructions).
    struct Key: Hashable {
        let face: UInt64
        let glyphs: Set<UInt32>
        let level: Int
        private let digest: Int

        init(face: UInt64, glyphs: Set<UInt32>, level: Int) {
            self.face = face
            self.glyphs = glyphs
            self.level = level
            var hasher = Hasher()
            hasher.combine(face)
            hasher.combine(glyphs)
            hasher.combine(level)
            digest = hasher.finalize()
        }

        static func == (a: Key, b: Key) -> Bool {
            a.digest == b.digest && a.face == b.face && a.level == b.level && a.glyphs == b.glyphs
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(digest)
        }
    }

    struct Program: Sendable {
        let subset: FontSubset
        let deflated: [UInt8]
    }

    private struct Entry {
        let program: Program
        var bytes: Int { program.subset.data.count + program.deflated.count }
    }

    private struct Recent {
        var programs: [Key: Entry] = [:]
        /// Least recently used first.
        var order: [Key] = []
        /// Bytes held: each program raw and deflated.
        var bytes = 0
    }

    private let recent = Mutex(Recent())

    func program(_ face: FontFace, glyphs: Set<UInt32>, level: Int) throws(PDFError) -> Program {
        let key = Key(face: face.serial, glyphs: glyphs, level: level)
        if let hit = recent.withLock({ state -> Program? in
            guard let entry = state.programs[key] else { return nil }
            state.order.removeAll { $0 == key }
            state.order.append(key)
            return entry.program
        }) {
            return hit
        }
        let subset: FontSubset
        do {
            subset = try face.subset(glyphs: glyphs)
        } catch {
            throw PDFError.subsetFailed(font: face.postScriptName, reason: String(describing: error))
        }
        let made = Program(subset: subset, deflated: try Deflate.compress(subset.data, level: level))
        let entry = Entry(program: made)
        recent.withLock { state in
            guard state.programs[key] == nil, entry.bytes <= Self.capacity else { return }
            while state.bytes + entry.bytes > Self.capacity, !state.order.isEmpty {
                state.bytes -= state.programs.removeValue(forKey: state.order.removeFirst())!.bytes
            }
            state.order.append(key)
            state.programs[key] = entry
            state.bytes += entry.bytes
        }
        return made
    }

    /// Whether a program for `face` and `glyphs` is kept (lets tests prove what is cached).
    func contains(_ face: FontFace, glyphs: Set<UInt32>, level: Int) -> Bool {
        recent.withLock { $0.programs[Key(face: face.serial, glyphs: glyphs, level: level)] != nil }
    }
}
