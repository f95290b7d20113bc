import Foundation
import FuzzSupport
import YorisoiPipeline

// scripts/fuzz meeting: any bytes as a meeting file (`yorisoi packet`), read and checked field by
// field. The loader does not open the case files a meeting lists.
let folder = FileManager.default.temporaryDirectory
LibFuzzer.run { bytes in
    _ = MeetingLoader().load(data: Data(bytes), folder: folder, displayName: "fuzz-meeting.yaml")
}
