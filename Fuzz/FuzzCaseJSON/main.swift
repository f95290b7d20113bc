import Foundation
import FuzzSupport
import YorisoiCase
import YorisoiValidation

// scripts/fuzz case-json: any bytes as a JSON case file, loaded and checked with every document
// kind's rules.
LibFuzzer.run { bytes in
    for loaded in CaseLoader().load(data: Data(bytes), format: .json, displayName: "fuzz.json") {
        for kind in DocumentKind.allCases { _ = Validator().validate(loaded, kind: kind, context: ValidationContext()) }
    }
}
