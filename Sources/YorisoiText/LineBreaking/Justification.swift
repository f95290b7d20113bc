/// Adjusting a line's spaces to a target width, in JLREQ priority order
/// (#procedures_for_intercharacter_space_reduction / …_expansion).
enum Justification {
    /// Shrink order: Western spaces → line-end punctuation → ・ quarters → mid-line bracket/、 halves
    /// → 和欧間 down to ⅛ em. The half after a mid-line 。 is fixed and never listed.
    static let shrinkOrder: [SpaceKind] = [.westernSpace, .lineEndPunctuation, .middleDot, .punctuationHalf,
                                           .mixedScript]
    /// Stretch order before even inter-character spacing: Western spaces (≤ ½ em). 和欧間 is not
    /// widened on its own (a lone 「　6　か月」 next to a solid 「6か月」 reads as a hole): it takes
    /// the same letter spacing as its neighbours, so it stays ¼ em plus at most ¼ em.
    static let stretchOrder: [SpaceKind] = [.westernSpace]

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
    /// When justifying would open any letter-spacing slot by more than `letterSpacingLimit` (the
    /// line ends early because the next unit is too long to come up), nothing is stretched: the
    /// line keeps its natural spacing and is set flush to the start.
    ///
    /// (Each slot's components' widths are kept in one flat array, `first[s]` being where slot `s`
    /// starts in it, and the letter spacing each slot takes in another: this runs for every line
    /// set, and an array per slot and a dictionary per line were most of its time. The sums are
    /// taken in the same order as ever, so every width is the same to the last bit.)
    static func fit(_ slots: [Spacing], letterSpacingSlots: [Int],
                    letterSpacingLimit: Double = .infinity, natural: Double, target: Double,
                    stretch: Stretch) -> [Double] {
        var first: [Int] = []
        first.reserveCapacity(slots.count + 1)
        var values: [Double] = []
        values.reserveCapacity(slots.count)
        for slot in slots {
            first.append(values.count)
            for component in slot.components { values.append(component.natural) }
        }
        first.append(values.count)
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
                    values[first[s] + k] += sign * room(c) * ratio
                }
            }
            delta -= sign * take
        }

        /// Each slot's width: its components in order, then the letter spacing it takes, if any.
        func widths(_ values: [Double], extra: [Double?]) -> [Double] {
            slots.indices.map { s in
                var width = 0.0
                for index in first[s]..<first[s + 1] { width += values[index] }
                if let added = extra[s] { width += added }
                return width
            }
        }
        let none = [Double?](repeating: nil, count: slots.count)

        if delta < -tolerance {
            for kind in shrinkOrder where delta < -tolerance {
                adjust(kind, room: { $0.natural - $0.minimum }, sign: -1)
            }
        } else if delta > tolerance, stretch != .none {
            let untouched = values
            if stretch == .byPriority {
                for kind in stretchOrder where delta > tolerance {
                    adjust(kind, room: { $0.maximum - $0.natural }, sign: 1)
                }
            }
            if delta > tolerance {
                // Even spacing, except that a 和欧間 gap takes at most its own stretch (¼ em) and
                // passes the rest on to the other gaps.
                var open = letterSpacingSlots
                var extra = none
                var widest: Double?
                var remaining = delta
                func give(_ amount: Double, to s: Int) {
                    extra[s] = amount
                    widest = max(widest ?? amount, amount)
                }
                while !open.isEmpty {
                    let share = remaining / Double(open.count)
                    let capped = stretch == .byPriority ? open.filter { cap(slots[$0]) < share } : []
                    if capped.isEmpty {
                        for s in open { give(share, to: s) }
                        remaining = 0
                        break
                    }
                    for s in capped { give(cap(slots[s]), to: s); remaining -= cap(slots[s]) }
                    open.removeAll { capped.contains($0) }
                }
                guard remaining <= tolerance, (widest ?? .infinity) <= letterSpacingLimit + tolerance else {
                    return widths(untouched, extra: none)
                }
                return widths(values, extra: extra)
            }
        }
        return widths(values, extra: none)
    }

    /// How much letter spacing a slot may take: unlimited, except a 和欧間 gap (its stretch room).
    /// (Summed in place: asked for every open slot of every justified line, a filtered array
    /// each time was most of what justifying cost. Same sum, same order.)
    private static func cap(_ slot: Spacing) -> Double {
        var isMixed = false
        var room = 0.0
        for component in slot.components where component.kind == .mixedScript {
            isMixed = true
            room = room + component.maximum - component.natural
        }
        return isMixed ? room : .infinity
    }
}
