import Foundation
import Testing
@testable import YorisoiTemplates

/// Hostile and broken XML is refused with a position, and nothing from the file system leaks.
@Suite struct SafeXMLTests {
    let parser = SafeXMLParser()

    private func refusal(_ xml: String) -> TemplateError? {
        do {
            _ = try parser.parse(Array(xml.utf8), file: "evil.xml")
            return nil
        } catch {
            return error
        }
    }

    private func expectNoPasswd(_ text: String) {
        for marker in Fixtures.passwdMarkers { #expect(!text.contains(marker)) }
    }

    @Test func externalEntityIsRefused() throws {
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE template [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <template kind="support-plan"><text>&xxe;</text></template>
        """
        let error = try #require(refusal(xml))
        #expect(error.code == .doctypeRefused)
        #expect(error.location.line == 2 && error.location.column == 1)
        expectNoPasswd(error.description)
    }

    @Test func billionLaughsIsRefused() throws {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for i in 1...9 {
            let previous = i == 1 ? "lol" : "lol\(i - 1)"
            xml += "<!ENTITY lol\(i) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        xml += "]>\n<template kind=\"x\">&lol9;</template>\n"
        let error = try #require(refusal(xml))
        #expect(error.code == .doctypeRefused)
        #expect(error.location.line == 2)
    }

    @Test func xincludeOfPasswdIsRefused() throws {
        let xml = """
        <template kind="support-plan" xmlns:xi="http://www.w3.org/2001/XInclude">
          <block name="x">
            <xi:include href="file:///etc/passwd" parse="text"/>
          </block>
        </template>
        """
        let error = try #require(refusal(xml))
        #expect(error.code == .xincludeRefused)
        #expect(error.location == TemplateLocation(file: "evil.xml", line: 3, column: 5))
        expectNoPasswd(error.description)
    }

    @Test func undeclaredEntityIsMalformed() throws {
        let error = try #require(refusal("<template kind=\"a\">\n  <text>&passwd;</text>\n</template>"))
        #expect(error.code == .malformedXML)
        #expect(error.location.line == 2)
        #expect(error.location.column > 1)
    }

    @Test func malformedXMLGivesLineAndColumn() throws {
        let xml = "<template kind=\"a\">\n  <text>ひらがな</txet>\n</template>\n"
        let error = try #require(refusal(xml))
        #expect(error.code == .malformedXML)
        #expect(error.location.line == 2)
        #expect(error.location.column > 1)
        #expect(error.description.hasPrefix("evil.xml:2:"))
    }

    @Test func emptyAndOversizedInputsAreRefused() throws {
        #expect(refusal("")?.code == .malformedXML)
        let small = SafeXMLParser(maximumSize: 64)
        #expect(throws: TemplateError.self) {
            try small.parse(Array(String(repeating: "<a/>", count: 40).utf8), file: "big.xml")
        }
        do {
            _ = try small.parse(Array(String(repeating: " ", count: 65).utf8), file: "big.xml")
        } catch {
            #expect(error.code == .tooLarge)
        }
    }

    @Test func entitiesAndCDATAStayText() throws {
        let tree = try parser.parse(Array("<a x=\"計画&amp;案\"><![CDATA[<ok>]]>&#x30D7;</a>".utf8), file: "ok.xml")
        #expect(tree.attribute("x")?.value == "計画&案")
        let text = tree.children.compactMap { if case .text(let t, _) = $0 { return t } else { return nil } }.joined()
        #expect(text == "<ok>プ")
    }

    @Test func elementsAndAttributesCarryColumns() throws {
        let xml = "<template kind=\"a\">\n  <text>日本語</text> <block\n     name=\"b\"/>\n</template>"
        let tree = try parser.parse(Array(xml.utf8), file: "pos.xml")
        let elements = tree.elements
        #expect(elements[0].location == TemplateLocation(file: "pos.xml", line: 2, column: 3))
        #expect(elements[1].location == TemplateLocation(file: "pos.xml", line: 2, column: 20))
        let name = try #require(elements[1].attribute("name"))
        #expect(name.location == TemplateLocation(file: "pos.xml", line: 3, column: 6))
        #expect(name.valueLocation == TemplateLocation(file: "pos.xml", line: 3, column: 12))
        guard case .text(let t, let l) = elements[0].children.first else {
            Issue.record("expected text")
            return
        }
        #expect(t == "日本語")
        #expect(l == TemplateLocation(file: "pos.xml", line: 2, column: 9))
    }

    @Test func commentsAndProcessingInstructionsAreDropped() throws {
        let tree = try parser.parse(Array("<a><!-- <b/> --><?pi x?><c/></a>".utf8), file: "c.xml")
        #expect(tree.elements.map(\.name) == ["c"])
        #expect(tree.elements[0].location.column == 25)
    }

    @Test func hostileTemplatesAreRefusedByTheLoaderToo() throws {
        let xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE t [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<template kind=\"support-plan\">&e;</template>"
        let error = try #require(try Fixtures.loadError(xxe))
        #expect(error.code == .doctypeRefused)
        #expect(error.location.file == "990019-見本市/support-plan.xml")
        expectNoPasswd(error.description)
    }
}
