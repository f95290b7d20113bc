import Foundation
import FuzzSupport
import YorisoiCase
import YorisoiValidation

// scripts/fuzz case-yaml: any bytes as a YAML case file, loaded and checked with every document
// kind's rules. A crash, hang or memory error is a finding; diagnostics are not.
LibFuzzer.run { bytes in
    for loaded in CaseLoader().load(data: Data(bytes), format: .yaml, displayName: "fuzz.yaml") {
        for kind in DocumentKind.allCases { _ = Validator().validate(loaded, kind: kind, context: ValidationContext()) }
    }
}
