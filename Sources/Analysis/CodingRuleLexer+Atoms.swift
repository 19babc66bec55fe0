/// What a piece of a condition is: an operator, a number or an atom (a word, a phrase, a code, a
/// variable test, a heading), with the errors KH Coder's users make most, each named.
extension CodingRuleLexer {
    private static let operators: [String: Kind] = [
        "and": .and, "or": .or, "not": .not, "&": .and, "|": .or, "!": .not, "&!": .andNot, "|!": .orNot,
        ">": .compare(.greater), ">=": .compare(.greaterOrEqual), "<": .compare(.less), "<=": .compare(.lessOrEqual),
        "==": .compare(.equal), "+": .arithmetic(.add), "-": .arithmetic(.subtract), "*": .arithmetic(.multiply),
        "/": .arithmetic(.divide),
    ]

    /// What a piece is: an operator, a number, or an atom.
    mutating func classify(_ text: String, start: Located) {
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
    mutating func wordPattern(_ text: String, at place: (line: Int, column: Int)) -> CodingRule.WordPattern? {
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
