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

    mutating func fail(_ reason: String, at place: (line: Int, column: Int)) {
        errors.append(CodingRuleError(line: place.line, column: place.column, reason: reason))
    }

    mutating func emit(_ kind: Kind, _ text: String, at start: Located) {
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
