/// A small, self-made sRGB ICC profile (ICC.1 v2.1 display class, RGB → XYZ), so the OutputIntent
/// never depends on a file that a given machine may lack. Contents: desc, cprt, wtpt (D50, the PCS
/// illuminant, as the v4 convention does), the D50-adapted sRGB primaries (IEC 61966-2-1 via
/// Bradford) and one shared 1024-point IEC 61966-2-1 tone curve for r/g/b TRC.
enum ICCProfile {
    static let description = "sRGB IEC61966-2.1"

    static let sRGB: [UInt8] = build()

    /// The profile never changes, so it is deflated once per process (at the best level) rather
    /// than once per document.
    static let compressedSRGB: [UInt8]? = try? Deflate.compress(sRGB, level: 9)

    static func build() -> [UInt8] {
        let desc = textDescription(description)
        let cprt = text("No copyright, use freely")
        let wtpt = xyz(0.9642, 1.0, 0.8249)
        let rXYZ = xyz(0.4360747, 0.2225045, 0.0139322)
        let gXYZ = xyz(0.3850649, 0.7168786, 0.0971045)
        let bXYZ = xyz(0.1430804, 0.0606169, 0.7141733)
        let trc = toneCurve(points: 1024)

        // (signature, data) in table order; the three TRC tags point at one shared element.
        let elements: [(String, [UInt8])] = [
            ("desc", desc), ("cprt", cprt), ("wtpt", wtpt),
            ("rXYZ", rXYZ), ("gXYZ", gXYZ), ("bXYZ", bXYZ), ("rTRC", trc),
        ]
        let tagCount = elements.count + 2
        var offset = 128 + 4 + 12 * tagCount
        var table: [UInt8] = be32(UInt32(tagCount))
        var data: [UInt8] = []
        var trcEntry: (UInt32, UInt32) = (0, 0)
        for (signature, element) in elements {
            table += Array(signature.utf8) + be32(UInt32(offset)) + be32(UInt32(element.count))
            if signature == "rTRC" { trcEntry = (UInt32(offset), UInt32(element.count)) }
            var padded = element
            while padded.count % 4 != 0 { padded.append(0) }
            data += padded
            offset += padded.count
        }
        for signature in ["gTRC", "bTRC"] {
            table += Array(signature.utf8) + be32(trcEntry.0) + be32(trcEntry.1)
        }

        let size = 128 + table.count + data.count
        var header: [UInt8] = []
        header += be32(UInt32(size))
        header += [0, 0, 0, 0]                          // preferred CMM: none
        header += [0x02, 0x10, 0x00, 0x00]              // version 2.1.0
        header += Array("mntr".utf8)                    // display device
        header += Array("RGB ".utf8)
        header += Array("XYZ ".utf8)                    // profile connection space
        header += be16(2024) + be16(1) + be16(1) + be16(0) + be16(0) + be16(0)  // fixed: deterministic
        header += Array("acsp".utf8)
        header += [UInt8](repeating: 0, count: 4 + 4 + 4 + 4 + 8)  // platform, flags, maker, model, attributes
        header += be32(0)                               // rendering intent: perceptual
        header += s15Fixed16(0.9642) + s15Fixed16(1.0) + s15Fixed16(0.8249)  // PCS illuminant D50
        header += [UInt8](repeating: 0, count: 4 + 16 + 28)  // creator, profile ID (v4 only), reserved
        precondition(header.count == 128)
        return header + table + data
    }

    // MARK: Tag types

    private static func xyz(_ x: Double, _ y: Double, _ z: Double) -> [UInt8] {
        Array("XYZ ".utf8) + [0, 0, 0, 0] + s15Fixed16(x) + s15Fixed16(y) + s15Fixed16(z)
    }

    private static func text(_ string: String) -> [UInt8] {
        Array("text".utf8) + [0, 0, 0, 0] + Array(string.utf8) + [0]
    }

    /// v2 textDescriptionType: ASCII part, then empty Unicode and ScriptCode parts.
    private static func textDescription(_ string: String) -> [UInt8] {
        let ascii = Array(string.utf8) + [0]
        return Array("desc".utf8) + [0, 0, 0, 0] + be32(UInt32(ascii.count)) + ascii
            + be32(0) + be32(0)                          // Unicode language code, count
            + be16(0) + [0] + [UInt8](repeating: 0, count: 67)  // ScriptCode code, count, string
    }

    /// curveType with the sRGB transfer function sampled at `points` evenly spaced inputs.
    private static func toneCurve(points: Int) -> [UInt8] {
        var out = Array("curv".utf8) + [0, 0, 0, 0] + be32(UInt32(points))
        for i in 0..<points {
            let v = Double(i) / Double(points - 1)
            let linear = v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
            out += be16(UInt16((linear * 65535).rounded()))
        }
        return out
    }

    // MARK: Encoding

    private static func be32(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }
    private static func be16(_ v: UInt16) -> [UInt8] { [UInt8(v >> 8), UInt8(v & 0xFF)] }
    private static func s15Fixed16(_ v: Double) -> [UInt8] {
        be32(UInt32(bitPattern: Int32((v * 65536).rounded())))
    }

    /// x^y for x in (0, 2): exp(y·ln x) by series, so the profile bytes depend on no libm build.
    private static func pow(_ x: Double, _ y: Double) -> Double {
        exp(y * ln(x))
    }
    private static func ln(_ x: Double) -> Double {
        // ln x = 2·atanh((x−1)/(x+1)), converging fast for x near 1.
        let t = (x - 1) / (x + 1), t2 = t * t
        var term = t, sum = 0.0
        var k = 1.0
        while abs(term / k) > 1e-17 { sum += term / k; term *= t2; k += 2 }
        return 2 * sum
    }
    private static func exp(_ x: Double) -> Double {
        var term = 1.0, sum = 1.0
        var n = 1.0
        while abs(term) > 1e-17 { term *= x / n; sum += term; n += 1 }
        return sum
    }
}

/// The PDF/A OutputIntent (`/S /GTS_PDFA1`) that makes DeviceRGB/DeviceGray mean sRGB.
enum OutputIntent {
    static func write(intent: Ref, profile: Ref, to chunk: Chunk) throws(PDFError) {
        var data: [UInt8]
        if let cached = ICCProfile.compressedSRGB {
            data = cached
        } else {
            data = try Deflate.compress(ICCProfile.sRGB, level: 9)
        }
        chunk.stream(profile, data: data, filter: .flate) { dict in
            dict.int("N", 3)
        }
        chunk.indirect(intent) { obj in
            obj.dict { dict in
                dict.name("Type", "OutputIntent")
                dict.name("S", "GTS_PDFA1")
                dict.key("OutputConditionIdentifier").textString(ICCProfile.description)
                dict.key("Info").textString(ICCProfile.description)
                dict.key("RegistryName").textString("http://www.color.org")
                dict.ref("DestOutputProfile", profile)
            }
        }
    }
}
