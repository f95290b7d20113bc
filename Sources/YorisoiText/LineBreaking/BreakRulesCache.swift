import Synchronization

/// The break rules of the last paragraphs broken, and their clusters' kinds, for laying the same
/// text out again.
///
/// Layout sets a free text several times: to measure its cell, to set it, and again at each
/// smaller size tried to take back a spill-over page (in 20 generated plans, 280 layouts of
/// 81 long texts). Its rules (`BreakRules.compute`: 禁則, units, and the katakana words MeCab
/// finds) and each cluster's class and blank (`ClusterMetrics.Kind`) depend on the clusters'
/// text and on which of them are set full-width, never on the size or the measure, so a hit
/// returns exactly what computing them would; only the lengths are set again at the new size.
///
/// Only paragraphs of at least `minimumClusters` are kept (a short label's rules cost less than
/// its key), the last `capacity` of them, oldest first out: a batch of any size keeps no more.
final class BreakRulesCache: Sendable {
    static let shared = BreakRulesCache()
    static let minimumClusters = 24
    static let capacity = 64

    typealias Rules = (kinds: [BreakKind], solid: [Bool])

    /// The clusters' text, each cluster ended by 0xFF (never a UTF-8 byte), and one bit per
    /// cluster for being set on a full em — what the rules read besides the text.
    ///
    /// Hashed once, over the raw bytes: the synthesised `Hashable` fed the hasher one byte at a
    /// time and again at every lookup, insertion and eviction (2.7% of a batch's instructions).
    struct Key: Hashable {
        let bytes: [UInt8]
        let fullWidth: [UInt64]
        let keepsWords: Bool
        private let digest: Int

        init(_ clusters: [TextCluster], keepsWords: Bool) {
            // One pass for the length, one to copy: each cluster's few bytes went through
            // Array.append(contentsOf:), ~100 instructions a cluster, as much as the rules cost.
            var fullWidth = [UInt64](repeating: 0, count: (clusters.count + 63) / 64)
            let bytes = clusters.withUnsafeBufferPointer { clusters in
                var length = clusters.count
                for index in clusters.indices {
                    length += clusters[index].text.utf8.count
                    if ClusterMetrics.isFullWidth(clusters[index]) { fullWidth[index / 64] |= 1 << UInt64(index % 64) }
                }
                return [UInt8](unsafeUninitializedCapacity: length) { out, written in
                    for index in clusters.indices {
                        let text = clusters[index].text.utf8
                        let copied: Void? = text.withContiguousStorageIfAvailable { source in
                            if let base = source.baseAddress { (out.baseAddress! + written).initialize(from: base, count: source.count) }
                            written += source.count
                        }
                        if copied == nil { for byte in text { out[written] = byte; written += 1 } }
                        out[written] = 0xFF
                        written += 1
                    }
                }
            }
            var hasher = Hasher()
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
            fullWidth.withUnsafeBytes { hasher.combine(bytes: $0) }
            hasher.combine(bytes.count)
            hasher.combine(keepsWords)
            self.bytes = bytes
            self.fullWidth = fullWidth
            self.keepsWords = keepsWords
            self.digest = hasher.finalize()
        }

        static func == (a: Key, b: Key) -> Bool {
            a.digest == b.digest && a.keepsWords == b.keepsWords && a.fullWidth == b.fullWidth && a.bytes == b.bytes
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(digest)
        }
    }

    private struct Entry {
        let rules: Rules
        let kinds: [ClusterMetrics.Kind]
    }

    private let recent = Mutex(RecentEntries<Key, Entry>(capacity: BreakRulesCache.capacity))

    /// The clusters' metrics and break rules: the kinds and rules kept for the same text, the
    /// lengths from `clusters`; or both found afresh, and kept.
    func analysed(_ clusters: [TextCluster], keepsWords: Bool) -> (metrics: [ClusterMetrics], rules: Rules) {
        guard clusters.count >= Self.minimumClusters else {
            let metrics = ClusterMetrics.analyse(clusters)
            return (metrics, BreakRules.compute(metrics, clusters, keepsWords: keepsWords))
        }
        let key = Key(clusters, keepsWords: keepsWords)
        if let hit = recent.withLock({ $0[key] }) {
            var metrics: [ClusterMetrics] = []
            metrics.reserveCapacity(clusters.count)
            for index in clusters.indices { metrics.append(ClusterMetrics(hit.kinds[index], clusters[index])) }
            return (metrics, hit.rules)
        }
        let metrics = ClusterMetrics.analyse(clusters)
        let rules = BreakRules.compute(metrics, clusters, keepsWords: keepsWords)
        recent.withLock { $0.insert(key, Entry(rules: rules, kinds: metrics.map(\.kind))) }
        return (metrics, rules)
    }

    /// Whether rules for these clusters are kept (lets tests prove what is cached).
    func contains(_ clusters: [TextCluster], keepsWords: Bool) -> Bool {
        let key = Key(clusters, keepsWords: keepsWords)
        return recent.withLock { $0[key] != nil }
    }
}
