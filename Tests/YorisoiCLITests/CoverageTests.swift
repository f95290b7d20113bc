import Foundation
import Testing
import TestSupport

/// Every value in, every value out: each shipped municipality × kind renders a case in which every
/// field of `schema/case.schema.json` holds distinct marker text, and every marker must be in the
/// PDF's text — unless the template declares the value in `<unprinted>`, which `validate`
/// reports as W120 at the value's pointer. The test reads those pointers from `validate`, so it
/// also proves the warning.
@Suite struct CoverageTests {
    /// The shipped forms: the national ones through 見本市 (the municipality without its own),
    /// and every municipality's own and inherited kinds.
    static let forms: [(code: String, kind: String)] = [
        ("990019", "support-plan"), ("122297", "support-plan"), ("045012", "support-plan"),
        ("082244", "support-plan"), ("082244", "support-plan-child"),
        ("990019", "recommendation"), ("990019", "measure"), ("990019", "assessment"),
        ("122297", "recommendation"), ("045012", "measure"), ("082244", "assessment"),
        ("990019", "self-plan"), ("122297", "self-plan"), ("990019", "provider-brief"), ("990019", "fee-reduction"),
        ("990019", "explanation"), ("045012", "explanation"),
    ]

    /// The sections each kind prints (the case holds the other documents' data too).
    static func sections(of kind: String) -> [String] {
        switch kind {
        case "support-plan", "support-plan-child": ["created", "child", "guardians", "family", "plan", "consent", "staff"]
        case "assessment": ["child", "assessment"]
        case "recommendation": ["child", "guardians", "recommendation"]
        case "self-plan": ["guardians", "self_plan", "staff"]
        case "provider-brief": ["child", "guardians", "plan", "measure", "provider_brief", "staff"]
        case "fee-reduction": ["child", "guardians", "recommendation", "fee_reduction", "staff"]
        case "explanation": ["guardians", "explanation", "staff"]
        default: ["child", "guardians", "recommendation", "measure"]
        }
    }

    @Test(arguments: 0..<forms.count)
    func everyMarkerIsPrintedOrDeclared(index: Int) throws {
        let (code, kind) = Self.forms[index]
        let marker = try MarkerCase(municipality: code)
        let folder = try TestPaths.makeTemporaryDirectory("coverage")
        let caseFile = folder.appendingPathComponent("case.json")
        try marker.json().write(to: caseFile)
        let pdf = folder.appendingPathComponent("out.pdf")

        let rendered = try ExternalTool.run(TestPaths.yorisoiExecutable.path,
                                            ["render", caseFile.path, "--kind", kind, "-o", pdf.path],
                                            currentDirectory: TestPaths.repositoryRoot)
        #expect(rendered.status == 0, "\(code) \(kind): \(rendered.stderr)")
        guard rendered.status == 0 else { return }
        let validated = try ExternalTool.run(TestPaths.yorisoiExecutable.path,
                                             ["validate", caseFile.path, "--kind", kind, "--format", "json"],
                                             currentDirectory: TestPaths.repositoryRoot)
        let declared = try Self.pointers(of: "W120", in: validated.stdout)
        let text = Self.normalized(try ExternalTool.pdftotext(pdf, extraArguments: ["-raw"]))

        var missing: [String] = []
        for leaf in marker.leaves where Self.sections(of: kind).contains(leaf.tokens[0]) {
            let pointer = "/" + leaf.tokens.joined(separator: "/")
            if declared.contains(where: { pointer == $0 || pointer.hasPrefix($0 + "/") }) { continue }
            if !leaf.expected.contains(where: text.contains) { missing.append(pointer) }
        }
        #expect(missing.isEmpty, "\(code) \(kind): neither printed nor declared: \(missing.joined(separator: ", "))")
        // A declaration that covers nothing the case holds is not reported; one that covers a
        // printed value is a mistake in the template: the form would warn about what it prints.
        for pointer in declared {
            let printed = marker.leaves.filter { ("/" + $0.tokens.joined(separator: "/")).hasPrefix(pointer) }
                .filter { $0.expected.contains(where: text.contains) && !$0.isWeak }
            #expect(printed.isEmpty, "\(code) \(kind): \(pointer) is declared unprinted but printed")
        }
    }

    /// No whitespace, ASCII digits: dates set as 「令和７年　１月１７日」 read as 令和7年1月17日.
    static func normalized(_ text: String) -> String {
        String(text.unicodeScalars.compactMap { scalar -> Character? in
            if Character(scalar).isWhitespace { return nil }
            if (0xFF10...0xFF19).contains(scalar.value) { return Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!) }
            if (0xFF21...0xFF3A).contains(scalar.value) { return Character(Unicode.Scalar(scalar.value - 0xFF21 + 0x41)!) }
            return Character(scalar)
        })
    }

    static func pointers(of code: String, in json: String) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        var found: [String] = []
        func walk(_ value: Any) {
            if let map = value as? [String: Any] {
                if map["code"] as? String == code, let path = map["path"] as? String ?? map["pointer"] as? String {
                    found.append(path)
                }
                map.values.forEach(walk)
            } else if let list = value as? [Any] {
                list.forEach(walk)
            }
        }
        walk(object)
        return found
    }
}

/// A case built from the JSON schema: every string field gets its own marker (M001, M002, …),
/// every date its own month and day, every list two items.
struct MarkerCase {
    struct Leaf {
        var tokens: [String]
        /// Any of these in the normalised text counts as printed.
        var expected: [String]
        /// A short number that could appear by chance; never used to prove a declaration wrong.
        var isWeak = false
    }

    private(set) var root: [String: Any] = [:]
    private(set) var leaves: [Leaf] = []
    private var counter = 0
    private var dayCounter = 0
    private var monthCounter = 0
    private let defs: [String: Any]
    private let items: [(id: String, domain: String)]

    /// File metadata, not content: the format version, the case id (the file name), the
    /// municipality code and the internal 区分.
    static let metadata: Set<String> = ["version", "id", "municipality", "category"]
    /// A band of 見本市's profile (the only one with 減免 bands).
    static let feeBand = "市町村民税非課税世帯"

    init(municipality: String) throws {
        let schemaURL = TestPaths.repositoryRoot.appendingPathComponent("schema/case.schema.json")
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as? [String: Any] ?? [:]
        defs = schema["$defs"] as? [String: Any] ?? [:]
        items = try Self.assessmentItems()
        var built: [String: Any] = [:]
        for (key, property) in (schema["properties"] as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
            built[key] = generate(property as? [String: Any] ?? [:], tokens: [key])
        }
        built["version"] = 1
        built["id"] = "coverage-\(municipality)"
        built["municipality"] = municipality
        built["category"] = "要支援児童"
        // The 事前共有 goes to a provider the 措置 names (E814), for every service of it (another
        // provider's service is not on its sheet); the 減免 band is one of the profile's (E822).
        if var measure = built["measure"] as? [String: Any], var services = measure["services"] as? [[String: Any]],
           var brief = built["provider_brief"] as? [String: Any], let provider = services.first?["provider"] {
            for index in services.indices { services[index]["provider"] = provider }
            measure["services"] = services
            brief["provider"] = provider
            built["measure"] = measure
            built["provider_brief"] = brief
            leaves.removeAll { $0.tokens == ["measure", "services", "1", "provider"] || $0.tokens == ["provider_brief", "provider"] }
        }
        if var guidance = built["fee_reduction"] as? [String: Any] {
            guidance["band"] = Self.feeBand
            built["fee_reduction"] = guidance
            leaves.removeAll { $0.tokens == ["fee_reduction", "band"] }
            leaves.append(Leaf(tokens: ["fee_reduction", "band"], expected: [Self.feeBand]))
        }
        // Readings for ruby must be kana over a word with kanji (E208, E209); they are not
        // values of their own (no form prints a `furigana` field) — the ruby tests cover them.
        built["furigana"] = [["word": "試験", "reading": "しけん"]]
        leaves.removeAll { $0.tokens[0] == "furigana" }
        root = built
        leaves.removeAll { Self.metadata.contains($0.tokens[0]) }
    }

    func json() throws -> Data {
        try JSONSerialization.data(withJSONObject: root, options: [.sortedKeys])
    }

    /// Two real item ids of the national catalogue: answers must name listed items (E604).
    static func assessmentItems() throws -> [(id: String, domain: String)] {
        let url = TestPaths.repositoryRoot.appendingPathComponent("Templates/national/assessment-items.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let ids = text.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "{id: ") else { return nil }
            return String(line[range.upperBound...].prefix { $0 != "," })
        }
        return ids.prefix(4).map { ($0, String($0.prefix { $0 != "." })) }
    }

    private func resolved(_ node: [String: Any]) -> [String: Any] {
        guard let ref = node["$ref"] as? String, ref.hasPrefix("#/$defs/") else { return node }
        return defs[String(ref.dropFirst("#/$defs/".count))] as? [String: Any] ?? node
    }

    private func refName(_ node: [String: Any]) -> String? {
        (node["$ref"] as? String).map { String($0.split(separator: "/").last ?? "") }
    }

    private mutating func generate(_ raw: [String: Any], tokens: [String]) -> Any {
        var node = raw
        if let name = refName(node), name != "date", name != "dateOrMonth" { node = resolved(node) }
        // anyOf: a date or null, or a goal as text or {text, from, to}: take the richest form.
        if let options = node["anyOf"] as? [[String: Any]] {
            let usable = options.filter { ($0["type"] as? String) != "null" }
            node = usable.first { resolved($0)["properties"] != nil } ?? usable.first ?? node
        }
        switch refName(node) {
        // Birthdates before 作成日 (E202), the 勧奨 before the 措置 (E313); the rest in 2024.
        case "date": return day(tokens, year: tokens.last == "birthdate" ? 2019 : tokens.first == "recommendation" ? 2023 : 2024)
        case "dateOrMonth": return month(tokens)
        default: break
        }
        node = resolved(node)
        if let constant = node["const"] { return constant }
        let key = tokens.last ?? ""
        if key == "addressee" { return 0 }
        if let choices = node["enum"] as? [Any] {
            return choices.first { !($0 is NSNull) } ?? NSNull()
        }
        let types: [String] = (node["type"] as? [String]) ?? [(node["type"] as? String) ?? ""]
        if let properties = node["properties"] as? [String: Any], types.contains("object") || node["type"] == nil {
            var object: [String: Any] = [:]
            for (name, property) in properties.sorted(by: { $0.key < $1.key }) {
                object[name] = generate(property as? [String: Any] ?? [:], tokens: tokens + [name])
            }
            if tokens.contains("answers") {
                let index = Int(tokens[tokens.count - 1]) ?? 0
                let item = items[index % items.count]
                object["item"] = item.id
                object["domain"] = item.domain
                leaves.removeAll { $0.tokens == tokens + ["item"] || $0.tokens == tokens + ["domain"] }
            }
            return object
        }
        if types.contains("array"), let itemShape = node["items"] as? [String: Any] {
            return (0..<2).map { generate(itemShape, tokens: tokens + [String($0)]) }
        }
        if types.contains("integer"), let minimum = node["minimum"] as? Int, let maximum = node["maximum"] as? Int {
            counter += 1
            let value = minimum + (counter * 7 + 3) % (maximum - minimum + 1)
            leaves.append(Leaf(tokens: tokens, expected: [String(value)], isWeak: true))
            return value
        }
        if types.contains("boolean") { return true }
        counter += 1
        let text = String(format: "M%03d", counter)
        leaves.append(Leaf(tokens: tokens, expected: [text]))
        return text
    }

    /// A day date with its own month and day; printed forms are all read as 「M月D日」.
    private mutating func day(_ tokens: [String], year: Int) -> String {
        dayCounter += 1
        let month = 1 + (dayCounter - 1) / 28, day = 1 + (dayCounter - 1) % 28
        leaves.append(Leaf(tokens: tokens, expected: ["\(month)月\(day)日"]))
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// A month (「○年○月頃」) with its own year and month, 西暦 or 令和; a form with only 月・日
    /// slots (涌谷町's 次回連絡時期) prints the month with the day slot left blank.
    private mutating func month(_ tokens: [String]) -> String {
        let year = 2025 + monthCounter / 12, month = 1 + monthCounter % 12
        monthCounter += 1
        leaves.append(Leaf(tokens: tokens, expected: ["\(year)年\(month)月", "令和\(year - 2018)年\(month)月", "（\(month)月日）"]))
        return String(format: "%04d-%02d", year, month)
    }
}
