import Foundation
import Testing
import TestSupport
import YorisoiCase
import YorisoiDisplayList
import YorisoiLayout
@testable import YorisoiPipeline

/// The 進行管理表's length is estimated beside the documents (every listed document taken as
/// printed on one page) so that the table is usually laid out once, alone, instead of twice.
/// The estimate may only save work: whatever it says, the packet must come out the same.
@Suite struct PacketTableEstimateTests {
    static let renderer = GoldenLayoutTests.renderer

    /// The sample meeting's four cases, each listed `copies` times under its own ID — enough
    /// rows for a table of several pages — with their documents laid out once per case.
    static func contents(copies: Int) throws -> (PacketContents, PacketFrontMatter) {
        let file = GoldenLayoutTests.root.appendingPathComponent("samples/meetings/mihon-progress-review.yaml")
        let meeting = try #require(MeetingLoader().load(contentsOf: file, displayName: file.lastPathComponent).meeting)
        let builder = PacketBuilder(renderer: renderer, jobs: 1)
        var findings: [Diagnostic] = []
        let cases = builder.gather(meeting, findings: &findings)
        #expect(!findings.hasErrors)
        let (laid, _) = try builder.layOutDocuments(of: cases)
        var included: [PacketCase] = []
        var documents: [Int: [PacketDocument]] = [:]
        for copy in 0..<copies {
            for (index, item) in cases.enumerated() {
                var listed = item
                listed.id = "\(item.id)-\(copy)"
                documents[included.count] = laid.filter { $0.caseIndex == index }.map {
                    var document = $0
                    document.caseIndex = included.count
                    return document
                }
                included.append(listed)
            }
        }
        let frontMatter = try PacketFrontMatter(renderer: renderer, municipality: "990019")
        return (PacketContents(meeting: meeting, included: included, leftOut: [], documents: documents), frontMatter)
    }

    @Test func theEstimateIsTheTablesLength() throws {
        let (contents, frontMatter) = try Self.contents(copies: 20)
        var bare = contents
        bare.documents = [:]
        let estimate = try #require(frontMatter.estimatedProgressTablePages(bare))
        let cover = try frontMatter.cover(contents).pages.count
        let table = try frontMatter.progressTable(contents, firstCasePage: cover + estimate + 1)
        #expect(estimate > 1, "80 rows should need more than one page")
        #expect(table.pages.count == estimate)
    }

    /// The table set after its estimate takes the rows' paragraphs from it (only the page
    /// numbers differ), and comes out as a table set from nothing.
    @Test func theTableSetFromTheEstimatesParagraphsIsTheSame() throws {
        let (contents, fresh) = try Self.contents(copies: 20)
        let frontMatter = try PacketFrontMatter(renderer: Self.renderer, municipality: "990019")
        var bare = contents
        bare.documents = [:]
        let estimate = try #require(frontMatter.estimatedProgressTablePages(bare))
        let kept = frontMatter.tableParagraphs.count
        #expect(kept > 80, "every row's values are kept")
        func dump(_ laid: LayoutResult) -> String {
            laid.pages.enumerated().map { DisplayListDump.lines(of: $1, number: $0 + 1).joined(separator: "\n") }
                .joined(separator: "\n")
        }
        let reused = try frontMatter.progressTable(contents, firstCasePage: estimate + 2)
        #expect(frontMatter.tableParagraphs.count - kept < kept / 2, "most paragraphs came from the estimate")
        #expect(dump(reused) == dump(try fresh.progressTable(contents, firstCasePage: estimate + 2)))
    }

    /// A wrong first guess costs layouts, never a different packet.
    @Test func aWrongEstimateGivesTheSamePacket() throws {
        let (contents, frontMatter) = try Self.contents(copies: 20)
        let builder = PacketBuilder(renderer: Self.renderer, jobs: 1)
        let documents = contents.documents.keys.sorted().flatMap { contents.documents[$0]! }
        func assembled(_ guess: Int) throws -> String {
            let laid = try builder.assemble(meeting: contents.meeting, included: contents.included, leftOut: [],
                                            documents: documents, frontMatter: frontMatter, tablePages: guess)
            let pages = laid.pages.enumerated().map { DisplayListDump.lines(of: $1, number: $0 + 1).joined(separator: "\n") }
            return pages.joined(separator: "\n") + "\n" + laid.outline.map { "\($0.title) \($0.pageIndex)" }.joined(separator: "\n")
        }
        let reference = try assembled(1)
        for guess in [2, 3, 9] {
            #expect(try assembled(guess) == reference, "first guess \(guess)")
        }
    }
}
