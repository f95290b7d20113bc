/// Adjusting a line's spaces to a target width, in JLREQ priority order
/// (#procedures_for_intercharacter_space_reduction / …_expansion).
enum Justification {
    /// Shrink order: Western spaces → line-end punctuation → ・ quarters → mid-line bracket/、 halves
    /// → 和欧間 down to ⅛ em. The half after a mid-line 。 is fixed and never listed.
    static let shrinkOrder: [SpaceKind] = [.westernSpace, .lineEndPunctuation, .middleDot, .punctuationHalf,
                                           .mixedScript]
    /// Stretch order before even inter-character spacing: Western spaces (≤ ½ em) → 和欧間 (≤ ½ em).
    static let stretchOrder: [SpaceKind] = [.westernSpace, .mixedScript]

    enum Stretch {
        /// Never widen (start/center/end alignment, the last line of a justified paragraph).
        case none
        /// 両端揃え: stretchable spaces first, then even spacing over `letterSpacingSlots`.
        case byPriority
        /// 均等割り: even spacing over `letterSpacingSlots` only.
        case evenly
    }

    /// The width of each slot (a `Spacing` between inks, or at a line edge) once the line, whose
    /// slots and ink add up to `natural`, is brought to `target`. Shrinking always happens when the
    /// line is too long (it was squeezed in by 追い込み); stretching only as `stretch` says.
    /// Within one priority every space gives or takes in proportion to its room, as JLREQ asks.
    ///
    /// When spreading over `letterSpacingSlots` would open any of them by more than
    /// `letterSpacingLimit` (a line of one bracket and one long word), the spacing goes to
    /// `fallbackSlots` instead, so the gap is spread thin rather than opened as one hole.
    static func fit(_ slots: [Spacing], letterSpacingSlots: [Int], fallbackSlots: [Int] = [],
                    letterSpacingLimit: Double = .infinity, natural: Double, target: Double,
                    stretch: Stretch) -> [Double] {
        var values = slots.map { $0.components.map(\.natural) }
        let tolerance = 1e-9
        var delta = target - natural

        func adjust(_ kind: SpaceKind, room: (SpaceComponent) -> Double, sign: Double) {
            var available = 0.0
            for slot in slots { for c in slot.components where c.kind == kind { available += room(c) } }
            guard available > tolerance else { return }
            let take = min(abs(delta), available)
            let ratio = take / available
            for (s, slot) in slots.enumerated() {
                for (k, c) in slot.components.enumerated() where c.kind == kind {
                    values[s][k] += sign * room(c) * ratio
                }
            }
            delta -= sign * take
        }

        if delta < -tolerance {
            for kind in shrinkOrder where delta < -tolerance {
                adjust(kind, room: { $0.natural - $0.minimum }, sign: -1)
            }
        } else if delta > tolerance, stretch != .none {
            if stretch == .byPriority {
                for kind in stretchOrder where delta > tolerance {
                    adjust(kind, room: { $0.maximum - $0.natural }, sign: 1)
                }
            }
            var spread = letterSpacingSlots
            if spread.isEmpty || delta / Double(spread.count) > letterSpacingLimit,
               fallbackSlots.count > spread.count {
                spread = fallbackSlots
            }
            if delta > tolerance, !spread.isEmpty {
                let extra = delta / Double(spread.count)
                for s in spread { values[s].append(extra) }
                delta = 0
            }
        }
        return values.map { $0.reduce(0, +) }
    }
}
