/// Reads KH Coder's coding-rule files (`*.cod`, `*.txt`; `kh_cod.pm` `read_file`):
///
/// ```
/// # a comment
/// ＊地域活性化
/// 地域+活性+化 or '地域活性化' or near(地域-活性)[b5]
/// ＊小規模事業者×補助
/// <＊地域活性化> and ( 補助 or 補助-->サ変名詞 >= 2 )
/// ```
///
/// A line starting with `＊` or `*` starts a code and names it; the non-empty lines after it, up
/// to the next code, are joined into its condition. Lines starting with `#` are comments, and a
/// byte-order mark is ignored. Every error of the file is reported, each at its line and column:
/// within one condition, every malformed atom, and the first grammar error.
///
/// Operators bind as in KH Coder's SQL (MySQL): `* /`, then `+ -`, then comparisons, then
/// `not`/`!`, then `and`/`&`, then `or`/`|`. `A &! B` is `A and not B`, `A |! B` is `A or not B`.
public enum CodingRuleParser {
    /// One code of a file: its name, its condition with references resolved, its line, and its
    /// condition as written (lines trimmed and joined with a space).
    public struct Code: Sendable, Equatable {
        public var name: String
        public var rule: CodingRule
        public var line: Int
        public var source: String
    }

    /// The codes of a rule file, or every error in it.
    public static func parseFile(_ text: String) -> Result<[Code], CodingRuleFileError> {
        var text = Substring(text)
        if text.first == "\u{FEFF}" { text = text.dropFirst() }
        var errors: [CodingRuleError] = []
        var headers: [(name: String, line: Int, condition: [CodingRuleLexer.Located], end: (Int, Int), source: [String])] = []
        var reportedOrphan = false
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = offset + 1
            // "\r\n" is one Character, so CRLF lines are split like LF ones.
            let line = rawLine
            let trimmed = String(line).trimmingSpaces
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if let first = line.first, first == "＊" || first == "*" {
                let name = String(line.dropFirst()).trimmingSpaces
                if name.isEmpty {
                    errors.append(CodingRuleError(line: lineNumber, column: 2, reason: "a code name is expected after '\(first)'"))
                }
                headers.append((name, lineNumber, [], (lineNumber, line.count + 1), []))
                continue
            }
            guard !headers.isEmpty else {
                if !reportedOrphan {
                    errors.append(
                        CodingRuleError(
                            line: lineNumber, column: 1,
                            reason: "a condition before the first code: start each code with a line '＊name'"))
                    reportedOrphan = true
                }
                continue
            }
            var located = headers[headers.count - 1].condition
            if !located.isEmpty {
                // Lines are joined with a space, as KH Coder joins them.
                let previous = headers[headers.count - 1].end
                located.append(.init(character: " ", line: previous.0, column: previous.1))
            }
            for (column, character) in line.enumerated() {
                located.append(.init(character: character, line: lineNumber, column: column + 1))
            }
            headers[headers.count - 1].condition = located
            headers[headers.count - 1].source.append(trimmed)
            headers[headers.count - 1].end = (lineNumber, line.count + 1)
        }

        var parsed: [(name: String, line: Int, rule: CodingRule, references: [CodingRuleLexer.Reference], source: String)] = []
        var firstLine: [String: Int] = [:]
        for header in headers {
            if !header.name.isEmpty {
                if let first = firstLine[header.name] {
                    errors.append(
                        CodingRuleError(
                            line: header.line, column: 1,
                            reason: "the code '＊\(header.name)' is already defined on line \(first)"))
                } else {
                    firstLine[header.name] = header.line
                }
            }
            guard !header.condition.isEmpty else {
                errors.append(
                    CodingRuleError(line: header.line, column: 1, reason: "the code '＊\(header.name)' has no condition"))
                continue
            }
            let result = parseCondition(header.condition, end: header.end)
            errors += result.errors
            if let rule = result.rule {
                parsed.append((header.name, header.line, rule, result.references, header.source.joined(separator: " ")))
            }
        }

        // References: every name must be a code of the file, and no code may depend on itself.
        let names = Set(headers.map(\.name))
        let graph = Dictionary(parsed.map { ($0.name, $0.references) }, uniquingKeysWith: { first, _ in first })
        for code in parsed {
            for reference in code.references where !names.contains(reference.name) {
                errors.append(
                    CodingRuleError(
                        line: reference.line, column: reference.column,
                        reason: "<＊\(reference.name)> refers to no code of this file"))
            }
        }
        errors += cycles(in: graph, order: parsed.map(\.name))
        guard errors.isEmpty else {
            return .failure(CodingRuleFileError(errors: errors.sorted { ($0.line, $0.column) < ($1.line, $1.column) }))
        }
        let rules = Dictionary(parsed.map { ($0.name, $0.rule) }, uniquingKeysWith: { first, _ in first })
        var resolved: [String: CodingRule] = [:]
        return .success(
            parsed.map { code in
                Code(
                    name: code.name, rule: resolve(code.rule, rules: rules, resolved: &resolved), line: code.line,
                    source: code.source)
            })
    }

    /// One condition written on its own (a YAML theme's `rule`), on line `line`. References
    /// (`<＊name>`) name other themes: `rules` gives their conditions.
    public static func parseRule(_ text: String, line: Int = 1, rules: [String: CodingRule] = [:]) -> Result<
        CodingRule, CodingRuleFileError
    > {
        let located = text.enumerated().map { CodingRuleLexer.Located(character: $1, line: line, column: $0 + 1) }
        let result = parseCondition(located, end: (line, text.count + 1))
        var errors = result.errors
        if result.errors.isEmpty, located.allSatisfy({ $0.character.isWhitespace }) {
            errors.append(CodingRuleError(line: line, column: 1, reason: "the rule is empty"))
        }
        for reference in result.references where rules[reference.name] == nil {
            errors.append(
                CodingRuleError(
                    line: reference.line, column: reference.column, reason: "<＊\(reference.name)> refers to no theme"))
        }
        guard errors.isEmpty, let rule = result.rule else { return .failure(CodingRuleFileError(errors: errors)) }
        var resolved: [String: CodingRule] = [:]
        return .success(resolve(rule, rules: rules, resolved: &resolved))
    }

    /// Lexes and parses one condition: the rule if there was no error, and every error found.
    static func parseCondition(_ characters: [CodingRuleLexer.Located], end: (line: Int, column: Int)) -> (
        rule: CodingRule?, errors: [CodingRuleError], references: [CodingRuleLexer.Reference]
    ) {
        var lexer = CodingRuleLexer(characters, end: end)
        lexer.run()
        var grammar = Grammar(lexemes: lexer.lexemes, end: end)
        let rule = grammar.parse()
        let errors = lexer.errors + (grammar.error.map { [$0] } ?? [])
        return (errors.isEmpty ? rule : nil, errors, lexer.references)
    }

    /// An error for each code that depends on itself, at the reference that closes the cycle.
    static func cycles(in graph: [String: [CodingRuleLexer.Reference]], order: [String]) -> [CodingRuleError] {
        var errors: [CodingRuleError] = []
        var done: Set<String> = []
        var reported: Set<String> = []
        // `path` is the chain of references followed to `name`, `name` last.
        func visit(_ name: String, path: [String]) {
            guard !done.contains(name) else { return }
            for reference in graph[name] ?? [] {
                if let start = path.firstIndex(of: reference.name) {
                    let cycle = Array(path[start...]) + [reference.name]
                    let key = "\(reference.line):\(reference.column)"
                    if reported.insert(key).inserted {
                        errors.append(
                            CodingRuleError(
                                line: reference.line, column: reference.column,
                                reason: "the codes refer to each other in a cycle: "
                                    + cycle.map { "＊" + $0 }.joined(separator: " → ")))
                    }
                } else if graph[reference.name] != nil {
                    visit(reference.name, path: path + [reference.name])
                }
            }
            done.insert(name)
        }
        for name in order { visit(name, path: [name]) }
        return errors
    }

    /// `rule` with each `<＊name>` holding the named code's resolved condition.
    static func resolve(_ rule: CodingRule, rules: [String: CodingRule], resolved: inout [String: CodingRule]) -> CodingRule {
        switch rule {
        case .atom(.code(let name, _)):
            if let known = resolved[name] { return .atom(.code(name: name, rule: known)) }
            let target = resolve(rules[name] ?? .number(0), rules: rules, resolved: &resolved)
            resolved[name] = target
            return .atom(.code(name: name, rule: target))
        case .atom, .number: return rule
        case .not(let inner): return .not(resolve(inner, rules: rules, resolved: &resolved))
        case .and(let lhs, let rhs):
            return .and(resolve(lhs, rules: rules, resolved: &resolved), resolve(rhs, rules: rules, resolved: &resolved))
        case .or(let lhs, let rhs):
            return .or(resolve(lhs, rules: rules, resolved: &resolved), resolve(rhs, rules: rules, resolved: &resolved))
        case .compare(let lhs, let op, let rhs):
            return .compare(resolve(lhs, rules: rules, resolved: &resolved), op, resolve(rhs, rules: rules, resolved: &resolved))
        case .arithmetic(let lhs, let op, let rhs):
            return .arithmetic(
                resolve(lhs, rules: rules, resolved: &resolved), op, resolve(rhs, rules: rules, resolved: &resolved))
        }
    }

    /// Recursive descent over the lexemes; stops at the first grammar error.
    struct Grammar {
        let lexemes: [CodingRuleLexer.Lexeme]
        let end: (line: Int, column: Int)
        var position = 0
        var error: CodingRuleError?

        init(lexemes: [CodingRuleLexer.Lexeme], end: (line: Int, column: Int)) {
            self.lexemes = lexemes
            self.end = end
        }

        private struct Stop: Error {}

        mutating func parse() -> CodingRule? {
            guard !lexemes.isEmpty else { return nil }
            do {
                let rule = try parseOr()
                if position < lexemes.count {
                    let next = lexemes[position]
                    if next.kind == .close {
                        try fail("')' without a matching '('", at: next)
                    }
                    let previous = lexemes[position - 1]
                    try fail("an operator (and, or …) is expected between '\(previous.text)' and '\(next.text)'", at: next)
                }
                return rule
            } catch {
                return nil
            }
        }

        private var current: CodingRuleLexer.Lexeme? { position < lexemes.count ? lexemes[position] : nil }

        private mutating func fail(_ reason: String, at lexeme: CodingRuleLexer.Lexeme?) throws(Stop) -> Never {
            error = CodingRuleError(line: lexeme?.line ?? end.line, column: lexeme?.column ?? end.column, reason: reason)
            throw Stop()
        }

        private mutating func parseOr() throws(Stop) -> CodingRule {
            var rule = try parseAnd(negatingFirst: false)
            while let next = current, next.kind == .or || next.kind == .orNot {
                position += 1
                rule = .or(rule, try parseAnd(negatingFirst: next.kind == .orNot))
            }
            return rule
        }

        private mutating func parseAnd(negatingFirst: Bool) throws(Stop) -> CodingRule {
            var rule = try parseNot()
            if negatingFirst { rule = .not(rule) }
            while let next = current, next.kind == .and || next.kind == .andNot {
                position += 1
                let operand = try parseNot()
                rule = .and(rule, next.kind == .andNot ? .not(operand) : operand)
            }
            return rule
        }

        private mutating func parseNot() throws(Stop) -> CodingRule {
            if let next = current, next.kind == .not {
                position += 1
                return .not(try parseNot())
            }
            return try parseComparison()
        }

        private mutating func parseComparison() throws(Stop) -> CodingRule {
            var rule = try parseAdditive()
            while let next = current, case .compare(let op) = next.kind {
                position += 1
                rule = .compare(rule, op, try parseAdditive())
            }
            return rule
        }

        private mutating func parseAdditive() throws(Stop) -> CodingRule {
            var rule = try parseMultiplicative()
            while let next = current, case .arithmetic(let op) = next.kind, op == .add || op == .subtract {
                position += 1
                rule = .arithmetic(rule, op, try parseMultiplicative())
            }
            return rule
        }

        private mutating func parseMultiplicative() throws(Stop) -> CodingRule {
            var rule = try parsePrimary()
            while let next = current, case .arithmetic(let op) = next.kind, op == .multiply || op == .divide {
                position += 1
                rule = .arithmetic(rule, op, try parsePrimary())
            }
            return rule
        }

        private mutating func parsePrimary() throws(Stop) -> CodingRule {
            guard let next = current else {
                let last = lexemes[lexemes.count - 1]
                try fail("the condition ends after '\(last.text)': a word, number or '(' is expected", at: nil)
            }
            switch next.kind {
            case .open:
                position += 1
                let rule = try parseOr()
                guard let close = current, close.kind == .close else {
                    try fail("')' expected to close the '(' at \(next.line):\(next.column)", at: current)
                }
                _ = close
                position += 1
                return rule
            case .atom(let atom):
                position += 1
                return .atom(atom)
            case .number(let value):
                position += 1
                return .number(value)
            case .invalid:
                position += 1
                return .number(0)
            case .close:
                try fail("a word, number or '(' is expected before ')'", at: next)
            default:
                try fail("a word, number or '(' is expected before '\(next.text)'", at: next)
            }
        }
    }
}

/// Every error of a coding-rule file, sorted by place.
public struct CodingRuleFileError: Error, Sendable, Equatable {
    public var errors: [CodingRuleError]

    public init(errors: [CodingRuleError]) {
        self.errors = errors
    }
}
