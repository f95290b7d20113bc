/// A run of indirect objects written in sequence, as in pdf-writer's `Chunk`. The chunk remembers
/// where each object starts so the file writer can build the xref from recorded offsets.
final class Chunk {
    let buffer = ByteBuffer(capacity: 64 * 1024)
    private(set) var offsets: [(ref: Ref, offset: Int)] = []
    /// Objects packed into an object stream: which stream, and their index in it (`ObjectStreams`).
    private(set) var packed: [(ref: Ref, stream: Ref, index: Int)] = []

    var bytes: [UInt8] { buffer.bytes }

    /// `n 0 obj <value> endobj`.
    func indirect(_ ref: Ref, _ body: (Obj) -> Void) {
        begin(ref)
        body(Obj(buffer: buffer, indent: 0))
        buffer.append("\nendobj\n\n")
    }

    /// A stream object. `data` is written as given: compress it first and pass the filter,
    /// so the caller decides (and can measure) what is deflated and how hard.
    func stream(_ ref: Ref, data: [UInt8], filter: StreamFilter? = nil,
                _ extra: (DictWriter) -> Void = { _ in }) {
        begin(ref)
        Obj(buffer: buffer, indent: 0).dict { dict in
            extra(dict)
            if let filter { dict.name("Filter", filter.rawValue) }
            dict.int("Length", data.count)
        }
        buffer.append("\nstream\n")
        buffer.append(data)
        buffer.append("\nendstream\nendobj\n\n")
    }

    /// Records that `ref` lives in object stream `stream` at `index`, for the xref stream.
    func recordPacked(_ ref: Ref, in stream: Ref, at index: Int) {
        packed.append((ref, stream, index))
    }

    private func begin(_ ref: Ref) {
        offsets.append((ref, buffer.count))
        buffer.appendInt(ref.number)
        buffer.append(" 0 obj\n")
    }
}

enum StreamFilter: String {
    case flate = "FlateDecode"
}
