/// Small objects packed into compressed object streams (ISO 32000-1 §7.5.7, PDF 1.5; allowed by
/// PDF/A-2). A tagged packet of 200 plans holds some 36 000 structure elements of about a hundred
/// bytes each: written as plain objects they were half the file, plus a 20-byte xref line each.
/// Packed and deflated, with the xref as a stream (`FileWriter`), they cost a few bytes apiece.
///
/// Only dictionaries go here — page objects, structure elements and the parent tree, outline
/// items — never streams (§7.5.7 forbids it). The catalog, the page tree's root, fonts and the
/// XMP stay plain, which keeps the file's top level readable by eye.
final class ObjectStreams {
    /// Objects per stream: large enough that each stream's dictionary and deflate header are
    /// amortised and deflate sees many alike elements, small enough that a reader looking up one
    /// element decompresses little.
    static let objectsPerStream = 200

    /// The packed objects' text, one after the other, and where each starts in it.
    private let body = ByteBuffer(capacity: 64 * 1024)
    private var objects: [(ref: Ref, offset: Int)] = []

    var isEmpty: Bool { objects.isEmpty }

    /// Adds one object, written compactly (on one line: nobody reads it before it is inflated).
    func add(_ ref: Ref, _ write: (Obj) -> Void) {
        objects.append((ref, body.count))
        write(Obj(buffer: body, indent: 0, compact: true))
        body.append(UInt8(ascii: "\n"))
    }

    /// Objects packed on another thread, in their order, to be taken in by `absorb`.
    struct Part: Sendable {
        let body: [UInt8]
        let objects: [(ref: Ref, offset: Int)]
    }

    /// What this one has packed, as a part another takes in.
    var part: Part { Part(body: body.bytes, objects: objects) }

    /// Takes in `part`'s objects after this one's, exactly as if they had been added here.
    func absorb(_ part: Part) {
        let base = body.count
        body.append(part.body)
        objects.reserveCapacity(objects.count + part.objects.count)
        for object in part.objects { objects.append((object.ref, object.offset + base)) }
    }

    /// Writes the streams into `chunk` (numbers from `allocator`) and records where each object
    /// went, for the xref stream. Streams are deflated side by side; the bytes do not depend on
    /// the number of threads.
    func write(to chunk: Chunk, allocator: inout RefAllocator, options: PDFWriteOptions) throws(PDFError) {
        guard !objects.isEmpty else { return }
        let per = Self.objectsPerStream
        let count = (objects.count + per - 1) / per
        let level = options.contentCompressionLevel
        let bytes = body.bytes
        let objects = self.objects
        let streams = try Parallel.map(count, threads: options.threads) { stream in
            let range = stream * per..<min(objects.count, (stream + 1) * per)
            let end = range.upperBound < objects.count ? objects[range.upperBound].offset : bytes.count
            let base = objects[range.lowerBound].offset
            // The header: object number and offset (from the first object) of each, in order.
            let header = ByteBuffer(capacity: range.count * 12)
            for index in range {
                if index > range.lowerBound { header.append(UInt8(ascii: " ")) }
                header.appendInt(objects[index].ref.number)
                header.append(UInt8(ascii: " "))
                header.appendInt(objects[index].offset - base)
            }
            header.append(UInt8(ascii: "\n"))
            let first = header.count
            header.append(bytes[base..<end])
            return Result { () throws(PDFError) in
                (data: try Deflate.compress(header, level: level), first: first, count: range.count)
            }
        }
        for (stream, packed) in streams.enumerated() {
            let ref = allocator.bump()
            chunk.stream(ref, data: packed.data, filter: .flate) { dict in
                dict.name("Type", "ObjStm")
                dict.int("N", packed.count)
                dict.int("First", packed.first)
            }
            for index in 0..<packed.count {
                chunk.recordPacked(objects[stream * per + index].ref, in: ref, at: index)
            }
        }
    }
}
