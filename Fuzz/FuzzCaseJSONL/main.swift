import FuzzSupport
import YorisoiCase

// scripts/fuzz case-jsonl: any bytes as a JSON Lines batch file, split into lines the way `batch`
// streams it, every line loaded.
LibFuzzer.run { bytes in
    var reader = JSONLinesCaseReader(bytes: bytes, displayName: "fuzz.jsonl")
    while let line = reader.nextLine() { _ = reader.load(line) }
}
