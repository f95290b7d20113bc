import Foundation
import Testing
import YorisoiDigest
@testable import YorisoiPDF

/// Exact-byte tests of the object layer, in the manner of pdf-writer's chunk tests.
@Suite struct SyntaxTests {
    @Test func realsAreLocaleFreeAndTrimmed() {
        #expect(Self.written(595.276) == "595.276")
        #expect(Self.written(841.89) == "841.89")
        #expect(Self.written(12) == "12")
        #expect(Self.written(-0.0001) == "0")
        #expect(Self.written(-1.5) == "-1.5")
        #expect(Self.written(0.05) == "0.05")
        #expect(Self.written(1.0005) == "1.001")
        #expect(Self.written(.nan) == "0")
    }

    /// Reals are written in place, digit by digit; they must be the bytes a plain formatter spells
    /// (`reference`, below), and `PDFNumber.units` must tell equal and zero prints apart the same way.
    @Test func realsWrittenInPlaceMatchTheirText() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 0.0004, -0.0005, 0.0005, 1, 10, 100.1, 1_000_000.000_5, -42.042,
                                9.99_95, 0.01, 0.1, 595.276, .infinity, -.infinity, .nan, 1e19, -1e19]
        for _ in 0..<5_000 { values.append(Double.random(in: -2_000...2_000, using: &generator)) }
        for _ in 0..<1_000 { values.append(Double.random(in: -0.01...0.01, using: &generator)) }
        for value in values {
            for decimals in [0, 1, 3, 5] {
                let buffer = ByteBuffer()
                buffer.appendReal(value, decimals: decimals)
                let text = Self.reference(value, decimals: decimals)
                #expect(buffer.bytes == Array(text.utf8), "\(value) at \(decimals) decimals")
                #expect((PDFNumber.units(value, decimals: decimals) == 0) == (text == "0"))
            }
        }
        let buffer = ByteBuffer()
        buffer.appendHex16(0x0A1F)
        #expect(buffer.bytes == Array("0A1F".utf8))
    }

    /// The buffer grows past its first capacity without losing a byte, and takes in another
    /// buffer — itself included, when it must grow to do so.
    @Test func theBufferGrowsAndTakesInBuffers() {
        let buffer = ByteBuffer(capacity: 1)
        var expected: [UInt8] = []
        for index in 0..<1_000 {
            buffer.appendInt(index)
            buffer.append(" ")
            expected += Array("\(index) ".utf8)
        }
        #expect(buffer.bytes == expected)
        let other = ByteBuffer()
        other.append("<<")
        other.append(buffer)
        #expect(other.bytes == Array("<<".utf8) + expected)
        buffer.append(buffer)
        #expect(buffer.count == 2 * expected.count)
        #expect(buffer.bytes == expected + expected)
        buffer.withUnsafeBytes { #expect(Array($0) == expected + expected) }
    }

    @Test func theDefaultFactorIsTenToTheDefaultDecimals() {
        #expect(PDFNumber.defaultFactor == Double(PDFNumber.scale(PDFNumber.defaultDecimals)))
    }

    /// What `ByteBuffer.appendReal` writes, as text.
    static func written(_ value: Double, decimals: Int = PDFNumber.defaultDecimals) -> String {
        let buffer = ByteBuffer()
        buffer.appendReal(value, decimals: decimals)
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    /// The format spelt out with strings, as the writer once did: round to `decimals`, clamp,
    /// sign, integer part, then the fraction without trailing zeros.
    static func reference(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * Double(scale)).rounded(.toNearestOrAwayFromZero)
        let units = Int64(max(min(scaled, 9.0e17), -9.0e17))
        if units == 0 { return "0" }
        let magnitude = units.magnitude
        var fraction = magnitude % UInt64(scale)
        var text = (units < 0 ? "-" : "") + String(magnitude / UInt64(scale))
        if fraction != 0 {
            var digits = decimals
            while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            let f = String(fraction)
            text += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return text
    }

    @Test func indirectDictionary() {
        let chunk = Chunk()
        chunk.indirect(Ref(number: 1)) { obj in
            obj.dict { dict in
                dict.name("Type", "Catalog")
                dict.ref("Pages", Ref(number: 2))
                dict.key("Kids").array { a in a.ref(Ref(number: 3)); a.int(4); a.real(0.5) }
                dict.key("Nested").dict { inner in inner.key("On").bool(true) }
                dict.key("Title").textString("支援 (a)")
                dict.key("Plain").textString("a(b)\\c")
            }
        }
        let expected = """
            1 0 obj
            <<
              /Type /Catalog
              /Pages 2 0 R
              /Kids [3 0 R 4 0.5]
              /Nested <<
                /On true
              >>
              /Title <FEFF652F63F40020002800610029>
              /Plain (a\\(b\\)\\\\c)
            >>
            endobj


            """
        #expect(chunk.bytes.latin1 == expected)
        #expect(chunk.offsets.map(\.offset) == [0])
    }

    @Test func streamWithLengthAndFilter() {
        let chunk = Chunk()
        chunk.stream(Ref(number: 7), data: Array("q Q".utf8), filter: .flate) { dict in
            dict.int("Length1", 10)
        }
        #expect(chunk.bytes.latin1 == """
            7 0 obj
            <<
              /Length1 10
              /Filter /FlateDecode
              /Length 3
            >>
            stream
            q Q
            endstream
            endobj


            """)
    }

    @Test func compactObjectsAreOneLine() {
        let buffer = ByteBuffer()
        Obj(buffer: buffer, indent: 0, compact: true).dict { dict in
            dict.name("S", "TH")
            dict.ref("P", Ref(number: 12))
            dict.key("K").array { array in
                array.int(3)
                array.item().dict { mcr in mcr.name("Type", "MCR"); mcr.int("MCID", 0) }
            }
            dict.key("A").dict { $0.name("Scope", "Row") }
            dict.key("E").dict { _ in }
        }
        #expect(buffer.bytes.latin1 == "<</S /TH /P 12 0 R /K [3 <</Type /MCR /MCID 0>>] /A <</Scope /Row>> /E <<>>>>")
    }

    @Test func integersAreWrittenDigitByDigit() {
        for value in [0, 7, 10, -1, -42, 1_234_567, Int.max, Int.min] {
            let buffer = ByteBuffer()
            buffer.appendInt(value)
            #expect(buffer.bytes.latin1 == String(value))
        }
    }

    @Test func namesEscapeDelimitersAndNonASCII() {
        let buffer = ByteBuffer()
        Obj(buffer: buffer, indent: 0).name("A B#(é)")
        #expect(buffer.bytes.latin1 == "/A#20B#23#28#C3#A9#29")
        let delimiters = ByteBuffer()
        Obj(buffer: delimiters, indent: 0).name("a<>[]{}/%\u{7F}~!")
        #expect(delimiters.bytes.latin1 == "/a#3C#3E#5B#5D#7B#7D#2F#25#7F~!")
    }

    @Test func xrefEntriesAreTwentyBytes() {
        #expect(FileWriter.xrefEntry(offset: 0, generation: 65535, inUse: false) == "0000000000 65535 f\r\n")
        #expect(FileWriter.xrefEntry(offset: 1234, generation: 0, inUse: true) == "0000001234 00000 n\r\n")
        #expect(FileWriter.xrefEntry(offset: 1234, generation: 0, inUse: true).utf8.count == 20)
    }

    @Test func wholeFileLayout() throws {
        let chunk = Chunk()
        chunk.indirect(Ref(number: 1)) { $0.dict { $0.name("Type", "Catalog") } }
        chunk.indirect(Ref(number: 2)) { $0.dict { _ in } }
        let bytes = try FileWriter.write(chunk, trailer: .init(root: Ref(number: 1), info: Ref(number: 2),
                                                           id: [0xAB, 0x01]))
        let header = Array("%PDF-1.7\n%".utf8) + [0x80, 0x81, 0x82, 0x83, 0x0A]
        #expect(Array(bytes.prefix(header.count)) == header)
        let text = Array(bytes.dropFirst(header.count)).latin1
        #expect(text == """
            1 0 obj
            <<
              /Type /Catalog
            >>
            endobj

            2 0 obj
            <<
            >>
            endobj

            xref
            0 3
            0000000000 65535 f\r
            0000000015 00000 n\r
            0000000054 00000 n\r
            trailer
            <<
              /Size 3
              /Root 1 0 R
              /Info 2 0 R
              /ID [<AB01> <AB01>]
            >>
            startxref
            76
            %%EOF

            """)
    }

    /// The /ID's digest, given piece by piece with digests taken on the way, is SHA-256 (FIPS
    /// 180-2 vectors) of what was given so far.
    @Test func sha256StreamMatchesFIPSVectorsPieceByPiece() {
        func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
        let stream = SHA256Stream()
        #expect(hex(stream.digestSoFar()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        stream.update(Array("ab".utf8))
        stream.update(Array("c".utf8))
        #expect(hex(stream.digestSoFar()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // Taking a digest leaves the stream going: the two-block vector continues "abc".
        stream.update(Array("dbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        #expect(hex(stream.digestSoFar()) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(hex(ContentDigest.sha256(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(DocumentHash.fileID(stream) == Array(stream.digestSoFar().prefix(16)))
    }

    @Test func uuidFromDigestIsVersion8NameBased() {
        let uuid = DocumentHash.uuid(Array(ContentDigest.sha256(Array("abc".utf8)).prefix(16)))
        #expect(uuid == "ba7816bf-8f01-8fea-8141-40de5dae2223")
    }

    @Test func utf16UsesSurrogatePairs() {
        #expect(TextEncoding.utf16BE("𠮷") == [0xD8, 0x42, 0xDF, 0xB7])
        #expect(TextEncoding.utf16BE("\u{E0100}") == [0xDB, 0x40, 0xDD, 0x00])
    }

    @Test func dates() throws {
        let date = try PDFDate(iso8601: "2025-01-17T09:30:05+09:00")
        #expect(date.pdfString == "D:20250117093005+09'00'")
        #expect(date.xmpString == "2025-01-17T09:30:05+09:00")
        #expect(try PDFDate(iso8601: "2025-01-17T00:00:00Z").pdfString == "D:20250117000000Z")
        #expect(throws: DisplayListError.invalidDate) { try PDFDate(iso8601: "2025-13-17T00:00:00Z") }
        #expect(throws: DisplayListError.invalidDate) { try PDFDate(iso8601: "2025-01-17 00:00:00") }
    }
}
