import Corpus
import Foundation

/// Character normalization of one paragraph or phrase (reference/normtok.md §4.2 F1–F5), traced
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
    /// - Throws: `NormalizationError` if ICU fails (out of memory, missing data).
    public func normalize(_ text: TracedText) throws(NormalizationError) -> TracedText {
        var text = text
        if applies(.voicedMarks) || applies(.enclosedCharacters) { text = Self.preNFKC(text, rules: rules) }
        if applies(.dashesAndTildes) { text = Self.dashesAndTildes(text) }
        if applies(.nfkc) { text = try ICU.normalizeJapanese(text) }
        if applies(.asciiPunctuation) { text = Self.widenedPunctuation(text) }
        if applies(.spaces) { text = Self.removingLayoutSpaces(text) }
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

    static func preNFKC(_ text: TracedText, rules: Set<NormalizationRule>) -> TracedText {
        // Most paragraphs hold none of these: then there is nothing to rebuild.
        guard text.scalars.contains(where: { (0x309B...0x309C).contains($0.value) || (0x2460...0x249B).contains($0.value)
            || (0x3220...0x3243).contains($0.value) })
        else { return text }
        var result = TracedText()
        result.reserveCapacity(text.count)
        for index in 0..<text.count {
            let scalar = text.scalars[index]
            let span = text.span(at: index)
            switch scalar.value {
            case 0x309B where rules.contains(.voicedMarks), 0x309C where rules.contains(.voicedMarks):
                // か゛ → が: combine with the kana before, if Unicode has the voiced form.
                let combining = scalar.value == 0x309B ? "\u{3099}" : "\u{309A}"
                if let previous = result.scalars.last, isKana(previous) {
                    let composed = (String(previous) + combining).precomposedStringWithCanonicalMapping.unicodeScalars
                    if composed.count == 1, let voiced = composed.first {
                        result.replaceLast(with: voiced, extendingTo: span)
                        continue
                    }
                }
                result.append(scalar, span: span)
            case 0x2460...0x2473 where rules.contains(.enclosedCharacters):  // ①–⑳
                append("（\(scalar.value - 0x245F)）", to: &result, span: span)
            case 0x2474...0x2487 where rules.contains(.enclosedCharacters):  // ⑴–⒇
                append("（\(scalar.value - 0x2473)）", to: &result, span: span)
            case 0x2488...0x249B where rules.contains(.enclosedCharacters):  // ⒈–⒛
                append("\(scalar.value - 0x2487)．", to: &result, span: span)
            case 0x3220...0x3243 where rules.contains(.enclosedCharacters):  // ㈠–㉃, ㈱ …
                let inner = String(scalar).precomposedStringWithCompatibilityMapping
                    .replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
                append(inner, to: &result, span: span)
            default:
                result.append(scalar, span: span)
            }
        }
        return result
    }

    private static func append(_ replacement: String, to text: inout TracedText, span: Range<Int32>) {
        for scalar in replacement.unicodeScalars { text.append(scalar, span: span) }
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

    static func dashesAndTildes(_ text: TracedText) -> TracedText {
        let scalars = text.scalars
        guard let firstDash = scalars.firstIndex(where: { dashKind($0) != nil }) else { return text }
        var result = TracedText()
        result.reserveCapacity(text.count)
        result.append(text, range: 0..<firstDash)
        var lastReplacement: Unicode.Scalar?
        var index = firstDash
        while index < scalars.count {
            let scalar = scalars[index]
            guard let kind = dashKind(scalar) else {
                // Copy the run up to the next dash whole.
                var end = index + 1
                while end < scalars.count, dashKind(scalars[end]) == nil { end += 1 }
                result.append(text, range: index..<end)
                lastReplacement = nil
                index = end
                continue
            }
            let span = text.span(at: index)
            let replacement: Unicode.Scalar
            if kind == .tilde {
                replacement = "〜"
            } else {
                let before = index > 0 ? foldedAlphanumeric(scalars[index - 1]) : false
                let after = index + 1 < scalars.count ? foldedAlphanumeric(scalars[index + 1]) : false
                if before && after {
                    replacement = "-"
                } else if kind == .hyphen {
                    replacement = "‐"
                } else if let previous = result.scalars.last, isKana(previous) || previous == "ー" {
                    replacement = "ー"
                } else {
                    replacement = "―"
                }
            }
            if replacement == lastReplacement, replacement != "-" {
                result.replaceLast(with: replacement, extendingTo: span)  // a run collapses to one
            } else {
                result.append(replacement, span: span)
            }
            lastReplacement = replacement
            index += 1
        }
        return result
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
        switch scalar.value {
        case 0x21...0x2C, 0x2E, 0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7D: true
        default: false
        }
    }

    /// ASCII punctuation widened where it stands in Japanese context. Only characters change, one
    /// for one, so the text is edited in place and keeps its spans.
    static func widenedPunctuation(_ text: TracedText) -> TracedText {
        let scalars = text.scalars
        guard let firstPunctuation = scalars.firstIndex(where: isASCIIPunctuation) else { return text }
        let isLatin: (Unicode.Scalar) -> Bool = { $0.isASCII && $0.value > 0x20 && $0.value < 0x7F }
        let isAlphanumeric: (Unicode.Scalar) -> Bool = { foldedAlphanumeric($0) && $0.isASCII }
        // Kept: inside a run of Latin characters with a letter or digit on both sides. One pass
        // each way notes whether the Latin run so far, up to the character, holds one.
        var keep = [Bool](repeating: false, count: scalars.count)
        var alphanumericSoFar = false
        for index in scalars.indices {
            let scalar = scalars[index]
            if isASCIIPunctuation(scalar) { keep[index] = alphanumericSoFar }
            alphanumericSoFar = isLatin(scalar) && (alphanumericSoFar || isAlphanumeric(scalar))
        }
        alphanumericSoFar = false
        for index in scalars.indices.reversed() {
            let scalar = scalars[index]
            if isASCIIPunctuation(scalar) { keep[index] = keep[index] && alphanumericSoFar }
            alphanumericSoFar = isLatin(scalar) && (alphanumericSoFar || isAlphanumeric(scalar))
        }
        keepPairsTogether(scalars, &keep)
        var result = text
        for index in firstPunctuation..<scalars.count where isASCIIPunctuation(scalars[index]) && !keep[index] {
            result.replaceScalar(at: index, with: widened(scalars[index]))
        }
        return result
    }

    /// Brackets and quotes stay a pair: where one of a pair on a line is kept in a Latin run
    /// (`SUM(A1)` keeps its `(`) and the other would be widened, both stay ASCII, so
    /// `=SUM(A1)と` does not become the lopsided `=SUM(A1）と`, nor `say"hi"と` `say"hi”と`.
    static func keepPairsTogether(_ scalars: [Unicode.Scalar], _ keep: inout [Bool]) {
        var open: [(scalar: Unicode.Scalar, index: Int)] = []
        var doubleQuote: Int?
        var singleQuote: Int?
        func join(_ first: Int, _ second: Int) {
            if keep[first] != keep[second] { (keep[first], keep[second]) = (true, true) }
        }
        func opener(of closer: Unicode.Scalar) -> Unicode.Scalar {
            switch closer {
            case ")": "("
            case "]": "["
            default: "{"
            }
        }
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\n":
                open.removeAll()
                doubleQuote = nil
                singleQuote = nil
            case "(", "[", "{":
                open.append((scalar, index))
            case ")", "]", "}":
                if let last = open.last, last.scalar == opener(of: scalar) {
                    open.removeLast()
                    join(last.index, index)
                }
            case "\"":
                if let first = doubleQuote { join(first, index); doubleQuote = nil } else { doubleQuote = index }
            case "'":
                if let first = singleQuote { join(first, index); singleQuote = nil } else { singleQuote = index }
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
    static func removingLayoutSpaces(_ text: TracedText) -> TracedText {
        let scalars = text.scalars
        guard let firstSpace = scalars.firstIndex(where: isSpace) else { return text }
        var result = TracedText()
        var runStart = 0
        var index = firstSpace
        while index < scalars.count {
            guard isSpace(scalars[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, isSpace(scalars[end]) { end += 1 }
            let kept = index > 0 && end < scalars.count && !isJapaneseBlock(scalars[index - 1]) && !isJapaneseBlock(scalars[end])
            if kept && end == index + 1 && scalars[index] == " " {
                index = end
                continue
            }
            if result.isEmpty { result.reserveCapacity(text.count) }
            result.append(text, range: runStart..<index)
            if kept {
                let span = text.originalRange(of: index..<end)
                result.append(" ", span: Int32(span.lowerBound)..<Int32(span.upperBound))
            }
            runStart = end
            index = end
        }
        guard runStart > 0 else { return text }
        result.append(text, range: runStart..<scalars.count)
        return result
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
