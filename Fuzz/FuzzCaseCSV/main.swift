import FuzzSupport
import YorisoiCase

// scripts/fuzz case-csv: any bytes as a CSV batch file (UTF-8 or CP932, Japanese column titles),
// every row read and turned into a case.
LibFuzzer.run { bytes in
    var reader = CSVCaseReader(bytes: bytes, displayName: "fuzz.csv")
    while let item = reader.nextItem() {
        if case .row(let row) = item { _ = reader.load(row) }
    }
}
