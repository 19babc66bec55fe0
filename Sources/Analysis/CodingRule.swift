/// A KH Coder coding rule (コーディングルール): the condition a sentence must meet to belong to a
/// theme, as a tree. `CodingRuleParser` builds it from the rule-file syntax and
/// `CodingRuleEvaluator` evaluates it on one sentence.
///
/// As in KH Coder, every atom has a number in the sentence (how often a word occurs, whether a
/// variable has a value …), operators work on those numbers as SQL does (`語 >= 2`, `A + B > 3`),
/// and a sentence matches when the whole expression is non-zero.
public indirect enum CodingRule: Sendable, Equatable {
    case atom(Atom)
    /// A number written in the rule (`2` in `語 >= 2`).
    case number(Double)
    case not(CodingRule)
    case and(CodingRule, CodingRule)
    case or(CodingRule, CodingRule)
    case compare(CodingRule, Comparison, CodingRule)
    case arithmetic(CodingRule, Arithmetic, CodingRule)

    /// `> >= < <= ==`.
    public enum Comparison: String, Sendable, Equatable {
        case greater = ">", greaterOrEqual = ">=", less = "<", lessOrEqual = "<=", equal = "=="
    }

    /// `+ - * /` between counts (written with spaces around them: `A+B` is a phrase).
    public enum Arithmetic: String, Sendable, Equatable {
        case add = "+", subtract = "-", multiply = "*", divide = "/"
    }

    /// One condition on the sentence, with its number.
    public enum Atom: Sendable, Equatable {
        /// `語`, `語-->品詞`, `語->活用形`, `語=>表層`: tokens of that word; the number of them.
        case word(WordPattern)
        /// `A+B+C`: consecutive tokens, one per pattern; the number of such runs.
        case phrase([WordPattern])
        /// `near(A-B)[N]`: every word within `distance` tokens of the previous one, in any order.
        case near([WordPattern], Proximity)
        /// `seq(A-B)[N]`: the words in this order, each within `distance` tokens of the previous.
        case sequence([WordPattern], Proximity)
        /// `'文字列'`: the string in the normalized sentence text, anywhere; 1 if found (KH Coder
        /// counts the sentences containing it), each occurrence a hit.
        case string(String)
        /// `<＊名前>`: 1 if the other code matches the sentence. Holds the code's condition,
        /// resolved when the file is read (references to unknown codes and cycles are errors).
        case code(name: String, rule: CodingRule)
        /// `<>変数名-->値`: 1 if the document's variable has that value.
        case variable(name: String, value: String)
        /// `<>変数名<>`: the variable's value as a number (0 when missing or not a number).
        case variableValue(name: String)
        /// `lw`: tokens in the sentence.
        case lengthInWords
        /// `lc`: characters (Unicode code points) of the normalized sentence.
        case lengthInCharacters
        /// `No.`: the sentence's number in its document, from 1 (KH Coder numbers units across
        /// the whole project; kotoba counts within a document).
        case number
        /// Text forms matched on the normalized sentence at token boundaries, the longest at each
        /// place and without overlaps: the `terms` of a YAML theme.
        case forms([String])
        /// A base-form pattern with `*` (any run of characters) and `?` (one character): `globs`
        /// of a YAML theme.
        case glob(String)
    }

    /// A word pattern: a base form, optionally restricted by part of speech, conjugation form and
    /// surface form.
    public struct WordPattern: Sendable, Equatable {
        /// The base form (基本形), keyed like the text once the file is read.
        public var baseForm: String
        /// `-->品詞`: a KH Coder category (`TermCategory`) or the dictionary's own part of speech.
        public var partOfSpeech: String?
        /// `->活用形`: the conjugation form field, exactly.
        public var conjugation: String?
        /// `=>表層`: the surface form, keyed like the text once the file is read.
        public var surface: String?

        public init(baseForm: String, partOfSpeech: String? = nil, conjugation: String? = nil, surface: String? = nil) {
            self.baseForm = baseForm
            self.partOfSpeech = partOfSpeech
            self.conjugation = conjugation
            self.surface = surface
        }
    }

    /// The options of `near()` and `seq()`: `[N]`, `[bN]`, `[dN]`.
    public struct Proximity: Sendable, Equatable {
        /// The scope KH Coder gives the words: `b` the same sentence, `d` the same paragraph.
        /// Themes are evaluated per sentence, so both mean the sentence here.
        public enum Scope: String, Sendable, Equatable {
            case unit = "", sentence = "b", paragraph = "d"
        }

        /// KH Coder's default distance.
        public static let defaultDistance = 10

        /// The most tokens between a word and the previous one; 0 for no limit.
        public var distance: Int
        public var scope: Scope

        public init(distance: Int = Self.defaultDistance, scope: Scope = .unit) {
            self.distance = distance
            self.scope = scope
        }
    }

    /// How many atoms the rule holds (a referenced code counts as one).
    public var atomCount: Int {
        switch self {
        case .atom: 1
        case .number: 0
        case .not(let rule): rule.atomCount
        case .and(let lhs, let rhs), .or(let lhs, let rhs), .compare(let lhs, _, let rhs), .arithmetic(let lhs, _, let rhs):
            lhs.atomCount + rhs.atomCount
        }
    }

    /// Whether the rule tests document variables (`<>変数名-->値`, `<>変数名<>`), itself or
    /// through a referenced code: its result then depends on more than the sentence's text.
    public var usesVariables: Bool {
        switch self {
        case .atom(.variable), .atom(.variableValue): true
        case .atom(.code(_, let rule)): rule.usesVariables
        case .atom, .number: false
        case .not(let rule): rule.usesVariables
        case .and(let lhs, let rhs), .or(let lhs, let rhs), .compare(let lhs, _, let rhs), .arithmetic(let lhs, _, let rhs):
            lhs.usesVariables || rhs.usesVariables
        }
    }

    /// The rule with every word, surface and string passed through `transform` (to normalize
    /// and key them like the text), stopping at the first error.
    public func mapText<E: Error>(_ transform: (String) throws(E) -> String) throws(E) -> CodingRule {
        switch self {
        case .atom(let atom): return .atom(try atom.mapText(transform))
        case .number: return self
        case .not(let rule): return .not(try rule.mapText(transform))
        case .and(let lhs, let rhs): return .and(try lhs.mapText(transform), try rhs.mapText(transform))
        case .or(let lhs, let rhs): return .or(try lhs.mapText(transform), try rhs.mapText(transform))
        case .compare(let lhs, let op, let rhs): return .compare(try lhs.mapText(transform), op, try rhs.mapText(transform))
        case .arithmetic(let lhs, let op, let rhs):
            return .arithmetic(try lhs.mapText(transform), op, try rhs.mapText(transform))
        }
    }
}

extension CodingRule.Atom {
    func mapText<E: Error>(_ transform: (String) throws(E) -> String) throws(E) -> Self {
        func words(_ patterns: [CodingRule.WordPattern]) throws(E) -> [CodingRule.WordPattern] {
            var result: [CodingRule.WordPattern] = []
            for pattern in patterns { result.append(try pattern.mapText(transform)) }
            return result
        }
        switch self {
        case .word(let pattern): return .word(try pattern.mapText(transform))
        case .phrase(let patterns): return .phrase(try words(patterns))
        case .near(let patterns, let proximity): return .near(try words(patterns), proximity)
        case .sequence(let patterns, let proximity): return .sequence(try words(patterns), proximity)
        case .string(let text): return .string(try transform(text))
        case .code(let name, let rule): return .code(name: name, rule: try rule.mapText(transform))
        case .forms(let forms):
            var result: [String] = []
            for form in forms { result.append(try transform(form)) }
            return .forms(result)
        case .glob(let pattern): return .glob(try transform(pattern))
        case .variable, .variableValue, .lengthInWords, .lengthInCharacters, .number: return self
        }
    }
}

extension CodingRule.WordPattern {
    func mapText<E: Error>(_ transform: (String) throws(E) -> String) throws(E) -> Self {
        var pattern = self
        pattern.baseForm = try transform(baseForm)
        pattern.surface = try surface.map { (text) throws(E) -> String in try transform(text) }
        return pattern
    }
}

extension CodingRule: CustomStringConvertible {
    /// The rule in KH Coder's syntax, fully parenthesized: a canonical text, for the cache
    /// identity and for messages.
    public var description: String {
        switch self {
        case .atom(let atom): atom.description
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .not(let rule): "not \(rule)"
        case .and(let lhs, let rhs): "( \(lhs) and \(rhs) )"
        case .or(let lhs, let rhs): "( \(lhs) or \(rhs) )"
        case .compare(let lhs, let op, let rhs): "( \(lhs) \(op.rawValue) \(rhs) )"
        case .arithmetic(let lhs, let op, let rhs): "( \(lhs) \(op.rawValue) \(rhs) )"
        }
    }
}

extension CodingRule.Atom: CustomStringConvertible {
    public var description: String {
        func option(_ proximity: CodingRule.Proximity) -> String { "[\(proximity.scope.rawValue)\(proximity.distance)]" }
        switch self {
        case .word(let pattern): return pattern.description
        case .phrase(let patterns): return patterns.map(\.description).joined(separator: "+")
        case .near(let patterns, let proximity):
            return "near(" + patterns.map(\.description).joined(separator: "-") + ")" + option(proximity)
        case .sequence(let patterns, let proximity):
            return "seq(" + patterns.map(\.description).joined(separator: "-") + ")" + option(proximity)
        case .string(let text): return "'\(text)'"
        // The referenced code's own condition is part of the file, hence of the identity too.
        case .code(let name, _): return "<＊\(name)>"
        case .variable(let name, let value): return "<>\(name)-->\(value)"
        case .variableValue(let name): return "<>\(name)<>"
        case .lengthInWords: return "lw"
        case .lengthInCharacters: return "lc"
        case .number: return "No."
        case .forms(let forms): return "forms[" + forms.joined(separator: "|") + "]"
        case .glob(let pattern): return "glob[\(pattern)]"
        }
    }
}

extension CodingRule.WordPattern: CustomStringConvertible {
    public var description: String {
        baseForm + (partOfSpeech.map { "-->" + $0 } ?? "") + (conjugation.map { "->" + $0 } ?? "")
            + (surface.map { "=>" + $0 } ?? "")
    }
}
