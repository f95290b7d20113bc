import Synchronization
import YorisoiText

/// Subset programs made lately, with their deflated bytes, by face, glyph set and compression
/// level: the most recently used of them, up to `capacity` bytes, kept for every document the
/// process writes. (A budget in bytes rather than a count keeps the small subsets — labels in
/// ゴシック, a rare name in IPAmj — across many documents whose body subsets come and go.)
///
/// Documents of one batch often embed the very same subset: every plan sets its labels in BIZ UD
/// ゴシック and nothing else, and a family's rare name (𠮷) sends each of its documents to
/// IPAmj明朝, whose big face costs ~60 ms to cut a subset from before it is prepared. hb-subset
/// and deflate are pure functions of these inputs (`FontSubsetSourceTests`), so a hit gives the
/// same bytes the work would. The ToUnicode map, which also depends on the document's text, is
/// not kept here.
final class FontProgramCache: Sendable {
    static let shared = FontProgramCache()
    static let capacity = 8 << 20

    /// The face by identity: an entry holds the face, so its identifier cannot be reused while
    /// the entry lives.
    struct Key: Hashable {
        let face: ObjectIdentifier
        let glyphs: Set<UInt32>
        let level: Int
    }

    struct Program: Sendable {
        let face: FontFace
        let subset: FontSubset
        let deflated: [UInt8]
    }

    private struct Recent {
        var programs: [Key: Program] = [:]
        /// Least recently used first.
        var order: [Key] = []
        /// Bytes held: each program raw and deflated.
        var bytes = 0
    }

    private let recent = Mutex(Recent())

    func program(_ face: FontFace, glyphs: Set<UInt32>, level: Int) throws(PDFError) -> Program {
        let key = Key(face: ObjectIdentifier(face), glyphs: glyphs, level: level)
        if let hit = recent.withLock({ state -> Program? in
            guard let hit = state.programs[key] else { return nil }
            state.order.removeAll { $0 == key }
            state.order.append(key)
            return hit
        }) {
            return hit
        }
        let subset: FontSubset
        do {
            subset = try face.subset(glyphs: glyphs)
        } catch {
            throw PDFError.subsetFailed(font: face.postScriptName, reason: String(describing: error))
        }
        let made = Program(face: face, subset: subset, deflated: try Deflate.compress(subset.data, level: level))
        let size = subset.data.count + made.deflated.count
        recent.withLock { state in
            guard state.programs[key] == nil, size <= Self.capacity else { return }
            while state.bytes + size > Self.capacity, !state.order.isEmpty {
                let oldest = state.programs.removeValue(forKey: state.order.removeFirst())!
                state.bytes -= oldest.subset.data.count + oldest.deflated.count
            }
            state.order.append(key)
            state.programs[key] = made
            state.bytes += size
        }
        return made
    }

    /// Whether a program for `face` and `glyphs` is kept (lets tests prove what is cached).
    func contains(_ face: FontFace, glyphs: Set<UInt32>, level: Int) -> Bool {
        recent.withLock { $0.programs[Key(face: ObjectIdentifier(face), glyphs: glyphs, level: level)] != nil }
    }
}
