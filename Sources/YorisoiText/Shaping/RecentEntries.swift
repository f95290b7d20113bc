/// The last `capacity` entries put in, the oldest going first: a cache of the texts a document
/// lays out again and again (`ShapeCache`'s long texts, `BreakRulesCache`) that stays bounded in a
/// batch of any size, where every case brings texts of its own.
struct RecentEntries<Key: Hashable, Value> {
    let capacity: Int
    private var entries: [Key: Value] = [:]
    private var order: [Key] = []
    private var next = 0

    init(capacity: Int) {
        self.capacity = capacity
    }

    subscript(key: Key) -> Value? { entries[key] }

    /// Keeps `value` for `key` unless the key is kept already; when full, forgets the oldest.
    mutating func insert(_ key: Key, _ value: Value) {
        guard entries[key] == nil else { return }
        if order.count < capacity {
            order.append(key)
        } else {
            entries[order[next]] = nil
            order[next] = key
            next = (next + 1) % order.count
        }
        entries[key] = value
    }
}
