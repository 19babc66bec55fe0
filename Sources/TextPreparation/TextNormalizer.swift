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
}
