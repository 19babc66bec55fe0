import Corpus
import Tokenization

/// Evaluates a `CodingRule` on one sentence: its normalized text, its MeCab tokens, and the
/// document around it (`ThemeMatcher.Context`).
///
/// Every atom has a number in the sentence, as in KH Coder's SQL: a word, phrase, `near` or `seq`
/// is how many times it occurs, a string 1 if it is found (KH Coder counts the sentences that
/// contain it), a code reference or a
/// variable test 1 or 0, `lw`/`lc`/`No.` the sentence's length or number. `and`, `or` and `not`
/// treat non-zero as true, comparisons give 1 or 0, division by zero gives 0 (SQL's NULL). The
/// sentence matches when the whole rule is non-zero.
///
/// Alongside the number, evaluation collects the *hits*: the token ranges of the positive atoms
/// (not under `not`) that made the rule true. An `or` keeps the hits of its true sides, an `and`
/// those of both sides when both are true, a comparison those of its operands when it holds.
/// Words are compared by base form (the token's lemma under `key`), strings on the sentence under
/// `key`: the rule's words must already be normalized and keyed like the text.
public struct CodingRuleEvaluator {
    let tokens: [Token]
    let text: String
    let family: FeatureLayout.Family
    let key: (String) -> String
    let context: ThemeMatcher.Context
    private let cache: Cache

    /// The tokens' keyed base forms, surfaces and categories, and the keyed sentence, computed
    /// when an atom first needs them.
    private final class Cache {
        var lemmas: [String]?
        var surfaces: [String]?
        var categories: [String]?
        var keyed: KeyedSentence?
    }

    public init(
        sentence: String, tokens: [Token], family: FeatureLayout.Family = .ipadic, context: ThemeMatcher.Context = .none,
        key: @escaping (String) -> String = { $0 }
    ) {
        self.text = sentence
        self.tokens = tokens
        self.family = family
        self.key = key
        self.context = context
        cache = Cache()
    }

    /// Whether `rule` matches the sentence, and the token ranges of its hits (in no order; they
    /// may overlap).
    public func evaluate(_ rule: CodingRule) -> (matched: Bool, hits: [ClosedRange<Int>]) {
        let value = self.value(of: rule)
        return value.number != 0 ? (true, value.hits) : (false, [])
    }

    struct Value {
        var number: Double
        var hits: [ClosedRange<Int>]
        var isTrue: Bool { number != 0 }
    }

    func value(of rule: CodingRule) -> Value {
        switch rule {
        case .number(let number): return Value(number: number, hits: [])
        case .atom(let atom): return value(of: atom)
        case .not(let inner): return Value(number: value(of: inner).isTrue ? 0 : 1, hits: [])
        case .and(let lhs, let rhs):
            let left = value(of: lhs)
            guard left.isTrue else { return Value(number: 0, hits: []) }
            let right = value(of: rhs)
            return right.isTrue ? Value(number: 1, hits: left.hits + right.hits) : Value(number: 0, hits: [])
        case .or(let lhs, let rhs):
            let left = value(of: lhs)
            let right = value(of: rhs)
            return Value(
                number: left.isTrue || right.isTrue ? 1 : 0,
                hits: (left.isTrue ? left.hits : []) + (right.isTrue ? right.hits : []))
        case .compare(let lhs, let op, let rhs):
            let left = value(of: lhs)
            let right = value(of: rhs)
            let holds =
                switch op {
                case .greater: left.number > right.number
                case .greaterOrEqual: left.number >= right.number
                case .less: left.number < right.number
                case .lessOrEqual: left.number <= right.number
                case .equal: left.number == right.number
                }
            return holds ? Value(number: 1, hits: left.hits + right.hits) : Value(number: 0, hits: [])
        case .arithmetic(let lhs, let op, let rhs):
            let left = value(of: lhs)
            let right = value(of: rhs)
            let number: Double =
                switch op {
                case .add: left.number + right.number
                case .subtract: left.number - right.number
                case .multiply: left.number * right.number
                case .divide: right.number == 0 ? 0 : left.number / right.number
                }
            return Value(number: number, hits: left.hits + right.hits)
        }
    }

    private func counted(_ hits: [ClosedRange<Int>]) -> Value { Value(number: Double(hits.count), hits: hits) }

    func value(of atom: CodingRule.Atom) -> Value {
        switch atom {
        case .word(let pattern):
            return counted(tokens.indices.filter { matches(pattern, at: $0) }.map { $0...$0 })
        case .phrase(let patterns):
            guard !patterns.isEmpty, tokens.count >= patterns.count else { return counted([]) }
            var hits: [ClosedRange<Int>] = []
            for start in 0...(tokens.count - patterns.count)
            where patterns.indices.allSatisfy({ matches(patterns[$0], at: start + $0) }) {
                hits.append(start...(start + patterns.count - 1))
            }
            return counted(hits)
        case .near(let patterns, let proximity):
            return counted(self.proximity(patterns, distance: proximity.distance, ordered: false))
        case .sequence(let patterns, let proximity):
            return counted(self.proximity(patterns, distance: proximity.distance, ordered: true))
        case .string(let string):
            // KH Coder counts the units whose text contains the string: 1 or 0 for a sentence.
            let hits = occurrences(of: string)
            return Value(number: hits.isEmpty ? 0 : 1, hits: hits)
        case .code(_, let rule):
            let inner = value(of: rule)
            return inner.isTrue ? Value(number: 1, hits: inner.hits) : Value(number: 0, hits: [])
        case .variable(let name, let value):
            let found = context.variables.contains { $0.name == name && $0.value.trimmingSpaces == value }
            return Value(number: found ? 1 : 0, hits: [])
        case .variableValue(let name):
            let value = context.variables.first { $0.name == name }.flatMap { Double($0.value.trimmingSpaces) } ?? 0
            return Value(number: value, hits: [])
        case .lengthInWords: return Value(number: Double(tokens.count), hits: [])
        case .lengthInCharacters: return Value(number: Double(text.unicodeScalars.count), hits: [])
        case .number: return Value(number: Double(context.sentenceNumber), hits: [])
        case .forms(let forms): return counted(formMatches(forms))
        case .glob(let pattern):
            let compiled = Array(pattern)
            return counted(tokens.indices.filter { Self.glob(compiled, matches: Array(lemmas[$0])) }.map { $0...$0 })
        }
    }

    // MARK: Tokens

    private var lemmas: [String] {
        if let known = cache.lemmas { return known }
        let computed = tokens.map { key($0.lemma(in: text)) }
        cache.lemmas = computed
        return computed
    }

    private var surfaces: [String] {
        if let known = cache.surfaces { return known }
        let computed = tokens.map { key($0.surface(in: text)) }
        cache.surfaces = computed
        return computed
    }

    private var categories: [String] {
        if let known = cache.categories { return known }
        let computed = tokens.map { TermCategory.of($0, in: text, family: family) }
        cache.categories = computed
        return computed
    }

    private var keyed: KeyedSentence {
        if let known = cache.keyed { return known }
        let computed = KeyedSentence(text, tokens: tokens, key: key)
        cache.keyed = computed
        return computed
    }

    /// The feature field holding the conjugation form (活用形) in `family`'s dictionaries.
    static func conjugationIndex(_ family: FeatureLayout.Family) -> Int {
        switch family {
        case .ipadic, .unidic: 5
        case .juman: 3
        }
    }

    /// Whether token `index` fits `pattern`. A part of speech fits if it is the token's KH Coder
    /// category (`TermCategory`) or a level or prefix of the dictionary's own (`名詞`, `名詞-一般`).
    func matches(_ pattern: CodingRule.WordPattern, at index: Int) -> Bool {
        guard index < tokens.count, lemmas[index] == pattern.baseForm else { return false }
        let token = tokens[index]
        if let partOfSpeech = pattern.partOfSpeech {
            let path = token.features.partOfSpeechPath
            guard
                categories[index] == partOfSpeech || path == partOfSpeech || path.hasPrefix(partOfSpeech + "-")
            else { return false }
        }
        if let conjugation = pattern.conjugation {
            let fields = token.features.fields
            let field = Self.conjugationIndex(family)
            guard field < fields.count, fields[field] == conjugation else { return false }
        }
        if let surface = pattern.surface, surfaces[index] != surface { return false }
        return true
    }

    /// The tokens that fit one of `patterns`, in order, with the first pattern each fits.
    private func occurrences(of patterns: [CodingRule.WordPattern]) -> [(token: Int, word: Int)] {
        var found: [(token: Int, word: Int)] = []
        for index in tokens.indices {
            if let word = patterns.indices.first(where: { matches(patterns[$0], at: index) }) { found.append((index, word)) }
        }
        return found
    }

    /// `near()` and `seq()`, after KH Coder's `atom/near.pm` and `atom/sequence.pm`: from each
    /// occurrence of one of the words (of the first word, in order) that is not directly followed
    /// by another occurrence of the same word, the following occurrences are read while each is at
    /// most `distance` tokens after the last word taken (no limit for 0); a word not taken yet
    /// (the next word, in order) is taken; a hit when every word has been taken. The hit spans the
    /// first to the last word taken.
    func proximity(_ patterns: [CodingRule.WordPattern], distance: Int, ordered: Bool) -> [ClosedRange<Int>] {
        let found = occurrences(of: patterns)
        var hits: [ClosedRange<Int>] = []
        for start in found.indices {
            if ordered, found[start].word != 0 { continue }
            if start + 1 < found.count, found[start + 1].word == found[start].word { continue }
            var taken: Set<Int> = []
            var last = found[start].token
            for next in found[start...] {
                if distance > 0, next.token - last > distance { break }
                guard ordered ? next.word == taken.count : !taken.contains(next.word) else { continue }
                taken.insert(next.word)
                last = next.token
                if taken.count == patterns.count {
                    hits.append(found[start].token...last)
                    break
                }
            }
        }
        return hits
    }

    /// Where `string` occurs in the keyed sentence, without overlaps, as the tokens it touches.
    /// An occurrence need not start or end at a token boundary (KH Coder's `atom/string.pm`
    /// searches the text).
    func occurrences(of string: String) -> [ClosedRange<Int>] {
        let needle = Array(string.utf8)
        let keyed = self.keyed
        let bytes = keyed.bytes
        guard !needle.isEmpty, bytes.count >= needle.count else { return [] }
        var hits: [ClosedRange<Int>] = []
        var position = 0
        while position + needle.count <= bytes.count {
            if bytes[position] == needle[0], bytes[position..<(position + needle.count)].elementsEqual(needle) {
                let end = position + needle.count
                if let first = keyed.ends.firstIndex(where: { $0 > position }),
                    let last = keyed.starts.lastIndex(where: { $0 < end }), first <= last
                {
                    hits.append(first...last)
                }
                position = end
            } else {
                position += 1
            }
        }
        return hits
    }

    /// Text forms at token boundaries, as `ThemeMatcher` matches a YAML theme's `terms`.
    func formMatches(_ forms: [String]) -> [ClosedRange<Int>] {
        let patterns = forms.map { Array($0.utf8) }.filter { !$0.isEmpty }
        guard !patterns.isEmpty, !tokens.isEmpty else { return [] }
        let keyed = self.keyed
        var hits: [ClosedRange<Int>] = []
        var reach = 0
        for index in tokens.indices where keyed.starts[index] >= reach {
            if let match = keyed.longestMatch(of: patterns, atToken: index) {
                hits.append(index...match.lastToken)
                reach = keyed.starts[index] + match.length
            }
        }
        return hits
    }

    /// Whether `text` fits `pattern`, where `*` stands for any run of characters and `?` for one.
    static func glob(_ pattern: [Character], matches text: [Character]) -> Bool {
        var p = 0
        var t = 0
        var star: Int?
        var resume = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "*" {
                star = p
                resume = t
                p += 1
            } else if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if let star {
                p = star + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
