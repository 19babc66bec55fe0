import Corpus

/// Rule F2, dashes and tildes (docs/TEXT.md §5.2), on the original characters before NFKC.
extension TextNormalizer {
    /// What F2 makes of a character; a `switch`, since this runs on every character.
    enum DashKind {
        /// `~ ∼ ∾ 〜 〰 ～`
        case tilde
        /// neologdn's hyphens `˗֊‐‑‒–⁃⁻₋−` and ASCII `-`
        case hyphen
        /// neologdn's prolonged-sound-likes `﹣－ｰ—―─━ー`
        case prolongedSound
    }

    static func dashKind(_ scalar: Unicode.Scalar) -> DashKind? {
        // Most characters are none of these: ASCII but `-` and `~`, kana but `ー`, ideographs.
        switch scalar.value {
        case 0..<0x2D, 0x2E..<0x7E, 0x3031..<0x30FC, 0x3100..<0xFE63: return nil
        default: break
        }
        switch scalar {
        case "~", "∼", "∾", "〜", "〰", "～": return .tilde
        case "˗", "֊", "‐", "‑", "‒", "–", "⁃", "⁻", "₋", "−", "-": return .hyphen
        case "﹣", "－", "ｰ", "—", "―", "─", "━", "ー": return .prolongedSound
        default: return nil
        }
    }

    /// `dashKind(_:)` of the scalar that starts at `index`, from its bytes: the dashes are `-`,
    /// `~` or start with `CB`, `D6`, `E2`, `E3` or `EF`, so other characters are not decoded.
    @inline(__always)
    static func dashKind(in bytes: [UInt8], at index: Int) -> DashKind? {
        switch bytes[index] {
        case UInt8(ascii: "-"): .hyphen
        case UInt8(ascii: "~"): .tilde
        case 0xCB, 0xD6, 0xE2, 0xE3, 0xEF: dashKind(UTF8Text.scalar(in: bytes, at: index))
        default: nil
        }
    }

    /// Where the first dash at or after `index` starts, found character by character in the
    /// `CharacterClasses` table; ASCII and kanji are told apart by their lead byte alone.
    static func firstDash(in bytes: [UInt8], from index: Int) -> Int? {
        let classes = CharacterClasses.table
        let table = classes.span
        let count = bytes.count
        let bytes = bytes.span
        var index = index
        while index < count {
            let lead = bytes[unchecked: index]
            if lead < 0x80 {
                if lead == UInt8(ascii: "-") || lead == UInt8(ascii: "~") { return index }
                index &+= 1
            } else if UTF8Text.isKanjiLead(lead) {
                index &+= 3
            } else if lead >= 0xF0 {
                index &+= 4
            } else {
                // Valid UTF-8: the continuation bytes of a two- or three-byte character are there.
                let value =
                    lead < 0xE0
                    ? Int(lead & 0x1F) << 6 | Int(bytes[unchecked: index &+ 1] & 0x3F)
                    : Int(lead & 0x0F) << 12 | Int(bytes[unchecked: index &+ 1] & 0x3F) << 6
                        | Int(bytes[unchecked: index &+ 2] & 0x3F)
                if table[unchecked: value] & CharacterClasses.dash.rawValue != 0 { return index }
                index &+= lead < 0xE0 ? 2 : 3
            }
        }
        return nil
    }

    /// F2 on `text`, or `nil` if it changes nothing.
    ///
    /// A dash that stays what it is (`ー` after kana, the most common) is no change: until the
    /// first dash that changes, the text is its own output and nothing is copied; from there on,
    /// the runs between changes are copied whole.
    static func dashesAndTildes(_ text: TracedText) -> TracedText? {
        let bytes = text.utf8
        guard var index = firstDash(in: bytes, from: 0) else { return nil }
        var result = TracedText()
        var edited = false
        // Input before `runStart` is in `result`; from there to the current dash it is unchanged.
        var runStart = 0
        var runMark = text.mark(at: 0)
        var lastReplacement: Unicode.Scalar?
        var lastDashEnd = -1
        while true {
            // A run collapses only while the dashes follow one another.
            if index != lastDashEnd { lastReplacement = nil }
            let scalar = text.scalar(at: index)
            let next = text.index(after: index)
            let replacement: Unicode.Scalar
            if dashKind(in: bytes, at: index) == .tilde {
                replacement = "〜"
            } else {
                let before = index > 0 ? foldedAlphanumeric(text.scalar(at: text.index(before: index))) : false
                let after = next < bytes.count ? foldedAlphanumeric(text.scalar(at: next)) : false
                // The character written before this one: the input's, unless it was changed.
                let previous =
                    index > runStart || !edited
                    ? (index > 0 ? text.scalar(at: text.index(before: index)) : nil) : lastScalar(of: result)
                if before && after {
                    replacement = "-"
                } else if dashKind(in: bytes, at: index) == .hyphen {
                    replacement = "‐"
                } else if let previous, isKana(previous) || previous == "ー" {
                    replacement = "ー"
                } else {
                    replacement = "―"
                }
            }
            let collapses = replacement == lastReplacement && replacement != "-"
            if collapses || replacement != scalar {
                if !edited { result.reserveCapacity(bytes.count) }
                edited = true
                let dash = text.mark(runMark, movedTo: index)
                result.append(text, from: runMark, to: dash)
                let span = text.span(at: dash)
                if collapses {
                    result.replaceLast(with: replacement, extendingTo: span)  // a run collapses to one
                } else {
                    result.append(replacement, span: span)
                }
                runStart = next
                runMark = text.mark(dash, movedTo: next)
            }
            lastReplacement = replacement
            lastDashEnd = next
            guard let following = firstDash(in: bytes, from: next) else { break }
            index = following
        }
        guard edited else { return nil }
        result.append(text, from: runMark, to: text.mark(runMark, movedTo: bytes.count))
        return result
    }

    /// The last character of `text`, if any.
    static func lastScalar(of text: TracedText) -> Unicode.Scalar? {
        text.isEmpty ? nil : text.scalar(at: text.index(before: text.utf8.count))
    }

    /// ASCII letters and digits, and their full-width forms (which NFKC folds to them).
    static func foldedAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: true
        default: false
        }
    }

    /// Hiragana, katakana and half-width katakana (not the prolonged sound mark itself).
    static func isKana(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3041...0x3096, 0x30A1...0x30FA, 0xFF66...0xFF9D: true
        default: false
        }
    }
}
