import CMeCab

/// One MeCab model and tagger over a dictionary, owning their C pointers.
///
/// MeCab's model and tagger are safe to share between threads as long as each parse has its
/// own lattice (mecab.h: `Tagger::parse(Lattice*) const` is thread safe), so one instance serves
/// every thread and `morphemes(of:)` makes a lattice per call.
final class MeCabTagger: @unchecked Sendable {
    /// One morpheme: where its surface lies in the UTF-8 of the text, and what phrase grouping
    /// needs of IPAdic's features (品詞, 品詞細分類1, 原形).
    struct Morpheme: Sendable, Hashable {
        var bytes: Range<Int>
        var partOfSpeech: PartOfSpeech
        var subclass: Subclass
        /// 原形 is する (a サ変 noun's verb).
        var isSuru: Bool
    }

    /// The parts of speech (品詞) phrase grouping tells apart; every other one is `.other`.
    enum PartOfSpeech: Sendable, Hashable {
        case symbol, prefix, particle, auxiliaryVerb, noun, verb, other

        static let names: [(bytes: [UInt8], value: PartOfSpeech)] = [
            ("記号", .symbol), ("接頭詞", .prefix), ("助詞", .particle), ("助動詞", .auxiliaryVerb),
            ("名詞", .noun), ("動詞", .verb),
        ].map { (name: String, value: PartOfSpeech) in (Array(name.utf8), value) }
    }

    /// The subclasses (品詞細分類1) phrase grouping tells apart.
    enum Subclass: Sendable, Hashable {
        case suffix, nonIndependent, number, sahenConnection, other

        static let names: [(bytes: [UInt8], value: Subclass)] = [
            ("接尾", .suffix), ("非自立", .nonIndependent), ("数", .number), ("サ変接続", .sahenConnection),
        ].map { (name: String, value: Subclass) in (Array(name.utf8), value) }
    }

    static let suru = Array("する".utf8)

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

    /// `result[b]`: the index of the scalar of `text` that starts at UTF-8 byte `b` (−1 for a byte
    /// inside a scalar), and the scalar count at `b == text.utf8.count`. MeCab answers in byte
    /// ranges; this turns them into scalar ranges (segmentation and ruby both need it).
    static func scalarIndexByByte(of text: String) -> [Int] {
        var scalarAt = [Int](repeating: -1, count: text.utf8.count + 1)
        var offset = 0, index = 0
        for scalar in text.unicodeScalars {
            scalarAt[offset] = index
            offset += UTF8.width(scalar)
            index += 1
        }
        scalarAt[offset] = index
        return scalarAt
    }

    /// The scalars a morpheme's UTF-8 `bytes` cover, by `scalarAt` (`scalarIndexByByte`); nil when
    /// the range does not start and end on scalars of the text, or covers none.
    static func scalarRange(of bytes: Range<Int>, _ scalarAt: [Int]) -> Range<Int>? {
        guard bytes.upperBound < scalarAt.count, case let first = scalarAt[bytes.lowerBound], first >= 0,
              case let end = scalarAt[bytes.upperBound], end > first else { return nil }
        return first..<end
    }

    /// The morphemes of `text` in order (whitespace between them belongs to none).
    func morphemes(of text: String) -> [Morpheme] {
        parse(text) { bytes, feature in
            // The feature is IPAdic's CSV line; its fields are read as bytes. Splitting it as a
            // String cost twenty times the parse itself (grapheme breaking of every character, a
            // normalising compare per comma).
            let fields = feature.map { Self.fields(of: $0) } ?? []
            return Morpheme(
                bytes: bytes,
                partOfSpeech: fields.count > 0 ? Self.match(fields[0], PartOfSpeech.names) ?? .other : .other,
                subclass: fields.count > 1 ? Self.match(fields[1], Subclass.names) ?? .other : .other,
                isSuru: fields.count > 6 && fields[6].elementsEqual(Self.suru))
        }
    }

    /// Where each morpheme of `text` lies in its UTF-8, in order, and nothing else. IPAdic's
    /// features (its largest part, 31 of sys.dic's 49 MB) are never read: running text needs only
    /// where a word begins (`WordSegmenter.morphemeInteriors`), and a feature read per morpheme
    /// of every free text had MeCab's mapping grow to most of the dictionary.
    func spans(of text: String) -> [Range<Int>] {
        parse(text) { bytes, _ in bytes }
    }

    /// The morphemes of `text` with IPAdic's reading (読み, the eighth field, in katakana) where
    /// the dictionary has one; an unknown word has none. Used for ruby (docs/ruby.md).
    func readings(of text: String) -> [(bytes: Range<Int>, reading: String?)] {
        parse(text) { bytes, feature in
            let fields = feature.map { Self.fields(of: $0, count: 8) } ?? []
            // "*" is IPAdic's "no reading".
            let reading = fields.count > 7 && !fields[7].elementsEqual([UInt8(ascii: "*")]) && !fields[7].isEmpty
                ? String(decoding: fields[7], as: UTF8.self) : nil
            return (bytes, reading)
        }
    }

    /// Parses `text` with a lattice of its own and answers `morpheme` for each morpheme in order:
    /// where its surface lies in the UTF-8 of `text`, and its feature line, which is valid only
    /// during the call and is not touched unless `morpheme` reads it.
    private func parse<Answer>(_ text: String,
                               _ morpheme: (Range<Int>, UnsafePointer<CChar>?) -> Answer) -> [Answer] {
        guard let lattice = mecab_model_new_lattice(model) else { return [] }
        defer { mecab_lattice_destroy(lattice) }
        var utf8 = Array(text.utf8)
        utf8.append(0)
        return utf8.withUnsafeBufferPointer { buffer -> [Answer] in
            guard let base = buffer.baseAddress else { return [] }
            let sentence = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            mecab_lattice_set_sentence2(lattice, sentence, buffer.count - 1)
            guard mecab_parse_lattice(tagger, lattice) != 0 else { return [] }
            var result: [Answer] = []
            var node = mecab_lattice_get_bos_node(lattice)
            while let current = node {
                let n = current.pointee
                if Int(n.stat) == MECAB_NOR_NODE || Int(n.stat) == MECAB_UNK_NODE, let surface = n.surface {
                    let start = UnsafeRawPointer(surface) - UnsafeRawPointer(sentence)
                    result.append(morpheme(start..<(start + Int(n.length)), n.feature))
                }
                node = n.next
            }
            return result
        }
    }

    /// The first `count` comma-separated fields of a NUL-terminated feature string, as byte views
    /// into MeCab's lattice (valid while it lives).
    private static func fields(of feature: UnsafePointer<CChar>, count: Int = 7) -> [UnsafeBufferPointer<UInt8>] {
        let bytes = UnsafeRawPointer(feature).assumingMemoryBound(to: UInt8.self)
        var fields: [UnsafeBufferPointer<UInt8>] = []
        fields.reserveCapacity(count)
        var start = 0, index = 0
        while fields.count < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ",") || byte == 0 {
                fields.append(UnsafeBufferPointer(start: bytes + start, count: index - start))
                if byte == 0 { break }
                start = index + 1
            }
            index += 1
        }
        return fields
    }

    private static func match<Value>(_ field: UnsafeBufferPointer<UInt8>, _ names: [(bytes: [UInt8], value: Value)]) -> Value? {
        names.first { field.elementsEqual($0.bytes) }?.value
    }
}
