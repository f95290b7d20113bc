import Foundation
import FuzzSupport
import YorisoiCase
import YorisoiPipeline

// scripts/fuzz meeting: any bytes as a meeting file (`yorisoi packet`), read and checked field by
// field (as bytes, the way the server takes it: cases inline, no file may be named).
LibFuzzer.run { bytes in
    _ = MeetingLoader().load(data: Data(bytes), format: .yaml, displayName: "fuzz-meeting.yaml")
}
