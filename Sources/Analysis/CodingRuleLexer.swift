/// Splits a code's condition into operators and atoms, as KH Coder does (`kh_cod::a_code`): the
/// condition is cut at white space (full-width spaces included) and each piece is an operator if
/// it is exactly one (`and`, `&!`, `>=`, `+` …) and an atom otherwise. So `A + B` adds two counts
/// while `A+B` is one phrase atom (`atom/delimit.pm` only recognizes a lone `+`).
///
/// kotoba also lets `(` and `)` touch what they enclose (`(A or B)`), where KH Coder needs spaces,
/// and reads `near(…)`, `seq(…)`, `'…'` and `<＊…>` as single pieces.
struct CodingRuleLexer {
    /// A character of the condition and where it was written.
    struct Located {
        var character: Character
        var line: Int
        var column: Int
    }

    enum Kind: Equatable {
        case open, close
        case and, or, not, andNot, orNot
        case compare(CodingRule.Comparison)
        case arithmetic(CodingRule.Arithmetic)
        case number(Double)
        case atom(CodingRule.Atom)
        /// An atom with an error already reported: parsing goes on to find grammar errors too.
        case invalid
    }

    struct Lexeme {
        var kind: Kind
        var text: String
        var line: Int
        var column: Int
    }

    /// A reference to another code, with its place, for checking once every code is known.
    struct Reference {
        var name: String
        var line: Int
        var column: Int
    }

    private let characters: [Located]
    private var index = 0
    private(set) var lexemes: [Lexeme] = []
    private(set) var errors: [CodingRuleError] = []
    private(set) var references: [Reference] = []
    /// Where the condition ends, for "expected … at the end" messages.
    let end: (line: Int, column: Int)

    init(_ characters: [Located], end: (line: Int, column: Int)) {
        self.characters = characters
        self.end = end
    }

    /// Lexes the whole condition, collecting every error.
    mutating func run() {
        while index < characters.count {
            let current = characters[index]
            if Self.isSpace(current.character) {
                index += 1
            } else if current.character == "(" {
                lexemes.append(Lexeme(kind: .open, text: "(", line: current.line, column: current.column))
                index += 1
            } else if current.character == ")" {
                lexemes.append(Lexeme(kind: .close, text: ")", line: current.line, column: current.column))
                index += 1
            } else if current.character == "'" {
                lexString()
            } else {
                lexPiece()
            }
        }
    }

    static func isSpace(_ character: Character) -> Bool { character.isWhitespace }

    private var here: (line: Int, column: Int) {
        index < characters.count ? (characters[index].line, characters[index].column) : end
    }

    private mutating func fail(_ reason: String, at place: (line: Int, column: Int)) {
        errors.append(CodingRuleError(line: place.line, column: place.column, reason: reason))
    }

    private mutating func emit(_ kind: Kind, _ text: String, at start: Located) {
        lexemes.append(Lexeme(kind: kind, text: text, line: start.line, column: start.column))
    }

    /// `'文字列'`: up to the next quote.
    private mutating func lexString() {
        let start = characters[index]
        index += 1
        let text = scan(until: "'")
        guard index < characters.count else {
            fail("closing ' missing after '\(text)", at: end)
            emit(.invalid, "'" + text, at: start)
            return
        }
        index += 1
        if text.isEmpty {
            fail("the string '' is empty", at: (start.line, start.column))
            emit(.invalid, "''", at: start)
        } else {
            emit(.atom(.string(text)), "'\(text)'", at: start)
        }
    }

    /// A piece up to white space or a parenthesis, with `near(…)[…]`, `seq(…)[…]` and `<＊…>`
    /// read whole.
    private mutating func lexPiece() {
        let start = characters[index]
        var text = ""
        while index < characters.count {
            let character = characters[index].character
            if Self.isSpace(character) || character == ")" { break }
            if character == "(" {
                if text == "near" || text == "seq" {
                    lexCall(text, start: start)
                    return
                }
                break
            }
            if text == "<" && (character == "＊" || character == "*") {
                lexReference(start: start)
                return
            }
            text.append(character)
            index += 1
        }
        classify(text, start: start)
    }

    /// The characters up to `delimiter` (not included) or the end; `index` stops on it.
    private mutating func scan(until delimiter: Character) -> String {
        var text = ""
        while index < characters.count, characters[index].character != delimiter {
            text.append(characters[index].character)
            index += 1
        }
        return text
    }

    /// `<＊名前>`.
    private mutating func lexReference(start: Located) {
        index += 1  // the ＊
        let name = scan(until: ">")
        guard index < characters.count else {
            fail("'>' expected to close <＊\(name)", at: end)
            emit(.invalid, "<＊" + name, at: start)
            return
        }
        index += 1
        let trimmed = name.trimmingSpaces
        if trimmed.isEmpty {
            fail("a code name is expected in <＊>", at: (start.line, start.column))
            emit(.invalid, "<＊>", at: start)
        } else {
            references.append(Reference(name: trimmed, line: start.line, column: start.column))
            emit(.atom(.code(name: trimmed, rule: .number(0))), "<＊\(trimmed)>", at: start)
        }
    }

    /// `near(A-B…)` or `seq(A-B…)`, then `[N]`, `[bN]` or `[dN]`.
    private mutating func lexCall(_ function: String, start: Located) {
        index += 1  // the (
        var arguments = ""
        let argumentsStart = here
        while index < characters.count, characters[index].character != ")", characters[index].character != "(",
            !Self.isSpace(characters[index].character)
        {
            arguments.append(characters[index].character)
            index += 1
        }
        let written = "\(function)(\(arguments)"
        guard index < characters.count, characters[index].character == ")" else {
            fail("')' expected after \(written)", at: here)
            skipPiece()
            emit(.invalid, written, at: start)
            return
        }
        index += 1
        var proximity = CodingRule.Proximity()
        var valid = true
        if index < characters.count, characters[index].character == "[" {
            let optionStart = here
            index += 1
            var option = ""
            while index < characters.count, characters[index].character != "]", !Self.isSpace(characters[index].character) {
                option.append(characters[index].character)
                index += 1
            }
            if index < characters.count, characters[index].character == "]" {
                index += 1
                var digits = Substring(option)
                var scope = CodingRule.Proximity.Scope.unit
                if let first = digits.first, first == "b" || first == "d" {
                    scope = first == "b" ? .sentence : .paragraph
                    digits = digits.dropFirst()
                }
                // [b] and [d] keep the default distance, as in KH Coder; [0] sets no limit.
                if digits.isEmpty, scope != .unit {
                    proximity = CodingRule.Proximity(scope: scope)
                } else if let distance = Int(digits), digits.allSatisfy(\.isASCII), distance >= 0 {
                    proximity = CodingRule.Proximity(distance: distance, scope: scope)
                } else {
                    fail("the option of \(function)() is [N], [bN] or [dN] with N a number of tokens, not [\(option)]", at: optionStart)
                    valid = false
                }
            } else {
                fail("']' expected after \(written))[\(option)", at: here)
                valid = false
            }
        }
        if index < characters.count, !Self.isSpace(characters[index].character), characters[index].character != ")" {
            let rest = here
            let extra = skipPiece()
            fail("unexpected '\(extra)' after \(function)(…): put a space or an operator after it", at: rest)
            valid = false
        }
        let parts = Self.splitProximityArguments(arguments)
        var patterns: [CodingRule.WordPattern] = []
        if parts.count < 2 || parts.contains(where: \.isEmpty) {
            fail("\(function)() takes two or more words separated by '-', as in \(function)(A-B)", at: argumentsStart)
            valid = false
        } else {
            for part in parts {
                if let pattern = wordPattern(part, at: argumentsStart) { patterns.append(pattern) } else { valid = false }
            }
        }
        guard valid else {
            emit(.invalid, written + ")", at: start)
            return
        }
        emit(.atom(function == "near" ? .near(patterns, proximity) : .sequence(patterns, proximity)), written + ")", at: start)
    }

    /// Skips the rest of a piece; returns it.
    @discardableResult
    private mutating func skipPiece() -> String {
        var text = ""
        while index < characters.count, !Self.isSpace(characters[index].character), characters[index].character != ")" {
            text.append(characters[index].character)
            index += 1
        }
        return text
    }

    /// `A-B-C` split at the `-` that are not part of `-->` or `->`.
    static func splitProximityArguments(_ text: String) -> [String] {
        let characters = Array(text)
        var parts: [String] = []
        var current = ""
        var position = 0
        while position < characters.count {
            let character = characters[position]
            if character == "-" {
                let next = position + 1 < characters.count ? characters[position + 1] : nil
                if next == "-" || next == ">" {
                    // -->, ->: part of a word pattern.
                    current.append(character)
                    if next == "-" {
                        current.append("-")
                        position += 1
                    }
                    position += 1
                    continue
                }
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
            position += 1
        }
        parts.append(current)
        return parts
    }

    private static let operators: [String: Kind] = [
        "and": .and, "or": .or, "not": .not, "&": .and, "|": .or, "!": .not, "&!": .andNot, "|!": .orNot,
        ">": .compare(.greater), ">=": .compare(.greaterOrEqual), "<": .compare(.less), "<=": .compare(.lessOrEqual),
        "==": .compare(.equal), "+": .arithmetic(.add), "-": .arithmetic(.subtract), "*": .arithmetic(.multiply),
        "/": .arithmetic(.divide),
    ]

    /// What a piece is: an operator, a number, or an atom.
    private mutating func classify(_ text: String, start: Located) {
        let place = (start.line, start.column)
        if let kind = Self.operators[text] {
            emit(kind, text, at: start)
            return
        }
        if text == "=" {
            fail("'=' is not an operator: compare with '=='", at: place)
            // Read as '==', so that the grammar around it is still checked.
            emit(.compare(.equal), text, at: start)
            return
        }
        if !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Double(text) {
            emit(.number(value), text, at: start)
            return
        }
        switch text {
        case "lw": emit(.atom(.lengthInWords), text, at: start)
        case "lc": emit(.atom(.lengthInCharacters), text, at: start)
        case "No.": emit(.atom(.number), text, at: start)
        default:
            if let atom = atom(text, at: place) {
                emit(.atom(atom), text, at: start)
            } else {
                emit(.invalid, text, at: start)
            }
        }
    }

    /// The atom `text` is, or `nil` after reporting why it is none.
    private mutating func atom(_ text: String, at place: (line: Int, column: Int)) -> CodingRule.Atom? {
        if text.hasPrefix("<>") {
            return variable(String(text.dropFirst(2)), at: place)
        }
        for comparison in [">=", "<=", "=="] where text.contains(comparison) {
            fail("put spaces around '\(comparison)': write '語 \(comparison) 2', not '\(text)'", at: place)
            return nil
        }
        if text.contains("+") {
            let parts = text.split(separator: "+", omittingEmptySubsequences: false).map(String.init)
            if parts.contains(where: \.isEmpty) {
                fail("a word is missing in the phrase '\(text)' (A+B is A followed by B; write 'A + B' to add counts)", at: place)
                return nil
            }
            var patterns: [CodingRule.WordPattern] = []
            for part in parts {
                guard let pattern = wordPattern(part, at: place) else { return nil }
                patterns.append(pattern)
            }
            return .phrase(patterns)
        }
        return wordPattern(text, at: place).map { .word($0) }
    }

    /// `<>変数名-->値` or `<>変数名<>` (without the leading `<>`).
    private mutating func variable(_ text: String, at place: (line: Int, column: Int)) -> CodingRule.Atom? {
        if text.hasSuffix("<>"), !text.contains("-->") {
            let name = String(text.dropLast(2))
            guard !name.isEmpty else {
                fail("a variable name is expected in <><>", at: place)
                return nil
            }
            return .variableValue(name: name)
        }
        guard let arrow = text.range(of: "-->") else {
            fail("'<>\(text)' needs '-->value' to test a value, or a closing '<>' for its number", at: place)
            return nil
        }
        let name = String(text[..<arrow.lowerBound])
        let value = String(text[arrow.upperBound...])
        if name.isEmpty {
            fail("a variable name is expected between '<>' and '-->'", at: place)
            return nil
        }
        if Self.isHeading(name) {
            fail(
                "headings (<>\(name)-->…) are not supported yet: kotoba does not keep the heading text of sentences",
                at: place)
            return nil
        }
        if value.isEmpty {
            fail("a value is expected after '<>\(name)-->'", at: place)
            return nil
        }
        return .variable(name: name, value: value)
    }

    /// `見出し1`–`見出し5` and `heading1`–`heading5`: KH Coder's heading levels.
    static func isHeading(_ name: String) -> Bool {
        for prefix in ["見出し", "heading", "Heading"] where name.hasPrefix(prefix) {
            let level = name.dropFirst(prefix.count)
            if level.count == 1, let digit = level.first, ("1"..."5").contains(digit) { return true }
        }
        return false
    }

    /// `語`, `語-->品詞`, `語->活用形`, `語=>表層` and their combinations.
    private mutating func wordPattern(_ text: String, at place: (line: Int, column: Int)) -> CodingRule.WordPattern? {
        let characters = Array(text)
        var parts: [(marker: String, value: String)] = [("", "")]
        var position = 0
        while position < characters.count {
            let rest = characters[position...]
            let marker: String? =
                rest.starts(with: "-->") ? "-->" : rest.starts(with: "->") ? "->" : rest.starts(with: "=>") ? "=>" : nil
            if let marker {
                parts.append((marker, ""))
                position += marker.count
            } else {
                parts[parts.count - 1].value.append(characters[position])
                position += 1
            }
        }
        guard !parts[0].value.isEmpty else {
            fail("a word is expected before '\(parts.count > 1 ? parts[1].marker : text)' in '\(text)'", at: place)
            return nil
        }
        var pattern = CodingRule.WordPattern(baseForm: parts[0].value)
        for (marker, value) in parts.dropFirst() {
            let what = marker == "-->" ? "a part of speech" : marker == "->" ? "a conjugation form" : "a surface form"
            guard !value.isEmpty else {
                fail("\(what) is expected after '\(marker)' in '\(text)'", at: place)
                return nil
            }
            switch marker {
            case "-->" where pattern.partOfSpeech == nil: pattern.partOfSpeech = value
            case "->" where pattern.conjugation == nil: pattern.conjugation = value
            case "=>" where pattern.surface == nil: pattern.surface = value
            default:
                fail("'\(marker)' is given twice in '\(text)'", at: place)
                return nil
            }
        }
        return pattern
    }
}

extension String {
    /// Without leading and trailing white space, full-width spaces included.
    var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
