import Testing
import YorisoiCase

/// RFC 6901 reference tokens: the fast path (no "~" or "/") and the escaped ones agree.
@Suite struct JSONPointerTests {
    @Test(arguments: [("plan", "plan"), ("a/b", "a~1b"), ("~x", "~0x"), ("~/", "~0~1"), ("~1", "~01"), ("支援", "支援"), ("", "")])
    func tokensEscapeAndUnescape(_ raw: String, _ escaped: String) {
        #expect(raw.jsonPointerEscaped == escaped)
        #expect(escaped.jsonPointerUnescaped == raw)
        #expect(escaped[...].jsonPointerUnescaped == raw)
    }

    @Test func resolveFollowsEscapedKeys() throws {
        let node = CaseNode(.object([CaseMember(key: "a/b", node: CaseNode(.object([CaseMember(key: "~c", node: CaseNode(.string("v")))])))]))
        #expect(node.resolve(pointer: "/a~1b/~0c")?.scalarText == "v")
        #expect(node.resolve(pointer: "/a/b") == nil)
    }
}
