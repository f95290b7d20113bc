import Synchronization

/// Finds the readings of a text's kanji (docs/ruby.md): the case's own words first (names from
/// their kana fields, the staff's `furigana`), then MeCab's IPAdic readings, never a guess.
///
/// A reading is split over the word's kanji where the kana around them pin it down (食べる:
/// 食 over た) and further per character where each kanji's own reading adds up to the word's
/// (支援: 支 し, 援 えん), which gives mono-ruby; otherwise the whole run of kanji takes the reading
/// as one group (学校: がっこう). Only kanji the reader has not learned are given ruby.
public enum RubyAnnotator {
    /// The annotations of `text`, in text order, and how many runs of unlearned kanji found no
    /// reading (MeCab's unknown words: the case can give them under `furigana`).
    public static func annotate(_ text: String, request: RubyRequest) -> (annotations: [RubyAnnotation], unread: Int) {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains(where: request.needsReading) else { return ([], 0) }
        var covered = [Bool](repeating: false, count: scalars.count)
        var result: [RubyAnnotation] = []
        var unread = 0

        // The case's words, longest first, wherever they stand.
        for (word, reading) in request.words {
            let pattern = Array(word.unicodeScalars)
            guard pattern.contains(where: RubyText.isKanji), pattern.count <= scalars.count else { continue }
            var start = 0
            while start + pattern.count <= scalars.count {
                let range = start..<(start + pattern.count)
                if scalars[range].elementsEqual(pattern), !covered[range].contains(true) {
                    for i in range { covered[i] = true }
                    if let runs = align(pattern[...], Array(reading.unicodeScalars)) {
                        result += runs.compactMap { run in
                            let base = (run.range.lowerBound + start)..<(run.range.upperBound + start)
                            return scalars[base].contains(where: request.needsReading)
                                ? RubyAnnotation(range: base, reading: run.reading) : nil
                        }
                    } else if pattern.contains(where: request.needsReading) {
                        unread += 1
                    }
                    start = range.upperBound
                } else {
                    start += 1
                }
            }
        }

        // MeCab for the rest, line by line (a hard break ends a sentence for the tagger too).
        guard let tagger = WordSegmenter.shared?.tagger else {
            return (result.sorted { $0.range.lowerBound < $1.range.lowerBound }, unread)
        }
        var lineStart = 0
        for line in scalars.split(separator: "\n", omittingEmptySubsequences: false) {
            defer { lineStart += line.count + 1 }
            guard line.contains(where: request.needsReading) else { continue }
            // Spaces are left out of what MeCab reads: a date set 「12 月 1 日」 or a child's
            // spaced words read as the same text unspaced (月 is がつ after a number, not つき).
            // `kept[k]`: the line offset of the tagger's scalar k.
            var kept: [Int] = []
            var unspaced = String.UnicodeScalarView()
            for (index, scalar) in line.enumerated() where !scalar.properties.isWhitespace {
                kept.append(index)
                unspaced.append(scalar)
            }
            let lineText = String(unspaced)
            let scalarAt = MeCabTagger.scalarIndexByByte(of: lineText)
            for morpheme in tagger.readings(of: lineText) {
                guard let keptScalars = MeCabTagger.scalarRange(of: morpheme.bytes, scalarAt),
                      case let (firstKept, endKept) = (keptScalars.lowerBound, keptScalars.upperBound),
                      // A morpheme across a left-out space (「12 月」 read as one word) has none.
                      kept[endKept - 1] - kept[firstKept] == endKept - 1 - firstKept else { continue }
                let first = kept[firstKept], end = kept[endKept - 1] + 1
                let range = (lineStart + first)..<(lineStart + end)
                let surface = scalars[range]
                guard surface.contains(where: request.needsReading), !covered[range].contains(true) else { continue }
                // IPAdic reads 月 after half-width digits as つき (「12月」); after a number it is the
                // month's がつ.
                let afterNumber = firstKept > 0 && unspaced[unspaced.index(unspaced.startIndex, offsetBy: firstKept - 1)].properties.numericType != nil
                let counter = afterNumber && surface.count == 1 ? counterReadings[surface.first!] : nil
                guard let reading = counter ?? morpheme.reading,
                      let runs = align(surface, Array(RubyText.hiragana(reading).unicodeScalars)) else {
                    unread += 1
                    continue
                }
                for run in runs {
                    let base = (range.lowerBound + run.range.lowerBound)..<(range.lowerBound + run.range.upperBound)
                    guard scalars[base].contains(where: request.needsReading) else { continue }
                    if base.count > 1, let perCharacter = split(scalars[base], reading: run.reading, tagger: tagger) {
                        for (i, reading) in zip(base, perCharacter) where request.needsReading(scalars[i]) {
                            result.append(RubyAnnotation(range: i..<(i + 1), reading: reading))
                        }
                    } else {
                        result.append(RubyAnnotation(range: base, reading: run.reading))
                    }
                }
            }
        }
        return (result.sorted { $0.range.lowerBound < $1.range.lowerBound }, unread)
    }

    /// Readings of a counter right after a number where IPAdic's differs.
    static let counterReadings: [Unicode.Scalar: String] = ["月": "がつ"]

    /// The runs of kanji in `surface` with their part of `reading` (hiragana), where the kana of
    /// the surface match the reading around them; nil when they cannot (a reading that does not
    /// spell the word, or one too long to align).
    static func align(_ surface: ArraySlice<Unicode.Scalar>, _ reading: [Unicode.Scalar]) -> [(range: Range<Int>, reading: String)]? {
        // Segments: runs of kanji, and runs of anything else (matched literally, katakana folded).
        var segments: [(range: Range<Int>, isKanji: Bool)] = []
        let base = surface.startIndex
        for (offset, scalar) in surface.enumerated() {
            let isKanji = RubyText.isKanji(scalar)
            if let last = segments.last, last.isKanji == isKanji {
                segments[segments.count - 1].range = last.range.lowerBound..<(offset + 1)
            } else {
                segments.append((offset..<(offset + 1), isKanji))
            }
        }
        guard segments.contains(where: \.isKanji), surface.count <= 24, reading.count <= 48 else { return nil }
        let folded = segments.map { segment -> [Unicode.Scalar] in
            segment.isKanji ? [] : Array(RubyText.hiragana(String(String.UnicodeScalarView(
                surface[(base + segment.range.lowerBound)..<(base + segment.range.upperBound)]))).unicodeScalars)
        }

        func match(_ index: Int, _ position: Int) -> [Range<Int>]? {
            guard index < segments.count else { return position == reading.count ? [] : nil }
            if !segments[index].isKanji {
                let literal = folded[index]
                guard position + literal.count <= reading.count,
                      reading[position..<(position + literal.count)].elementsEqual(literal) else { return nil }
                return match(index + 1, position + literal.count)
            }
            // A kanji run reads as at least one kana; try the shortest first.
            let remaining = reading.count - position
            guard remaining >= 1 else { return nil }
            for length in 1...remaining {
                if let rest = match(index + 1, position + length) {
                    return [position..<(position + length)] + rest
                }
            }
            return nil
        }
        guard let readings = match(0, 0) else { return nil }
        let kanjiRuns = segments.filter(\.isKanji).map(\.range)
        return zip(kanjiRuns, readings).map { run, span in
            (run, String(String.UnicodeScalarView(reading[span])))
        }
    }

    /// `reading` split over the characters of `run` when each character's own reading (MeCab's,
    /// for the character alone) adds up to it exactly; nil otherwise (がっこう is not がく＋こう).
    static func split(_ run: ArraySlice<Unicode.Scalar>, reading: String, tagger: MeCabTagger) -> [String]? {
        var parts: [String] = []
        for scalar in run {
            guard let part = characterReading(scalar, tagger: tagger) else { return nil }
            parts.append(part)
        }
        return parts.joined() == reading ? parts : nil
    }

    private static let characterReadings = Mutex<[Unicode.Scalar: String?]>([:])

    /// MeCab's reading of one kanji standing alone, in hiragana (cached: the same few hundred
    /// kanji come back in every document).
    static func characterReading(_ scalar: Unicode.Scalar, tagger: MeCabTagger) -> String? {
        if let hit = characterReadings.withLock({ $0[scalar] }) { return hit }
        let morphemes = tagger.readings(of: String(scalar))
        let reading = morphemes.count == 1 ? morphemes[0].reading.map(RubyText.hiragana) : nil
        characterReadings.withLock { cache in
            if cache.count < 4_096 { cache[scalar] = reading }
        }
        return reading
    }
}
