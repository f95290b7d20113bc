/// The stable diagnostic codes. A code keeps its meaning once released; docs/diagnostic-codes.md
/// lists them all (a test keeps that file and this enum in step).
///
/// Ranges: E0xx/W0xx the file itself and its structure; E1xx/W1xx サポートプラン content;
/// E2xx/W2xx identity and dates; E3xx/W3xx 勧奨・措置 notices; E4xx glyph coverage;
/// E5xx layout overflow (produced while rendering); E6xx/W6xx アセスメントシート.
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable, Comparable {
    // File and syntax
    case e001 = "E001"  // file could not be read
    case e002 = "E002"  // file too large
    case e003 = "E003"  // not UTF-8 text
    case e004 = "E004"  // syntax error
    case e005 = "E005"  // nesting too deep
    case e006 = "E006"  // too many values (alias expansion)
    case e007 = "E007"  // empty file
    case e008 = "E008"  // duplicate key
    case e009 = "E009"  // top level is not a mapping
    case e010 = "E010"  // more than one YAML document
    case e011 = "E011"  // YAML aliases used unsafely
    case e012 = "E012"  // more text than the limit once YAML aliases are expanded
    case e013 = "E013"  // a JSON Lines or CSV line longer than the limit
    case e014 = "E014"  // more text in one case than a document may print
    case e015 = "E015"  // a grapheme cluster of more scalars than the limit
    // Structure and types
    case e020 = "E020"  // wrong value type
    case e021 = "E021"  // not a real date / wrong date form
    case e022 = "E022"  // number out of range
    case e023 = "E023"  // value not among the allowed ones
    case e024 = "E024"  // unsupported version
    case e025 = "E025"  // id missing
    case e026 = "E026"  // id unusable as a file name
    // CSV and batch input
    case e027 = "E027"  // CSV neither UTF-8 nor CP932
    case e028 = "E028"  // CSV syntax error (quote never closed, text after a closing quote)
    case e029 = "E029"  // CSV header names no case value
    case e030 = "E030"  // two CSV columns for one value
    case e031 = "E031"  // a cell with no column heading
    case e032 = "E032"  // case id already used in this batch
    case e033 = "E033"  // rendering failed (internal error)
    case e034 = "E034"  // template or configuration problem while rendering (configuration)
    case e035 = "E035"  // the PDF could not be written
    case e036 = "E036"  // a batch folder entry that is not a regular file (skipped)
    case e037 = "E037"  // rendering the case took longer than its time budget (cancelled)
    case w020 = "W020"  // unknown key
    case w021 = "W021"  // version missing
    case w022 = "W022"  // a list item with every field empty, skipped
    // サポートプラン: mandatory
    case e101 = "E101"  // ① 意向 missing
    case e102 = "E102"  // ② 課題 missing
    case e103 = "E103"  // ③ 支援 missing
    case e104 = "E104"  // a support without a service
    case e105 = "E105"  // a support without content
    case e106 = "E106"  // an issue without text
    // サポートプラン: recommended
    case w101 = "W101"  // 作成日
    case w102 = "W102"  // こどもの氏名
    case w103 = "W103"  // こどもの状況
    case w104 = "W104"  // 保護者の氏名
    case w105 = "W105"  // 気になること
    case w106 = "W106"  // 望んでいること
    case w107 = "W107"  // 保護者がすること
    case w108 = "W108"  // 頻度・時期
    case w109 = "W109"  // 見直し時期
    case w110 = "W110"  // 情報共有の同意
    case w120 = "W120"  // a filled value the chosen form does not print
    // Identity and dates
    case e201 = "E201"  // 見直し時期 before 作成日
    case e202 = "E202"  // birthdate after 作成日
    case e203 = "E203"  // municipality missing
    case e204 = "E204"  // municipality not 6 digits
    case e205 = "E205"  // municipality check digit wrong
    case e206 = "E206"  // no profile for the municipality (configuration)
    case e207 = "E207"  // a period whose start is after its end
    case e208 = "E208"  // furigana: a reading that is not kana
    case e209 = "E209"  // furigana: a word with no kanji
    case w208 = "W208"  // ruby: kanji with no known reading, printed without ruby
    case w201 = "W201"  // category missing
    // Notices
    case e301 = "E301"  // recommendation section missing
    case e302 = "E302"  // addressee missing
    case e303 = "E303"  // addressee is not a listed guardian
    case e304 = "E304"  // no service
    case e305 = "E305"  // a service without its name
    case e306 = "E306"  // a service without content
    case e307 = "E307"  // recommendation reason missing
    case e308 = "E308"  // notice date missing
    case e311 = "E311"  // measure section missing
    case e312 = "E312"  // no prior recommendation
    case e313 = "E313"  // recommendation not dated before the measure
    case e314 = "E314"  // 著しく困難 reason missing
    case e316 = "E316"  // measure service without period
    case e317 = "E317"  // measure service period start after end
    case e318 = "E318"  // the addressee guardian has no name
    case w301 = "W301"  // service outside 家庭支援事業 and the catalogue
    case w302 = "W302"  // addressee without address
    case w303 = "W303"  // a measure service's frequency or content does not say what is provided
    // Glyph coverage
    case e401 = "E401"  // character the fonts cannot draw
    case e402 = "E402"  // private-use character (外字)
    case w401 = "W401"  // a character of gothic text drawn from a Mincho face
    // Layout overflow (reserved for the rendering stage)
    case e501 = "E501"  // text overflows a fixed-size field
    case e502 = "E502"  // a block cannot fit on any page
    case e503 = "E503"  // the document would be longer than the limit
    // Assessment
    case e601 = "E601"  // no assessment sheet
    case e602 = "E602"  // a sheet without its agency
    case w601 = "W601"  // a sheet without date or assessor
    case e603 = "E603"  // an answer without its item id
    case e604 = "E604"  // an item id not in the item catalogue
    case e605 = "E605"  // the same item answered twice on one sheet
    case e606 = "E606"  // the item catalogue cannot be read (configuration)
    case w602 = "W602"  // an item without its answer
    case w603 = "W603"  // an answer's domain is not the item's domain
    case w604 = "W604"  // the case names guardians, whom the assessment sheets do not print
    // Meeting files (packet)
    case e701 = "E701"  // meeting field missing
    case e702 = "E702"  // meeting field has a wrong value
    case e703 = "E703"  // a listed case file or folder cannot be found
    case e704 = "E704"  // the same case is listed twice
    case e705 = "E705"  // no case in the meeting
    case e706 = "E706"  // a listed file is not a case file
    case w701 = "W701"  // a case left out or printed without recorded consent
    // The centre's other papers (issue #28)
    case e801 = "E801"  // self-plan: self_plan section missing
    case e802 = "E802"  // self-plan: due date missing
    case e803 = "E803"  // self-plan: the woman's name missing
    case w801 = "W801"  // self-plan: date missing
    case w802 = "W802"  // self-plan: due date not after the plan's date
    case w803 = "W803"  // self-plan: no 保健師 named
    case e811 = "E811"  // provider-brief: provider_brief section missing
    case e812 = "E812"  // provider-brief: no consent to share with the provider
    case e813 = "E813"  // provider-brief: provider missing
    case e814 = "E814"  // provider-brief: provider not named by the measure
    case w811 = "W811"  // provider-brief: consent date missing
    case w812 = "W812"  // provider-brief: date missing
    case e821 = "E821"  // fee-reduction: fee_reduction section missing
    case e822 = "E822"  // fee-reduction: band not one of the profile's
    case w821 = "W821"  // fee-reduction: date missing
    case e831 = "E831"  // explanation: explanation section missing
    case w831 = "W831"  // explanation: no staff member named

    public var severity: Diagnostic.Severity {
        rawValue.hasPrefix("W") ? .warning : .error
    }

    /// Problems of the installation rather than of the case (a missing profile, an unreadable
    /// file): the command line exits 2 for these, not 1.
    public var isConfigurationProblem: Bool {
        self == .e001 || self == .e206 || self == .e606 || self == .e034 || self == .e703
    }

    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
