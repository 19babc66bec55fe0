import Corpus
import Foundation

/// Character normalization of one paragraph or phrase (docs/TEXT.md §5.1–5.5), traced
/// so that every output character maps back to the original.
///
/// The rules run in order: voiced marks and enclosed characters (F1) and dashes and tildes (F2) on
/// the original characters, then ICU's filtered NFKC (F3), ASCII punctuation in Japanese context
/// (F4) and spaces (F5); see `NormalizationRule`. Case is kept. The input must not contain line
/// breaks (join lines first: MeCab skips them, so a word broken across lines would stay broken).
public struct TextNormalizer: Sendable {
    /// The version of the rules' behaviour: part of the analysis cache's key, so raise it whenever
    /// a rule's output changes (2: F4 keeps bracket and quote pairs together).
    public static let rulesVersion = 2

    /// The rules in force.
    public let rules: Set<NormalizationRule>

    /// `rules` as one bit per rule (`NormalizationRule.bit`): asked for every paragraph, where
    /// hashing into the set showed in profiles.
    private let ruleBits: UInt8

    public init(rules: Set<NormalizationRule> = Set(NormalizationRule.allCases)) {
        self.rules = rules
        ruleBits = rules.reduce(0) { $0 | $1.bit }
    }

    /// Whether `rule` is in force.
    func applies(_ rule: NormalizationRule) -> Bool { ruleBits & rule.bit != 0 }

    /// The rules in force, in order, by name: for the manifest.
    public var ruleNames: [String] { rules.sorted().map(\.rawValue) }

    /// Normalizes `text`, keeping its trace.
    ///
    /// The text is classified once (`CharacterClasses`), and a rule runs only if it holds a
    /// character the rule acts on; each rule returns `nil` when it changes nothing, so that text
    /// no rule changes is never copied. F1 and F3 can make characters that later rules act on, so
    /// their output is classified again; F2 and F4 cannot (F2 writes `〜 - ‐ ー ―`, F4 full-width
    /// forms and `”’￥`: no punctuation F4 widens, no space, nothing NFKC changes), and F5 is last.
    /// - Throws: `NormalizationError` if ICU fails (out of memory, missing data).
    public func normalize(_ text: TracedText) throws(NormalizationError) -> TracedText {
        var text = text
        var classes = CharacterClasses.of(text.utf8)
        if applies(.voicedMarks) || applies(.enclosedCharacters), classes.contains(.preNFKC),
            let edited = Self.preNFKC(text, rules: rules)
        {
            text = edited
            classes = CharacterClasses.of(text.utf8)
        }
        if applies(.dashesAndTildes), classes.contains(.dash), let edited = Self.dashesAndTildes(text) { text = edited }
        if applies(.nfkc), classes.contains(.unstable), let edited = try ICU.normalizeJapanese(text) {
            text = edited
            classes = CharacterClasses.of(text.utf8)
        }
        if applies(.asciiPunctuation), classes.contains(.punctuation), let edited = Self.widenedPunctuation(text) {
            text = edited
        }
        if applies(.spaces), classes.contains(.space), let edited = Self.removingLayoutSpaces(text) { text = edited }
        return text
    }

    /// Normalizes `text` as a string.
    public func normalize(_ text: String) throws(NormalizationError) -> String {
        try normalize(TracedText(original: text)).string
    }

    /// The key `text` is compared under: NFKC_Casefold with the casefold rule, else the text.
    public func key(_ text: String) throws(NormalizationError) -> String {
        applies(.caseFoldedKeys) ? try ICU.caseFold(text) : text
    }

    // MARK: F1

    /// `true` if `bytes` hold a spacing voiced mark (U+309B, U+309C) or an enclosed character F1
    /// rewrites (U+2460–U+249B, U+3220–U+3243): all start with `E2` or `E3`.
    static func hasPreNFKCCharacter(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0xE2 || byte == 0xE3 {
                switch UTF8Text.value(in: bytes, at: index) {
                case 0x309B...0x309C, 0x2460...0x249B, 0x3220...0x3243: return true
                default: index += 3
                }
            } else {
                index += 1
            }
        }
        return false
    }

    /// F1 on `text`, or `nil` if it holds nothing F1 rewrites.
    static func preNFKC(_ text: TracedText, rules: Set<NormalizationRule>) -> TracedText? {
        // Most paragraphs hold none of these: then there is nothing to rebuild.
        guard hasPreNFKCCharacter(text.utf8) else { return nil }
        let bytes = text.utf8
        var result = TracedText()
        result.reserveCapacity(bytes.count)
        var runStart = 0
        var index = 0
        while index < bytes.count {
            let scalar = text.scalar(at: index)
            let next = text.index(after: index)
            var replacement: String?
            var voiced: Unicode.Scalar?
            switch scalar.value {
            case 0x309B where rules.contains(.voicedMarks), 0x309C where rules.contains(.voicedMarks):
                // か゛ → が: combine with the kana before, if Unicode has the voiced form.
                result.append(text, range: runStart..<index)
                runStart = index
                let combining = scalar.value == 0x309B ? "\u{3099}" : "\u{309A}"
                if let previous = lastScalar(of: result), isKana(previous) {
                    let composed = (String(previous) + combining).precomposedStringWithCanonicalMapping.unicodeScalars
                    if composed.count == 1 { voiced = composed.first }
                }
            case 0x2460...0x2473 where rules.contains(.enclosedCharacters):  // ①–⑳
                replacement = "（\(scalar.value - 0x245F)）"
            case 0x2474...0x2487 where rules.contains(.enclosedCharacters):  // ⑴–⒇
                replacement = "（\(scalar.value - 0x2473)）"
            case 0x2488...0x249B where rules.contains(.enclosedCharacters):  // ⒈–⒛
                replacement = "\(scalar.value - 0x2487)．"
            case 0x3220...0x3243 where rules.contains(.enclosedCharacters):  // ㈠–㉃, ㈱ …
                replacement = String(scalar).precomposedStringWithCompatibilityMapping
                    .replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
            default:
                break
            }
            if let voiced {
                result.replaceLast(with: voiced, extendingTo: text.span(at: index))
                runStart = next
            } else if let replacement {
                result.append(text, range: runStart..<index)
                let span = text.span(at: index)
                for scalar in replacement.unicodeScalars { result.append(scalar, span: span) }
                runStart = next
            }
            index = next
        }
        result.append(text, range: runStart..<bytes.count)
        return result
    }

    // MARK: F2

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
    /// `CharacterClasses` table.
    static func firstDash(in bytes: [UInt8], from index: Int) -> Int? {
        let table = CharacterClasses.table
        var index = index
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                if lead == UInt8(ascii: "-") || lead == UInt8(ascii: "~") { return index }
                index += 1
            } else if UTF8Text.isKanjiLead(lead) {
                index += 3
            } else {
                if lead < 0xF0, CharacterClasses.of(bytes, at: index, table: table).contains(.dash) { return index }
                index += UTF8Text.width(lead: lead)
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

    // MARK: F4

    /// ASCII punctuation that becomes full-width in Japanese context (`-` and `~` are F2's).
    static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && isASCIIPunctuation(UInt8(scalar.value))
    }

    /// `isASCIIPunctuation(_:)` of a byte; no byte of a longer character is one.
    @inline(__always)
    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21...0x2C, 0x2E, 0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7D: true
        default: false
        }
    }

    /// A printable ASCII character other than space: part of a Latin run.
    @inline(__always)
    private static func isLatin(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }

    /// An ASCII letter or digit.
    @inline(__always)
    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        default: false
        }
    }

    /// ASCII punctuation widened where it stands in Japanese context. Only characters change, one
    /// for one, so each keeps its span.
    ///
    /// Kept: punctuation inside a run of Latin characters with a letter or digit on both sides.
    /// Every character that decides this is ASCII, so the rule reads bytes: each byte of a longer
    /// character is simply not Latin, as the character is not.
    ///
    /// - Returns: `nil` if no punctuation is widened.
    static func widenedPunctuation(_ text: TracedText) -> TracedText? {
        let bytes = text.utf8
        var firstPunctuation = 0
        while firstPunctuation < bytes.count, !isASCIIPunctuation(bytes[firstPunctuation]) { firstPunctuation += 1 }
        guard firstPunctuation < bytes.count else { return nil }
        // Most punctuation in these texts stands inside Latin runs (`.profile`, `3.5`); pairing
        // only ever keeps more, so if all of it is kept there is nothing to do.
        guard !keepsAllPunctuation(bytes, from: firstPunctuation) else { return nil }
        var marks = punctuationMarks(bytes, from: firstPunctuation)
        keepPairsTogether(bytes, &marks)
        let widened = marks.filter { !$0.keep }.map(\.index)
        return text.replacingScalars(at: widened, with: Self.widened)
    }

    /// The punctuation from `first` on (and the line breaks, where pairs end), each with whether
    /// it is kept: a letter or digit on both sides within its Latin run.
    static func punctuationMarks(_ bytes: [UInt8], from first: Int) -> [(index: Int, keep: Bool)] {
        var marks: [(index: Int, keep: Bool)] = []
        marks.reserveCapacity(16)
        scanPunctuation(bytes, from: first) { index, keep in
            marks.append((index, keep))
            return true
        }
        return marks
    }

    /// `true` if every ASCII punctuation character from `first` on has a letter or digit on both
    /// sides within its Latin run; stops at the first that does not.
    static func keepsAllPunctuation(_ bytes: [UInt8], from first: Int) -> Bool {
        var all = true
        scanPunctuation(bytes, from: first) { _, keep in
            all = keep
            return keep
        }
        return all
    }

    /// Calls `visit` with each ASCII punctuation character from `first` on and whether it is
    /// kept, and with each line break (kept), until `visit` returns `false`. One pass,
    /// remembering for a stretch of punctuation what stands after it.
    private static func scanPunctuation(_ bytes: [UInt8], from first: Int, _ visit: (Int, Bool) -> Bool) {
        var alphanumericSoFar = alphanumericBefore(first, in: bytes)
        var rightKnownBefore = 0
        var alphanumericRight = false
        for index in first..<bytes.count {
            let byte = bytes[index]
            if isASCIIPunctuation(byte) {
                if index >= rightKnownBefore {
                    (rightKnownBefore, alphanumericRight) = alphanumericAfter(index, in: bytes)
                }
                guard visit(index, alphanumericSoFar && alphanumericRight) else { return }
            } else if byte == UInt8(ascii: "\n") {
                guard visit(index, true) else { return }
            }
            alphanumericSoFar = isLatin(byte) && (alphanumericSoFar || isAlphanumeric(byte))
        }
    }

    /// Whether the Latin run that ends before `index` holds a letter or digit.
    private static func alphanumericBefore(_ index: Int, in bytes: [UInt8]) -> Bool {
        var index = index - 1
        while index >= 0, isLatin(bytes[index]) {
            if isAlphanumeric(bytes[index]) { return true }
            index -= 1
        }
        return false
    }

    /// Where the Latin characters after `index` that are neither letters nor digits end, and
    /// whether a letter or digit stands there: whether a letter or digit follows `index` within
    /// its Latin run, the same for every character up to that end.
    private static func alphanumericAfter(_ index: Int, in bytes: [UInt8]) -> (end: Int, found: Bool) {
        var end = index + 1
        while end < bytes.count, isLatin(bytes[end]), !isAlphanumeric(bytes[end]) { end += 1 }
        return (end, end < bytes.count && isAlphanumeric(bytes[end]))
    }


    /// Brackets and quotes stay a pair: where one of a pair on a line is kept in a Latin run
    /// (`SUM(A1)` keeps its `(`) and the other would be widened, both stay ASCII, so
    /// `=SUM(A1)と` does not become the lopsided `=SUM(A1）と`, nor `say"hi"と` `say"hi”と`.
    /// `marks` are `punctuationMarks(_:from:)`: pairs are looked for among them only.
    static func keepPairsTogether(_ bytes: [UInt8], _ marks: inout [(index: Int, keep: Bool)]) {
        var open: [(byte: UInt8, mark: Int)] = []
        var doubleQuote: Int?
        var singleQuote: Int?
        func join(_ first: Int, _ second: Int) {
            if marks[first].keep != marks[second].keep { (marks[first].keep, marks[second].keep) = (true, true) }
        }
        func opener(of closer: UInt8) -> UInt8 {
            switch closer {
            case UInt8(ascii: ")"): UInt8(ascii: "(")
            case UInt8(ascii: "]"): UInt8(ascii: "[")
            default: UInt8(ascii: "{")
            }
        }
        for mark in marks.indices {
            let byte = bytes[marks[mark].index]
            switch byte {
            case UInt8(ascii: "\n"):
                open.removeAll()
                doubleQuote = nil
                singleQuote = nil
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                open.append((byte, mark))
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                if let last = open.last, last.byte == opener(of: byte) {
                    open.removeLast()
                    join(last.mark, mark)
                }
            case UInt8(ascii: "\""):
                if let first = doubleQuote { join(first, mark); doubleQuote = nil } else { doubleQuote = mark }
            case UInt8(ascii: "'"):
                if let first = singleQuote { join(first, mark); singleQuote = nil } else { singleQuote = mark }
            default:
                break
            }
        }
    }

    static func widened(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "\"": "”"
        case "'": "’"
        case "\\": "￥"
        default: Unicode.Scalar(scalar.value - 0x21 + 0xFF01) ?? scalar
        }
    }

    // MARK: F5

    /// Spaces next to Japanese characters removed; other runs of spaces collapsed to one.
    ///
    /// A single ASCII space that stays is left in the run being copied, since the space it would
    /// become is itself with its own span; runs are copied whole between the changes.
    ///
    /// - Returns: `nil` if no space is removed or collapsed.
    static func removingLayoutSpaces(_ text: TracedText) -> TracedText? {
        let bytes = text.utf8
        guard let firstSpace = nextSpace(in: bytes, from: 0) else { return nil }
        var result = TracedText()
        var edited = false
        // Where the run not yet copied starts.
        var runStart = text.mark(at: 0)
        var index = firstSpace
        while index < bytes.count {
            guard TracedText.spaceWidth(bytes, at: index) != nil else {
                index = nextSpace(in: bytes, from: index + 1) ?? bytes.count
                continue
            }
            var end = index
            while end < bytes.count, let width = TracedText.spaceWidth(bytes, at: end) { end += width }
            let kept =
                index > 0 && end < bytes.count
                && !isJapaneseBlock(text.scalar(at: text.index(before: index))) && !isJapaneseBlock(text.scalar(at: end))
            if kept && end == index + 1 && bytes[index] == 0x20 {
                index = end
                continue
            }
            if !edited { result.reserveCapacity(bytes.count) }
            edited = true
            let spaceStart = text.mark(runStart, movedTo: index)
            let spaceEnd = text.mark(spaceStart, movedTo: end)
            result.append(text, from: runStart, to: spaceStart)
            if kept {
                let span = text.originalRange(from: spaceStart, to: spaceEnd)
                result.append(" ", span: Int32(span.lowerBound)..<Int32(span.upperBound))
            }
            runStart = spaceEnd
            index = end
        }
        guard edited else { return nil }
        result.append(text, from: runStart, to: text.mark(runStart, movedTo: bytes.count))
        return result
    }

    /// Where the first space at or after `index` starts. `20` and `E3` are never continuation
    /// bytes, so the bytes are scanned one by one.
    static func nextSpace(in bytes: [UInt8], from index: Int) -> Int? {
        var index = index
        while index < bytes.count {
            if UTF8Text.isKanjiLead(bytes[index]) {
                index += 3
            } else {
                if TracedText.spaceWidth(bytes, at: index) != nil { return index }
                index += 1
            }
        }
        return nil
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{3000}"
    }

    /// The "blocks" of neologdn and mecab-ipadic-NEologd's rules: CJK ideographs, kana, CJK
    /// symbols and punctuation, half- and full-width forms.
    static func isJapaneseBlock(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F, 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF00...0xFFEF:
            true
        default:
            false
        }
    }
}
