import CMeCab

/// One MeCab model and tagger over a dictionary, owning their C pointers.
///
/// MeCab's model and tagger are safe to share between threads as long as each parse has its
/// own lattice (mecab.h: `Tagger::parse(Lattice*) const` is thread safe), so one instance serves
/// every thread and `morphemes(of:)` makes a lattice per call.
final class MeCabTagger: @unchecked Sendable {
    /// One morpheme: where its surface lies in the UTF-8 of the text, and IPAdic's first two
    /// part-of-speech fields and base form (品詞, 品詞細分類1, 原形).
    struct Morpheme: Sendable, Hashable {
        var bytes: Range<Int>
        var partOfSpeech: Substring
        var subclass: Substring
        var baseForm: Substring
    }

    private let model: OpaquePointer
    private let tagger: OpaquePointer

    /// Opens the dictionary at `dictionaryDirectory` (a folder with sys.dic and dicrc), or nil
    /// when it cannot be read. `-r /dev/null`: no mecabrc is read, so a user's or the system's
    /// configuration cannot change which dictionary is used.
    init?(dictionaryDirectory: String) {
        guard !dictionaryDirectory.contains(where: { $0 == " " || $0 == "\"" }),
              let model = mecab_model_new2("-r /dev/null -d \(dictionaryDirectory)") else { return nil }
        guard let tagger = mecab_model_new_tagger(model) else {
            mecab_model_destroy(model)
            return nil
        }
        self.model = model
        self.tagger = tagger
    }

    deinit {
        mecab_destroy(tagger)
        mecab_model_destroy(model)
    }

    /// The morphemes of `text` in order (whitespace between them belongs to none).
    func morphemes(of text: String) -> [Morpheme] {
        guard let lattice = mecab_model_new_lattice(model) else { return [] }
        defer { mecab_lattice_destroy(lattice) }
        var utf8 = Array(text.utf8)
        utf8.append(0)
        return utf8.withUnsafeBufferPointer { buffer -> [Morpheme] in
            guard let base = buffer.baseAddress else { return [] }
            let sentence = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            mecab_lattice_set_sentence2(lattice, sentence, buffer.count - 1)
            guard mecab_parse_lattice(tagger, lattice) != 0 else { return [] }
            var result: [Morpheme] = []
            var node = mecab_lattice_get_bos_node(lattice)
            while let current = node {
                let n = current.pointee
                if Int(n.stat) == MECAB_NOR_NODE || Int(n.stat) == MECAB_UNK_NODE,
                   let surface = n.surface {
                    let start = UnsafeRawPointer(surface) - UnsafeRawPointer(sentence)
                    let fields = n.feature.map { String(cString: $0) }?.split(separator: ",", omittingEmptySubsequences: false) ?? []
                    result.append(Morpheme(bytes: start..<(start + Int(n.length)),
                                           partOfSpeech: fields.first ?? "",
                                           subclass: fields.count > 1 ? fields[1] : "",
                                           baseForm: fields.count > 6 ? fields[6] : ""))
                }
                node = n.next
            }
            return result
        }
    }
}
