import Foundation
import YorisoiText

/// `yorisoi bench pathological`: how shaping and line breaking scale with hostile text — one
/// grapheme cluster of thousands of marks, and a paragraph of a megabyte. Cases never reach
/// layout with such text (the loader refuses it: E014, E015); this measures the text stage
/// itself, which must stay linear so that a bound, not luck, is what keeps a render short.
public enum PathologicalBenchmark {
    /// One kind of long cluster: a base followed by `marks` copies of one scalar.
    public struct ClusterKind: Sendable {
        public var name: String
        public var base: Unicode.Scalar
        public var mark: Unicode.Scalar
    }

    public static let clusterKinds: [ClusterKind] = [
        ClusterKind(name: "あ + U+3099", base: "あ", mark: "\u{3099}"),
        ClusterKind(name: "e + U+0301", base: "e", mark: "\u{0301}"),
        ClusterKind(name: "葛 + VS17", base: "葛", mark: "\u{E0100}"),
        ClusterKind(name: "あ + ZWJ", base: "あ", mark: "\u{200D}"),
    ]
    public static let markCounts = [5_000, 10_000, 20_000, 50_000]

    public struct Report: Sendable, CustomStringConvertible {
        /// Seconds per kind, in the order of `markCounts`.
        public var clusters: [(kind: String, seconds: [Double])]
        public var paragraphBytes: Int
        public var paragraphLines: Int
        public var paragraphSeconds: Double

        public var description: String {
            ([Self.heading] + clusters.map { Self.row($0.kind, $0.seconds) } + [paragraphLine]).joined()
        }

        static var heading: String {
            var out = "pathological text: shaping and line breaking, one core (明朝 10.5 pt, measure 400 pt; clusters: fastest of 3)\n"
            out += "cluster".padding(toLength: 14, withPad: " ", startingAt: 0)
            for count in PathologicalBenchmark.markCounts {
                let title = "\(count / 1000)k marks"
                out += String(repeating: " ", count: max(0, 10 - title.count)) + title
            }
            return out + "   50k/10k\n"
        }

        static func row(_ kind: String, _ seconds: [Double]) -> String {
            var out = kind.padding(toLength: 14, withPad: " ", startingAt: 0)
            for value in seconds { out += String(format: "%8.3f s", value) }
            return out + String(format: "%9.1f×\n", seconds[3] / max(seconds[1], 1e-9))
        }

        var paragraphLine: String {
            String(format: "paragraph of %.2f MB (%d lines): %.3f s\n",
                   Double(paragraphBytes) / 1_048_576, paragraphLines, paragraphSeconds)
        }
    }

    /// - Parameter progress: each line of the report as soon as it is measured (a quadratic
    ///   build takes minutes for the 50k clusters; the rows before show where it stands).
    public static func run(fonts: FontLibrary, progress: (String) -> Void = { _ in }) throws -> Report {
        progress(Report.heading)
        let style = TextStyle(chain: try fonts.chain(family: "mincho"), size: 10.5)
        let settings = ParagraphSettings(width: 400)
        // Loads the faces and warms the caches of ordinary text, so that the first kind does
        // not pay for opening the fonts.
        _ = try ParagraphLayout.layout([TextSpan("組版の準備 warm-up がぎぐ é 葛\u{E0100}", style: style)], settings: settings)

        let clock = ContinuousClock()
        var clusters: [(String, [Double])] = []
        for kind in clusterKinds {
            var row: [Double] = []
            for count in markCounts {
                // The fastest of three runs, each on a text of its own (a repeated text would
                // come from the shape cache): a busy machine slows single runs by several times.
                var fastest = Double.infinity
                for lead in ["前", "中", "後"] {
                    var scalars = String.UnicodeScalarView()
                    scalars.append(contentsOf: lead.unicodeScalars)
                    scalars.append(kind.base)
                    scalars.append(contentsOf: repeatElement(kind.mark, count: count))
                    scalars.append(contentsOf: "。".unicodeScalars)
                    let text = String(scalars)
                    fastest = min(fastest, try clock.measure {
                        _ = try ParagraphLayout.layout([TextSpan(text, style: style)], settings: settings)
                    }.seconds)
                }
                row.append(fastest)
            }
            clusters.append((kind.name, row))
            progress(Report.row(kind.name, row))
        }

        let paragraph = megabyteParagraph()
        var lines = 0
        let seconds = try clock.measure {
            lines = try ParagraphLayout.layout([TextSpan(paragraph, style: style)], settings: settings).lines.count
        }.seconds
        let report = Report(clusters: clusters, paragraphBytes: paragraph.utf8.count, paragraphLines: lines, paragraphSeconds: seconds)
        progress(report.paragraphLine)
        return report
    }

    /// 1 MiB of ordinary free text, as staff write it: kanji and kana with 約物, some Latin
    /// letters and digits, and no line break of its own.
    static func megabyteParagraph() -> String {
        let sentences = [
            "朝の登園が遅れがちで、集団の中では緊張して話せないことがある。",
            "家では弟の世話を手伝っている（週3回、約2時間）。",
            "保護者は「仕事と育児で余裕がない」と話しており、養育支援訪問事業の利用を検討している。",
            "Email の連絡は ABC-123 の窓口へ。",
        ]
        var text = ""
        var index = 0
        while text.utf8.count < 1 << 20 {
            text += sentences[index % sentences.count]
            index += 1
        }
        return text
    }
}
