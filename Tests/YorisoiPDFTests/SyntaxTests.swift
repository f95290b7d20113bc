import Testing
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

    @Test func md5MatchesRFC1321Vectors() {
        func hex(_ s: String) -> String {
            DocumentHash.md5(Array(s.utf8)).map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        }
        #expect(hex("") == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(hex("abc") == "900150983cd24fb0d6963f7d28e17f72")
        #expect(hex("message digest") == "f96b697d7cb7938d525a2f31aaf161d0")
        #expect(hex(String(repeating: "1234567890", count: 8))
                == "57edf4a22be3c955ac49da2e2107b67a")
    }

    @Test func uuidFromDigestIsVersion3() {
        let uuid = DocumentHash.uuid(DocumentHash.md5(Array("abc".utf8)))
        #expect(uuid == "90015098-3cd2-3fb0-9696-3f7d28e17f72")
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
