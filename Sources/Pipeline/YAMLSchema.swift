import Yams

/// The keys a YAML file of kotoba may hold, checked before it is decoded, so that a misspelt key
/// (`min-pair-count`, `stopword`, `glob`) is an error naming its line and the key meant, never a
/// setting silently left at its default.
struct YAMLSchema: Sendable {
    /// The keys of this mapping.
    var keys: [String]
    /// Keys whose value is a mapping, or a list of mappings, with keys of their own.
    var nested: [String: YAMLSchema] = [:]
    /// Keys whose value is a string or a list of strings that must be one of a set (`Values`).
    var values: [String: Values] = [:]

    /// The strings a key's values may be: those `isValid` accepts; `candidates` are suggested
    /// for one that is not.
    struct Values: Sendable {
        var what: String
        var candidates: [String]
        var isValid: @Sendable (String) -> Bool
    }

    /// Every problem of the keys and checked values in `root`, each as `line N: reason`, in the
    /// order of the file.
    func problems(in root: Node) -> [String] {
        var found: [String] = []
        check(root, into: &found)
        return found
    }

    private func check(_ node: Node, into found: inout [String]) {
        guard let mapping = node.mapping else { return }
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            guard keys.contains(name) else {
                let suggestion = Self.nearest(to: name, in: keys).map { " (did you mean '\($0)'?)" } ?? ""
                found.append("\(Self.line(key))unknown key '\(name)'\(suggestion)")
                continue
            }
            if let schema = nested[name] {
                if let items = value.sequence {
                    for item in items { schema.check(item, into: &found) }
                } else {
                    schema.check(value, into: &found)
                }
            }
            if let allowed = values[name] {
                for item in value.sequence.map(Array.init) ?? [value] {
                    guard let text = item.string, !allowed.isValid(text) else { continue }
                    let suggestion = Self.nearest(to: text, in: allowed.candidates).map { " (did you mean '\($0)'?)" } ?? ""
                    found.append("\(Self.line(item))'\(name)': unknown \(allowed.what) '\(text)'\(suggestion)")
                }
            }
        }
    }

    private static func line(_ node: Node) -> String {
        node.mark.map { "line \($0.line): " } ?? ""
    }

    /// The candidate nearest to `word`: the same but for case, `-`, `_` and spaces; else the
    /// one fewest edits away (the first of those as near), if that is at most a third of the
    /// word, or 2.
    static func nearest(to word: String, in candidates: [String]) -> String? {
        func folded(_ text: String) -> String {
            String(text.lowercased().unicodeScalars.filter { !"-_ ".unicodeScalars.contains($0) })
        }
        if let same = candidates.first(where: { folded($0) == folded(word) }) { return same }
        let limit = max(2, word.count / 3)
        let scored = candidates.map { ($0, distance(Array(word), Array($0))) }.filter { $0.1 <= limit }
        return scored.min(by: { $0.1 < $1.1 })?.0
    }

    /// Levenshtein distance between two strings of characters.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
