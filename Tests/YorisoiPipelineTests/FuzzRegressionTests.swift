import Foundation
import Testing
import TestSupport
import YorisoiCase
import YorisoiPipeline

/// Replays every input the meeting-file fuzz target once choked on (Tests/Fixtures/
/// fuzz-regressions/meeting, written by scripts/fuzz) through `MeetingLoader`, as the target does.
@Suite struct MeetingFuzzRegressionTests {
    @Test func everyKeptMeetingInputLoadsOrIsRefused() throws {
        let folder = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/fuzz-regressions/meeting")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }
        for name in names.sorted() {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            _ = MeetingLoader().load(data: data, format: .yaml, displayName: name)
        }
    }
}
