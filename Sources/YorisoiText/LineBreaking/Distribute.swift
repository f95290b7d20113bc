extension JapaneseLineBreaker {
    /// 均等割り of one label (e.g. 氏名) across exactly `width`: first and last glyph touch the edges
    /// and the gaps between clusters are equal (JLREQ "両端揃え" definition used by 帳票 tools);
    /// a single cluster is centred. If the natural width exceeds `width`, the natural positions are
    /// compressed evenly by `scale` (< 1), and the caller draws each glyph scaled horizontally by it
    /// too (PDF `Tz`), so the label ends exactly at `width`.
    public static func distribute(_ clusters: [TextCluster], width: Double) -> (positions: [Double], scale: Double) {
        guard !clusters.isEmpty else { return ([], 1) }
        let measure = LineMeasure(ClusterMetrics.analyse(clusters))
        let composer = LineComposer(measure: measure)
        let range = 0..<clusters.count
        let natural = measure.naturalWidth(0, clusters.count, indent: 0)

        if natural > width + 1e-7, natural > 0 {
            let line = composer.compose(range, indent: 0, width: natural, mode: .start, endsParagraph: true)
            let scale = width / natural
            return (line.positions.map { $0 * scale }, scale)
        }
        let line = composer.compose(range, indent: 0, width: width, mode: .distribute, endsParagraph: true)
        return (line.positions, 1)
    }
}
