import Foundation
import Testing
@testable import YorisoiTemplates

/// Hostile templates (issue #15): expressions that would exhaust the stack or the clock, and
/// sizes that cannot be drawn, are template errors at load time, not crashes while rendering.
@Suite struct TemplateLimitTests {
    private func template(_ body: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<template kind=\"support-plan\">\n\(body)\n</template>\n"
    }

    private func parseError(_ source: String) -> TemplateError? {
        do { _ = try ExpressionParser.parse(source, at: .file("t")); return nil } catch { return error }
    }

    @Test func deeplyNestedParenthesesAreRefused() {
        // 4,000 levels crashed the parser with a stack overflow.
        let source = String(repeating: "(", count: 4_000) + "child.name" + String(repeating: ")", count: 4_000)
        let error = parseError(source)
        #expect(error?.code == .expressionSyntax)
    }

    @Test func longChainsAreRefusedQuickly() {
        for source in [String(repeating: "not ", count: 20_000) + "child.name",
                       (0..<20_000).map { _ in "child.name" }.joined(separator: " or "),
                       "child.name" + String(repeating: " | zenkaku", count: 20_000)] {
            #expect(parseError(source)?.code == .expressionSyntax)
        }
    }

    @Test func chainsJustPastTheLimitAreRefusedAndShortOnesKept() {
        let long = (0..<100).map { _ in "child.name" }.joined(separator: " or ")
        #expect(parseError(long)?.code == .expressionSyntax)
        let deepNot = String(repeating: "not ", count: 40) + "child.name"
        #expect(parseError(deepNot)?.code == .expressionSyntax)
        let filters = "child.name" + String(repeating: " | zenkaku", count: 40)
        #expect(parseError(filters)?.code == .expressionSyntax)
        #expect(parseError("not not (child.name or plan.review) and (a ?? b | zenkaku)") == nil)
        #expect(parseError(String(repeating: "(", count: 10) + "a" + String(repeating: ")", count: 10)) == nil)
    }

    @Test func deepExpressionInATemplateIsATemplateError() throws {
        let expression = String(repeating: "(", count: 4_000) + "child.name" + String(repeating: ")", count: 4_000)
        let error = try #require(try Fixtures.loadError(template("  <if test=\"\(expression)\">x</if>")))
        #expect(error.code == .expressionSyntax)
    }

    @Test func zeroFontSizeIsRefusedAtLoad() throws {
        for size in ["0pt", "0", "0zw", "0mm", "400pt", "100zw"] {
            let error = try #require(try Fixtures.loadError(template("  <text size=\"\(size)\">x</text>")), "size \(size)")
            #expect(error.code == .badAttribute)
        }
        #expect(try Fixtures.loadError(template("  <text size=\"10.5pt\">x</text>")) == nil)
        #expect(try Fixtures.loadError(template("  <text size=\"1.2zw\">x</text>")) == nil)
    }
}
