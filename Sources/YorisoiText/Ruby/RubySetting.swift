/// One reading set over its base in a paragraph (JLREQ §3.3, and the W3C "Rules for Simple
/// Placement of Japanese Ruby"; docs/ruby.md).
///
/// - The reading is set at half the base size, on top of the base's em box, centred over it.
/// - A reading shorter than its base is spread 1:2:1 (half a gap at each end, a gap between).
/// - A reading longer than its base may overhang a kana beside it by up to one ruby character;
///   what it needs beyond that is added as space on the base's sides (inside the first and last
///   base clusters' advances), so the line breaker and justification see the real width.
/// - A base of several characters (group ruby) is one unit: no line ends inside it and no
///   justification spreads it (`JapaneseLineBreaker.breakLines(_:options:keepingTogether:)`).
///   Mono-ruby is one character: a line may end on either side as usual.
/// - At a line's start or end the reading does not hang past the line: it moves inwards.
struct RubySetting: Sendable {
    /// The base's clusters, by index in the paragraph.
    var clusters: Range<Int>
    /// The reading's size in points.
    var size: Double
    var baseSize: Double
    var reading: [ShapedCluster]
    /// The reading's natural width and the base's (without the added space), in points.
    var width: Double
    var baseWidth: Double
    /// Space added before the base, inside its first cluster's advance, and after it, inside
    /// its last cluster's.
    var padBefore: Double
    var padAfter: Double
    /// How far the reading hangs over the kana before the base.
    var overhangBefore: Double

    /// Ruby is half the size of its base (JLREQ 3.3.1).
    static let sizeRatio = 0.5
    /// The most a reading may hang over a kana beside its base, in ruby characters.
    static let overhangLimit = 1.0

    /// Where the reading's em box ends above the baseline: the top of the line's ink.
    var top: Double { Self.baseEmTop * baseSize + size }
    /// The reading's baseline above the base's: its em box stands on the base's em box.
    var rise: Double { Self.baseEmTop * baseSize + Self.emBottom * size }
    /// Room kept above a line's readings, in ems of the line's largest size.
    static let clearance = 0.25
    /// The ideographic em box of a Japanese face: 0.88 em above the baseline, 0.12 below.
    static let baseEmTop = 0.88
    static let emBottom = 0.12

    /// Shapes each annotation of one span (whose clusters start at paragraph index `first`) and
    /// widens its base where the reading needs room.
    static func add(_ annotations: [RubyAnnotation], over clusters: [ShapedCluster], startingAt first: Int,
                    size: Double, chain: FontChain, to breakable: inout [TextCluster], rubies: inout [RubySetting],
                    leadingPads: inout [Int: Double]) throws {
        guard !annotations.isEmpty else { return }
        // Scalar offset of each cluster's start and end, to find the clusters of a base.
        var startIndex: [Int: Int] = [:], endIndex: [Int: Int] = [:]
        var offset = 0
        for (index, cluster) in clusters.enumerated() {
            startIndex[offset] = index
            offset += cluster.text.unicodeScalars.count
            endIndex[offset] = index
        }
        let rubySize = size * sizeRatio
        for annotation in annotations {
            guard let firstLocal = startIndex[annotation.range.lowerBound],
                  let lastLocal = endIndex[annotation.range.upperBound], lastLocal >= firstLocal else { continue }
            let base = (first + firstLocal)..<(first + lastLocal + 1)
            if let previous = rubies.last, previous.clusters.upperBound > base.lowerBound { continue }
            let reading = try Shaper.shape(annotation.reading, with: chain)
            guard reading.uncovered.isEmpty, !reading.clusters.isEmpty else { continue }
            let width = reading.clusters.reduce(0) { $0 + $1.advance } * rubySize
            let baseWidth = breakable[base].reduce(0) { $0 + $1.advance }
            var padBefore = 0.0, padAfter = 0.0, overhangBefore = 0.0
            let excess = width - baseWidth
            if excess > 0 {
                func limit(_ local: Int) -> Double {
                    guard clusters.indices.contains(local),
                          let scalar = clusters[local].text.unicodeScalars.first, RubyText.isKana(scalar) else { return 0 }
                    return overhangLimit * rubySize
                }
                // Half the excess over each side where a kana allows it; what one side cannot
                // take goes to the other (a reading beside a kanji hangs over the kana after it);
                // the rest is space beside the base, half on each side.
                let limitBefore = limit(firstLocal - 1), limitAfter = limit(lastLocal + 1)
                var before = min(limitBefore, excess / 2), after = min(limitAfter, excess / 2)
                var rest = excess - before - after
                let moreAfter = min(limitAfter - after, rest)
                after += moreAfter; rest -= moreAfter
                let moreBefore = min(limitBefore - before, rest)
                before += moreBefore; rest -= moreBefore
                padBefore = rest / 2
                padAfter = rest / 2
                overhangBefore = before
            }
            breakable[base.lowerBound].advance += padBefore
            breakable[base.upperBound - 1].advance += padAfter
            if padBefore > 0 { leadingPads[base.lowerBound] = padBefore }
            rubies.append(RubySetting(clusters: base, size: rubySize, baseSize: size, reading: reading.clusters,
                                      width: width, baseWidth: baseWidth, padBefore: padBefore, padAfter: padAfter,
                                      overhangBefore: overhangBefore))
        }
    }

    /// The reading's glyphs for a base set from `baseStart` to `baseEnd` (wider than its natural
    /// width when a 均等割り label spread it) on a line `lineWidth` wide.
    func glyphs(baseStart: Double, baseEnd: Double, lineWidth: Double, styles: inout GlyphStyles) -> [LineGlyph] {
        let setWidth = baseEnd - baseStart
        var gap = 0.0
        var pen: Double
        if width < setWidth {
            gap = (setWidth - width) / Double(reading.count)
            pen = baseStart + gap / 2
        } else {
            // As planned at shaping, unless a 均等割り label spread the base: then centred.
            pen = abs(setWidth - baseWidth) < 0.01 ? baseStart - padBefore - overhangBefore
                                                  : baseStart - (width - setWidth) / 2
            pen = max(0, min(pen, lineWidth - width))
        }
        var glyphs: [LineGlyph] = []
        for cluster in reading {
            for (n, glyph) in cluster.glyphs.enumerated() {
                glyphs.append(LineGlyph(style: styles.index(of: cluster.face, language: nil), fontSize: size, glyphID: glyph.glyphID,
                                        x: pen + glyph.xOffset * size, yOffset: -rise - glyph.yOffset * size,
                                        text: n == 0 ? cluster.text : "", variationLost: cluster.variationLost,
                                        isRuby: true))
                pen += glyph.advance * size
            }
            pen += gap
        }
        if !glyphs.isEmpty { glyphs[0].startsReading = true }
        return glyphs
    }
}
